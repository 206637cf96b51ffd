import Core
import Testing

/// Transforms run on staging rows built by hand, each expected row worked out from them.
extension WarehouseConformance {
    private func play(_ user: String?, session: Int64?, item: Int64?, ts: Int64, song: String? = "T", artist: String? = "A",
                      length: Double? = 100, level: String = "free", page: String = "NextSong") -> [String: SQLValue] {
        [
            "user_id": user.map(SQLValue.text) ?? .null, "session_id": session.map(SQLValue.integer) ?? .null,
            "item_in_session": item.map(SQLValue.integer) ?? .null, "ts": .integer(ts), "page": .text(page),
            "song": song.map(SQLValue.text) ?? .null, "artist": artist.map(SQLValue.text) ?? .null,
            "length": length.map(SQLValue.double) ?? .null, "level": .text(level),
        ]
    }

    private func song(_ id: String?, title: String = "T", artist: String = "A", duration: Double = 100,
                      artistID: String = "AR1") -> [String: SQLValue] {
        ["song_id": id.map(SQLValue.text) ?? .null, "title": .text(title), "artist_name": .text(artist),
         "duration": .double(duration), "artist_id": .text(artistID)]
    }

    /// Plays match a staged song on title, artist name and duration within 0.001; the smallest
    /// `song_id` wins; unmatched plays stay with NULLs; only NextSong events of signed-in users
    /// count, once per identity.
    public func songplaysMatchAndDeduplicate() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        try transform(warehouse, songs: [
            song("SOB", duration: 100, artistID: "AR2"),
            song("SOA", duration: 100.0005, artistID: "AR1"),
            song("SOC", artist: "a", duration: 100, artistID: "AR3"),
            song(nil, duration: 100, artistID: "AR9"),
        ], events: [
            play("1", session: 1, item: 0, ts: 1000),                          // SOB and SOA match: SOA
            play("1", session: 1, item: 1, ts: 2000, length: 100.0014),        // 0.0009 from SOA, 0.0014 from SOB
            play("1", session: 1, item: 2, ts: 3000, length: 99.9985),         // 0.0015 and 0.002: no match
            play("2", session: 5, item: 0, ts: 4000, artist: "a"),             // artist names are case-sensitive
            play("2", session: 5, item: 1, ts: 5000, length: nil),             // no length, no match
            play("2", session: 5, item: 2, ts: 6000, page: "Home"),            // not a play
            play("", session: 6, item: 0, ts: 7000),                           // signed out
            play(nil, session: 6, item: 1, ts: 8000),                          // no user
            play("1", session: 1, item: 0, ts: 9000, level: "paid"),           // the first play again, later
        ])
        let milliseconds = { (ms: Int) in SQLValue.text("1970-01-01 00:00:0\(ms / 1000).000") }
        #expect(try rows(of: StarSchema.songplays, in: warehouse).map { Array($0[1...6]) } == [
            [milliseconds(1000), .integer(1), .text("free"), .text("SOA"), .text("AR1"), .integer(1)],
            [milliseconds(2000), .integer(1), .text("free"), .text("SOA"), .text("AR1"), .integer(1)],
            [milliseconds(3000), .integer(1), .text("free"), .null, .null, .integer(1)],
            [milliseconds(4000), .integer(2), .text("free"), .text("SOC"), .text("AR3"), .integer(5)],
            [milliseconds(5000), .integer(2), .text("free"), .null, .null, .integer(5)],
        ])
        #expect(try rows(of: StarSchema.songplays, in: warehouse).map(\.[0]) == (1...5).map { SQLValue.integer($0) })
    }

    /// An event loaded again in a later load, even missing its session and item, adds no second
    /// songplay; new events are numbered after the existing ones.
    public func songplaysAreIdempotentAcrossLoads() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        let first = [play("1", session: 1, item: 0, ts: 5000), play("3", session: nil, item: nil, ts: 6000)]
        try transform(warehouse, events: first)
        try transform(warehouse, events: first + [play("1", session: 1, item: 1, ts: 1000)])
        #expect(try rows(of: StarSchema.songplays, in: warehouse).map { [$0[0], $0[1], $0[2]] } == [
            [.integer(1), .text("1970-01-01 00:00:05.000"), .integer(1)],
            [.integer(2), .text("1970-01-01 00:00:06.000"), .integer(3)],
            [.integer(3), .text("1970-01-01 00:00:01.000"), .integer(1)],
        ])
        // user, session, item, songplay_id, load_id (1: these transforms record no load).
        #expect(try rows(of: StarSchema.songplayKeys, in: warehouse) == [
            [.integer(1), .integer(1), .integer(0), .integer(1), .integer(1)],
            [.integer(1), .integer(1), .integer(1), .integer(3), .integer(1)],
            [.integer(3), .integer(SongplayIdentity.missingPart), .integer(SongplayIdentity.missingPart), .integer(2), .integer(1)],
        ])
    }

    /// A user is taken from their latest event of any page: greatest `ts`, then greatest
    /// `item_in_session`, over every load: a back-fill of older events does not change them,
    /// a later event does.
    public func usersComeFromTheLatestEvent() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        func event(_ user: String, ts: Int64, item: Int64, first: String, level: String, page: String = "Home") -> [String: SQLValue] {
            ["user_id": .text(user), "ts": .integer(ts), "item_in_session": .integer(item), "session_id": .integer(1),
             "first_name": .text(first), "last_name": .text("L"), "gender": .text("F"), "level": .text(level), "page": .text(page)]
        }
        try transform(warehouse, events: [
            event("5", ts: 100, item: 1, first: "Early", level: "free", page: "NextSong"),
            event("5", ts: 300, item: 0, first: "Tied", level: "paid"),
            event("5", ts: 300, item: 2, first: "Latest", level: "paid", page: "Logout"),
            event("6", ts: 200, item: 9, first: "Only", level: "free"),
            event("", ts: 900, item: 0, first: "Nobody", level: "free"),
        ])
        #expect(try rows(of: StarSchema.users, in: warehouse) == [
            [.integer(5), .text("Latest"), .text("L"), .text("F"), .text("paid")],
            [.integer(6), .text("Only"), .text("L"), .text("F"), .text("free")],
        ])
        try transform(warehouse, events: [event("6", ts: 50, item: 0, first: "Backfilled", level: "paid")])
        #expect(try rows(of: StarSchema.users, in: warehouse).map { [$0[0], $0[1], $0[4]] } == [
            [.integer(5), .text("Latest"), .text("paid")],
            [.integer(6), .text("Only"), .text("free")],
        ])
        try transform(warehouse, events: [event("6", ts: 250, item: 0, first: "Renamed", level: "paid")])
        #expect(try rows(of: StarSchema.users, in: warehouse).map { [$0[0], $0[1], $0[4]] } == [
            [.integer(5), .text("Latest"), .text("paid")],
            [.integer(6), .text("Renamed"), .text("paid")],
        ])
    }

    /// An artist comes from their song with the smallest `song_id`; a repeated `song_id` keeps
    /// one row.
    public func artistsAndSongsPickOneRowPerKey() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        func songRow(_ id: String?, artist: String, name: String, location: SQLValue, latitude: SQLValue, year: Int64) -> [String: SQLValue] {
            ["song_id": id.map(SQLValue.text) ?? .null, "artist_id": .text(artist), "artist_name": .text(name),
             "artist_location": location, "artist_latitude": latitude, "title": .text("t"), "year": .integer(year),
             "duration": .double(1)]
        }
        try transform(warehouse, songs: [
            songRow("SOB", artist: "AR1", name: "Second", location: .text("There"), latitude: .double(2), year: 2000),
            songRow("SOA", artist: "AR1", name: "First", location: .null, latitude: .double(1.5), year: 1999),
            songRow(nil, artist: "AR1", name: "Unnamed", location: .text("Nowhere"), latitude: .null, year: 1),
            songRow("SOC", artist: "AR2", name: "Other", location: .text(""), latitude: .null, year: 0),
            songRow("SOC", artist: "AR0", name: "Twin", location: .text("Here"), latitude: .null, year: 0),
        ])
        #expect(try rows(of: StarSchema.artists, in: warehouse) == [
            [.text("AR0"), .text("Twin"), .text("Here"), .null, .null],
            [.text("AR1"), .text("First"), .null, .double(1.5), .null],
            [.text("AR2"), .text("Other"), .text(""), .null, .null],
        ])
        #expect(try rows(of: StarSchema.songs, in: warehouse).map { [$0[0], $0[2], $0[3]] } == [
            [.text("SOA"), .text("AR1"), .integer(1999)],
            [.text("SOB"), .text("AR1"), .integer(2000)],
            [.text("SOC"), .text("AR0"), .integer(0)],
        ])
    }

    /// Play times keep their milliseconds, and break into UTC parts: ISO weeks across year ends,
    /// weekday 0 = Sunday, times before 1970, and the first and last millisecond that staging
    /// accepts (years 1 and 9999).
    public func timeHasCalendarParts() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        let stamps: [Int64] = [1_546_214_400_000, 1_609_632_000_000, 1_230_768_000_000, 1_104_537_600_000,
                               1_541_030_400_005, 1_541_030_399_999, -1, -62_135_596_800_000, 253_402_300_799_999]
        try transform(warehouse, events: stamps.enumerated().map { index, ts in play("1", session: 1, item: Int64(index), ts: ts) })
        func row(_ start: String, _ parts: Int64...) -> [SQLValue] { [.text(start)] + parts.map(SQLValue.integer) }
        #expect(try rows(of: StarSchema.time, in: warehouse) == [
            // hour, day, ISO week, month, year, weekday
            row("0001-01-01 00:00:00.000", 0, 1, 1, 1, 1, 1),         // a Monday (proleptic Gregorian): week 1
            row("1969-12-31 23:59:59.999", 23, 31, 1, 12, 1969, 3),   // a Wednesday in ISO week 1 of 1970
            row("2005-01-01 00:00:00.000", 0, 1, 53, 1, 2005, 6),     // a Saturday in week 53 of 2004
            row("2009-01-01 00:00:00.000", 0, 1, 1, 1, 2009, 4),      // a Thursday: week 1
            row("2018-10-31 23:59:59.999", 23, 31, 44, 10, 2018, 3),
            row("2018-11-01 00:00:00.005", 0, 1, 44, 11, 2018, 4),
            row("2018-12-31 00:00:00.000", 0, 31, 1, 12, 2018, 1),    // a Monday in week 1 of 2019
            row("2021-01-03 00:00:00.000", 0, 3, 53, 1, 2021, 0),     // a Sunday in week 53 of 2020
            row("9999-12-31 23:59:59.999", 23, 31, 52, 12, 9999, 5),  // a Friday in week 52
        ])
    }
}
