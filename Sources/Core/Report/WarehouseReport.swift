/// What the warehouse says about listening: the numbers `sparkify-load report` shows, read by
/// the same queries on every backend. Times are UTC text `YYYY-MM-DD HH:MM:SS.SSS`, days
/// `YYYY-MM-DD`. Every top list is ordered by more plays first, then the name (byte order),
/// then the id.
public struct WarehouseReport: Sendable, Hashable {
    /// The whole star, or the filtered part of it.
    public struct Totals: Sendable, Hashable {
        /// Songplays.
        public var plays: Int64
        /// Distinct users among the plays.
        public var users: Int64
        /// Distinct songs among the matched plays.
        public var songs: Int64
        /// Distinct artists among the matched plays.
        public var artists: Int64
        /// Plays matched to a song of the catalogue.
        public var matchedPlays: Int64
        /// The first play's time; `nil` without plays.
        public var firstPlay: String?
        /// The last play's time; `nil` without plays.
        public var lastPlay: String?
        /// Distinct days (UTC) with plays.
        public var days: Int64

        /// Creates totals.
        public init(plays: Int64, users: Int64, songs: Int64, artists: Int64, matchedPlays: Int64,
                    firstPlay: String?, lastPlay: String?, days: Int64) {
            self.plays = plays
            self.users = users
            self.songs = songs
            self.artists = artists
            self.matchedPlays = matchedPlays
            self.firstPlay = firstPlay
            self.lastPlay = lastPlay
            self.days = days
        }
    }

    /// A song and how often it was played.
    public struct SongPlays: Sendable, Hashable {
        /// The song's title.
        public var title: String
        /// Its artist's name.
        public var artist: String
        /// Plays.
        public var plays: Int64

        /// Creates a row.
        public init(title: String, artist: String, plays: Int64) {
            self.title = title
            self.artist = artist
            self.plays = plays
        }
    }

    /// A name (an artist, a location, a user agent; `nil` when not recorded) and its plays.
    public struct NamedPlays: Sendable, Hashable {
        /// The name.
        public var name: String?
        /// Plays.
        public var plays: Int64

        /// Creates a row.
        public init(name: String?, plays: Int64) {
            self.name = name
            self.plays = plays
        }
    }

    /// A plan (`free` or `paid`): the users whose current level it is, and the plays made on it.
    public struct LevelPlays: Sendable, Hashable {
        /// `free` or `paid`.
        public var level: String
        /// Users whose current level this is.
        public var users: Int64
        /// Plays made on this level.
        public var plays: Int64

        /// Creates a row.
        public init(level: String, users: Int64, plays: Int64) {
            self.level = level
            self.users = users
            self.plays = plays
        }
    }

    /// A user and their plays.
    public struct UserPlays: Sendable, Hashable {
        /// The user's id.
        public var userID: Int64
        /// First name, as `users` holds it.
        public var firstName: String?
        /// Last name, as `users` holds it.
        public var lastName: String?
        /// Plays.
        public var plays: Int64

        /// Creates a row.
        public init(userID: Int64, firstName: String?, lastName: String?, plays: Int64) {
            self.userID = userID
            self.firstName = firstName
            self.lastName = lastName
            self.plays = plays
        }
    }

    /// A day (`YYYY-MM-DD`, UTC) and its plays.
    public struct DayPlays: Sendable, Hashable {
        /// The day.
        public var day: String
        /// Plays.
        public var plays: Int64

        /// Creates a row.
        public init(day: String, plays: Int64) {
            self.day = day
            self.plays = plays
        }
    }

    /// The first day the report covers (inclusive, `YYYY-MM-DD`), if filtered.
    public var from: String?
    /// The last day the report covers (inclusive, `YYYY-MM-DD`), if filtered.
    public var to: String?
    /// How many rows each top list holds at most.
    public var top: Int
    /// The totals.
    public var totals: Totals
    /// The most played songs, over matched plays.
    public var topSongs: [SongPlays]
    /// The most played artists, over matched plays.
    public var topArtists: [NamedPlays]
    /// Plays in each hour of the day (UTC), all 24, zeros included: index = hour.
    public var playsByHour: [Int64]
    /// Plays on each weekday, all 7, zeros included: index 0 = Sunday … 6 = Saturday.
    public var playsByWeekday: [Int64]
    /// Plays by weekday and hour: `playsByWeekdayAndHour[weekday][hour]`, 7 × 24.
    public var playsByWeekdayAndHour: [[Int64]]
    /// `free` then `paid`.
    public var levels: [LevelPlays]
    /// The locations with the most plays.
    public var topLocations: [NamedPlays]
    /// The user agents with the most plays, as stored.
    public var topUserAgents: [NamedPlays]
    /// The most active users.
    public var topUsers: [UserPlays]
    /// Plays on each day that has any, in order.
    public var playsPerDay: [DayPlays]

    /// Creates a report.
    public init(from: String?, to: String?, top: Int, totals: Totals, topSongs: [SongPlays], topArtists: [NamedPlays],
                playsByHour: [Int64], playsByWeekday: [Int64], playsByWeekdayAndHour: [[Int64]], levels: [LevelPlays],
                topLocations: [NamedPlays], topUserAgents: [NamedPlays], topUsers: [UserPlays], playsPerDay: [DayPlays]) {
        self.from = from
        self.to = to
        self.top = top
        self.totals = totals
        self.topSongs = topSongs
        self.topArtists = topArtists
        self.playsByHour = playsByHour
        self.playsByWeekday = playsByWeekday
        self.playsByWeekdayAndHour = playsByWeekdayAndHour
        self.levels = levels
        self.topLocations = topLocations
        self.topUserAgents = topUserAgents
        self.topUsers = topUsers
        self.playsPerDay = playsPerDay
    }
}
