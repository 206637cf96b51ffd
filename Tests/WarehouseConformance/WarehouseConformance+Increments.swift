import Core
import Foundation
import Testing

/// Loads compose: loads of parts of the data, in any order, leave the star as one load of all
/// of it. Each case is a sequence of loads of folders written by hand, with the expected rows
/// worked out from them.
extension WarehouseConformance {
    /// Loads a folder holding `songs` (one file each) and `events` (one log file) into
    /// `warehouse`; an empty part has no folder at all, as a daily increment has no `song_data/`.
    @discardableResult
    private func load(_ warehouse: any BulkLoadingWarehouse, songs: [String] = [], events: [String] = []) throws -> RunReport {
        let folder = TemporaryFolder()
        for (index, song) in songs.enumerated() {
            folder.write("song_data/S\(index).json", song)
        }
        if !events.isEmpty {
            folder.write("log_data/events.json", events.joined(separator: "\n") + "\n")
        }
        return try run(.load, on: warehouse, from: folder.path)
    }

    private func songJSON(_ id: String, title: String, artistID: String, artist: String, duration: Double) -> String {
        #"{"num_songs":1,"artist_id":"\#(artistID)","artist_latitude":null,"artist_longitude":null,"artist_location":"","#
            + #""artist_name":"\#(artist)","song_id":"\#(id)","title":"\#(title)","duration":\#(duration),"year":2000}"#
    }

    private func playJSON(user: Int, session: Int, item: Int, ts: Int64, song: String, artist: String = "Band",
                          length: Double = 200, level: String = "free") -> String {
        #"{"artist":"\#(artist)","auth":"Logged In","firstName":"F\#(user)","gender":"F","itemInSession":\#(item),"#
            + #""lastName":"L","length":\#(length),"level":"\#(level)","location":"Here","method":"PUT","page":"NextSong","#
            + #""registration":1.0,"sessionId":\#(session),"song":"\#(song)","status":200,"ts":\#(ts),"userAgent":"UA","userId":"\#(user)"}"#
    }

