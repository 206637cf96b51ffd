/// The Sparkify warehouse: two staging tables, the songplays fact and four dimensions, whose
/// names are the contract analysts use, and the loader's own tables (see
/// `StarSchema+LoaderTables.swift`).
public enum StarSchema {
    /// One row per event line, columns in the order of the jsonpaths descriptor.
    public static let stagingEvents = Table(
        "staging_events",
        role: .staging,
        columns: [
            Column("artist", .text(maxBytes: 1024)),
            Column("auth", .text(maxBytes: 256)),
            Column("first_name", .text(maxBytes: 256)),
            Column("gender", .text(maxBytes: 256)),
            Column("item_in_session", .integer),
            Column("last_name", .text(maxBytes: 256)),
            Column("length", .double),
            Column("level", .text(maxBytes: 256)),
            Column("location", .text(maxBytes: 1024)),
            Column("method", .text(maxBytes: 256)),
            Column("page", .text(maxBytes: 256)),
            Column("registration", .double),
            Column("session_id", .integer),
            Column("song", .text(maxBytes: 1024)),
            Column("status", .integer),
            Column("ts", .bigInteger, check: .epochMilliseconds),
            Column("user_agent", .text(maxBytes: 1024)),
            Column("user_id", .text(maxBytes: 256), check: .userID),
        ],
        layout: TableLayout(distribution: .even)
    )

    /// One row per song object, columns named as the JSON keys so `'auto'` matching maps them.
    /// Indexed as plays ask for songs, for the plays of earlier loads a load's songs match.
    public static let stagingSongs = Table(
        "staging_songs",
        role: .staging,
        columns: [
            Column("num_songs", .integer),
            Column("artist_id", .text(maxBytes: 256)),
            Column("artist_latitude", .double),
            Column("artist_longitude", .double),
            Column("artist_location", .text(maxBytes: 65535)),
            Column("artist_name", .text(maxBytes: 1024)),
            Column("song_id", .text(maxBytes: 256)),
            Column("title", .text(maxBytes: 1024)),
            Column("duration", .double),
            Column("year", .integer),
        ],
        layout: TableLayout(distribution: .all),
        indexes: [TableIndex("staging_songs_request", on: ["title", "artist_name"])]
    )

    /// The fact: one row per play (a `NextSong` event of a signed-in user).
    public static let songplays = Table(
        "songplays",
        role: .fact,
        columns: [
            Column("songplay_id", .bigInteger, identity: true),
            Column("start_time", .timestamp),
            Column("user_id", .integer, nullable: false),
            Column("level", .text(maxBytes: 256)),
            Column("song_id", .text(maxBytes: 256)),
            Column("artist_id", .text(maxBytes: 256)),
            Column("session_id", .integer),
            Column("location", .text(maxBytes: 1024)),
            Column("user_agent", .text(maxBytes: 1024)),
        ],
        primaryKey: ["songplay_id"],
        layout: TableLayout(distribution: .key("start_time"), sortKey: ["start_time"])
    )

    /// Users, as of their latest event.
    public static let users = Table(
        "users",
        role: .dimension,
        columns: [
            Column("user_id", .integer, nullable: false),
            Column("first_name", .text(maxBytes: 256)),
            Column("last_name", .text(maxBytes: 256)),
            Column("gender", .text(maxBytes: 256)),
            Column("level", .text(maxBytes: 256)),
        ],
        primaryKey: ["user_id"],
        layout: TableLayout(distribution: .all, sortKey: ["user_id"])
    )

    /// Songs in the catalogue.
    public static let songs = Table(
        "songs",
        role: .dimension,
        columns: [
            Column("song_id", .text(maxBytes: 256), nullable: false),
            Column("title", .text(maxBytes: 1024)),
            Column("artist_id", .text(maxBytes: 256)),
            Column("year", .integer),
            Column("duration", .double),
        ],
        primaryKey: ["song_id"],
        layout: TableLayout(distribution: .all, sortKey: ["song_id"])
    )

    /// Artists in the catalogue.
    public static let artists = Table(
        "artists",
        role: .dimension,
        columns: [
            Column("artist_id", .text(maxBytes: 256), nullable: false),
            Column("name", .text(maxBytes: 1024)),
            Column("location", .text(maxBytes: 65535)),
            Column("latitude", .double),
            Column("longitude", .double),
        ],
        primaryKey: ["artist_id"],
        layout: TableLayout(distribution: .all, sortKey: ["artist_id"])
    )

    /// Every distinct play time, broken into calendar parts.
    public static let time = Table(
        "time",
        role: .dimension,
        columns: [
            Column("start_time", .timestamp, nullable: false),
            Column("hour", .integer),
            Column("day", .integer),
            Column("week", .integer),
            Column("month", .integer),
            Column("year", .integer),
            Column("weekday", .integer),
        ],
        primaryKey: ["start_time"],
        layout: TableLayout(distribution: .key("start_time"), sortKey: ["start_time"])
    )

    /// The star tables analysts query, fact first.
    public static let starTables: [Table] = [songplays, users, songs, artists, time]

    /// The tables every load empties first: the contract's two, then the loader's own.
    public static let stagingTables: [Table] = [stagingEvents, stagingSongs, stagingIdentities, stagingPlays,
                                                stagingReplacedTimes, stagingUsers]

    /// The loader's own tables kept across loads, so that loads compose.
    public static let bookkeepingTables: [Table] = [songCatalogue, artistSources, playRequests, songplayKeys, userHistory, loads]

    /// Every table of the warehouse, in creation order.
    public static let allTables: [Table] = stagingTables + starTables + bookkeepingTables
}
