import Foundation

/// Generates a Sparkify data set in the public layout, deterministically from a seed: song
/// files, daily event logs and the jsonpaths descriptor, with the quirks of the real data.
public struct DataSetGenerator {
    /// The size and seed of a data set.
    public struct Options: Sendable {
        /// Events in the logs, not counting the few lines written twice.
        public var events: Int
        /// Song files.
        public var songs: Int
        /// Days of logs, one file each, from 2018-11-01.
        public var days: Int
        /// Signed-in users.
        public var users: Int
        /// The seed: the same options always give the same bytes.
        public var seed: UInt64

        /// Options; users default to one per 100 events, at least 10.
        public init(events: Int, songs: Int, days: Int, users: Int? = nil, seed: UInt64 = 1) {
            self.events = events
            self.songs = songs
            self.days = days
            self.users = users ?? max(10, events / 100)
            self.seed = seed
        }
    }

    /// What was written.
    public struct Summary: Sendable {
        /// Song files written.
        public let songFiles: Int
        /// Event lines written.
        public let eventLines: Int
        /// Log files written.
        public let logFiles: Int
    }

    /// The options used.
    public let options: Options

    /// A generator of data sets of these options.
    public init(options: Options) {
        self.options = options
    }

    /// Writes the data set into `root`, which must not hold one already.
    public func write(to root: String) throws -> Summary {
        var random = SeededRandom(seed: options.seed)
        var created = Set<String>()
        let createFolder = { (path: String) throws in
            if created.insert(path).inserted {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
        }
        try createFolder(root)
        let catalogue = Catalogue(count: options.songs, random: &random)
        try catalogue.write(to: root, createFolder: createFolder)
        var log = EventLog(userCount: options.users, random: &random)
        let lines = try log.write(events: options.events, days: options.days, catalogue: catalogue, to: root,
                                  random: &random, createFolder: createFolder)
        var descriptor = JSONWriter()
        descriptor.raw("{\n    \"jsonpaths\": [\n")
        descriptor.raw(Self.eventKeys.map { "        \"$['\($0)']\"" }.joined(separator: ",\n"))
        descriptor.raw("\n    ]\n}\n")
        try descriptor.flush(to: root + "/log_json_path.json")
        return Summary(songFiles: catalogue.songs.count, eventLines: lines, logFiles: options.days)
    }

    private static let eventKeys = [
        "artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level", "location", "method",
        "page", "registration", "sessionId", "song", "status", "ts", "userAgent", "userId",
    ]
}
