/// The songs a data set's logs play from, and the song files that describe them.
struct Catalogue {
    /// One song file's content.
    struct Song {
        let trackID: String
        let songID: String
        let title: String
        let duration: Double
        let year: Int64
        let artistID: String
        let artistName: String
        let location: String
        let latitude: Double?
        let longitude: Double?
    }

    private(set) var songs: [Song] = []

    private static let idAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// `count` songs by about half as many artists. Artists with several songs sometimes
    /// disagree about themselves from song to song; about 1% of songs are recorded twice under
    /// different ids; years are often 0, coordinates often null, locations sometimes empty
    /// or long HTML.
    init(count: Int, random: inout SeededRandom) {
        var usedIDs = Set<String>()
        func uniqueID(_ prefix: String) -> String {
            while true {
                let id = prefix + random.characters(16, from: Self.idAlphabet)
                if usedIDs.insert(id).inserted { return id }
            }
        }
        var artist = (id: "", name: "", location: "", latitude: Double?.none, longitude: Double?.none)
        for index in 0..<count {
            if index == 0 || random.chance(0.5) {
                artist = (uniqueID("AR"), Self.name(&random), Self.location(&random), nil, nil)
                if random.chance(0.6) {
                    artist.latitude = Double(Int.random(in: -9_000_000...9_000_000, using: &random)) / 100_000
                    artist.longitude = Double(Int.random(in: -18_000_000...18_000_000, using: &random)) / 100_000
                }
            }
            var details = artist
            if random.chance(0.2) {
                details.location = Self.location(&random)
                details.latitude = details.latitude.map { $0 + 0.5 }
            }
            if random.chance(0.05) { details.name += " feat. " + Self.name(&random) }
            if index > 0, random.chance(0.01) {
                let twin = songs[Int.random(in: 0..<songs.count, using: &random)]
                songs.append(Song(trackID: uniqueID("TR"), songID: uniqueID("SO"), title: twin.title, duration: twin.duration,
                                  year: twin.year, artistID: twin.artistID, artistName: twin.artistName, location: twin.location,
                                  latitude: twin.latitude, longitude: twin.longitude))
                continue
            }
            songs.append(Song(
                trackID: uniqueID("TR"), songID: uniqueID("SO"), title: Self.title(&random),
                duration: Double(Int.random(in: 3_000_000...60_000_000, using: &random)) / 100_000,
                year: random.chance(0.45) ? 0 : Int64.random(in: 1950...2010, using: &random),
                artistID: details.id, artistName: details.name, location: details.location,
                latitude: details.latitude, longitude: details.longitude
            ))
        }
    }

    static func name(_ random: inout SeededRandom) -> String {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(Vocabulary.nameParts) }.joined(separator: " ")
    }

    static func title(_ random: inout SeededRandom) -> String {
        (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(Vocabulary.titleWords) }.joined(separator: " ")
    }

    private static func location(_ random: inout SeededRandom) -> String {
        if random.chance(0.3) { return "" }
        if random.chance(0.01) {
            return "<a href=\"http://billboard.com/artist/\(Int.random(in: 1...99999, using: &random))\" target=\"_blank\" "
                + "rel=\"noopener\">" + String(repeating: random.pick(Vocabulary.places) + " / ", count: 8) + "</a>"
        }
        return random.pick(Vocabulary.places)
    }

    /// Writes one file per song, `song_data/A/B/C/TRABC….json`, as the public data set does.
    func write(to root: String, createFolder: (String) throws -> Void) throws {
        var writer = JSONWriter()
        for song in songs {
            let characters = Array(song.trackID)
            let folder = "\(root)/song_data/\(characters[2])/\(characters[3])/\(characters[4])"
            try createFolder(folder)
            writer.raw("{\"num_songs\": 1, \"artist_id\": ")
            writer.string(song.artistID, .plain)
            writer.raw(", \"artist_latitude\": ")
            writer.number(song.latitude)
            writer.raw(", \"artist_longitude\": ")
            writer.number(song.longitude)
            writer.raw(", \"artist_location\": ")
            writer.string(song.location, song.trackID.hasSuffix("A") ? .escaped : .plain)
            writer.raw(", \"artist_name\": ")
            writer.string(song.artistName, song.trackID.hasSuffix("B") ? .escaped : .plain)
            writer.raw(", \"song_id\": ")
            writer.string(song.songID, .plain)
            writer.raw(", \"title\": ")
            writer.string(song.title, song.trackID.hasSuffix("C") ? .escaped : .plain)
            writer.raw(", \"duration\": ")
            writer.number(song.duration)
            writer.raw(", \"year\": ")
            writer.number(song.year)
            writer.raw("}")
            try writer.flush(to: "\(folder)/\(song.trackID).json")
        }
    }
}