    /// A play loaded before its song is in the catalogue is matched when the song arrives, in
    /// a load that brings songs only; its id and time stay.
    public func songsArrivingAfterTheirPlaysMatchThem() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        try load(warehouse, events: [
            playJSON(user: 1, session: 1, item: 0, ts: 1_000, song: "Late Song"),
            playJSON(user: 1, session: 1, item: 1, ts: 2_000, song: "Never"),
        ])
        #expect(try rows(of: StarSchema.songplays, in: warehouse).map { [$0[0], $0[4], $0[5]] } == [
            [.integer(1), .null, .null], [.integer(2), .null, .null],
        ])
        try load(warehouse, songs: [
            songJSON("SO9", title: "Late Song", artistID: "AR9", artist: "Band", duration: 200.0004),
        ])
        #expect(try rows(of: StarSchema.songplays, in: warehouse).map { [$0[0], $0[1], $0[4], $0[5]] } == [
            [.integer(1), .text("1970-01-01 00:00:01.000"), .text("SO9"), .text("AR9")],
            [.integer(2), .text("1970-01-01 00:00:02.000"), .null, .null],
        ])
        #expect(try rows(of: StarSchema.time, in: warehouse).map(\.[0]) == [.text("1970-01-01 00:00:01.000"), .text("1970-01-01 00:00:02.000")])
        #expect(try rows(of: StarSchema.songs, in: warehouse).map(\.[0]) == [.text("SO9")])
    }

    /// One identity brought twice, with different copies, by two loads: the copy the rule
    /// prefers wins whichever load brought it (a matched song first, then the earliest `ts`);
    /// the songplay keeps its id, and `time` follows its time.
    public func laterCopiesOfAPlayWinByTheRule() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        let song = songJSON("SO1", title: "Known", artistID: "AR1", artist: "Band", duration: 200)
        // Load 1: an unmatched copy at 5 s, and another play.
        try load(warehouse, songs: [song], events: [
            playJSON(user: 2, session: 7, item: 3, ts: 5_000, song: "Unknown"),
            playJSON(user: 2, session: 7, item: 4, ts: 6_000, song: "Unknown"),
        ])
        // Load 2: an earlier unmatched copy of the first play wins on time.
        try load(warehouse, events: [playJSON(user: 2, session: 7, item: 3, ts: 4_000, song: "Other")])
        #expect(try rows(of: StarSchema.songplays, in: warehouse).map { [$0[0], $0[1], $0[4]] } == [
            [.integer(1), .text("1970-01-01 00:00:04.000"), .null],
            [.integer(2), .text("1970-01-01 00:00:06.000"), .null],
        ])
        #expect(try rows(of: StarSchema.time, in: warehouse).map(\.[0]) == [.text("1970-01-01 00:00:04.000"), .text("1970-01-01 00:00:06.000")])
        // Load 3: a later copy that matches a song beats both.
        try load(warehouse, events: [playJSON(user: 2, session: 7, item: 3, ts: 9_000, song: "Known")])
        #expect(try rows(of: StarSchema.songplays, in: warehouse).map { [$0[0], $0[1], $0[4]] } == [
            [.integer(1), .text("1970-01-01 00:00:09.000"), .text("SO1")],
            [.integer(2), .text("1970-01-01 00:00:06.000"), .null],
        ])
        #expect(try rows(of: StarSchema.time, in: warehouse).map(\.[0]) == [.text("1970-01-01 00:00:06.000"), .text("1970-01-01 00:00:09.000")])
    }

    /// An artist's song with a smaller `song_id` arriving in a later load names the artist;
    /// one with a larger one, later still, does not.
    public func smallerSongIDsArrivingLaterNameTheArtist() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        try load(warehouse, songs: [songJSON("SOM", title: "M", artistID: "AR1", artist: "Middle", duration: 1)])
        try load(warehouse, songs: [songJSON("SOA", title: "A", artistID: "AR1", artist: "First", duration: 1)])
        try load(warehouse, songs: [songJSON("SOZ", title: "Z", artistID: "AR1", artist: "Last", duration: 1)])
        #expect(try rows(of: StarSchema.artists, in: warehouse).map { [$0[0], $0[1]] } == [[.text("AR1"), .text("First")]])
        #expect(try rows(of: StarSchema.songs, in: warehouse).map(\.[0]) == [.text("SOA"), .text("SOM"), .text("SOZ")])
    }

    /// A failed load between two good ones: its `loads` row says failed, with its error, and
    /// the star is as if it never ran.
    public func failedLoadsBetweenGoodOnesAreRecordedAndChangeNothing() throws {
        let warehouse = try makeWarehouse(), reference = try makeWarehouse()
        defer { warehouse.close(); reference.close() }
        let first = [playJSON(user: 1, session: 1, item: 0, ts: 1_000, song: "X")]
        let second = [playJSON(user: 1, session: 1, item: 1, ts: 2_000, song: "Y")]
        try load(warehouse, events: first)
        #expect(throws: StagingError.self) {
            try load(warehouse, events: [playJSON(user: 1, session: 1, item: 5, ts: 500, song: "Z"), "not json"])
        }
        try load(warehouse, events: second)
        try load(reference, events: first)
        try load(reference, events: second)
        // Equal but for the loads that brought each play and request: 1 and 3 here, 1 and 2 there.
        var (loaded, expected) = (try snapshot(of: warehouse), try snapshot(of: reference))
        for table in [StarSchema.songplayKeys, StarSchema.playRequests] {
            loaded[table.name] = loaded[table.name]?.map { Array($0.dropLast()) }
            expected[table.name] = expected[table.name]?.map { Array($0.dropLast()) }
        }
        #expect(loaded == expected)
        let history = try history(of: warehouse)
        #expect(history.map { [$0[0], $0[3]] } == [[.integer(1), .text("loaded")], [.integer(2), .text("failed")], [.integer(3), .text("loaded")]])
        #expect(history[1][4] == .text("staging_events: 1 record rejected, more than the 0 allowed (--max-errors); nothing was loaded"))
        // Event files, records read and rejected; the failed load stopped reading at its rejection.
        #expect(history.map { Array($0[11...13]) } == [
            [.integer(1), .integer(1), .integer(0)], [.null, .null, .integer(1)], [.integer(1), .integer(1), .integer(0)],
        ])
        #expect(try rows(of: StarSchema.songplayKeys, in: warehouse).map(\.[4]) == [.integer(1), .integer(3)])
        #expect(try rows(of: StarSchema.playRequests, in: warehouse).map(\.[13]) == [.integer(1), .integer(3)])
    }
}
