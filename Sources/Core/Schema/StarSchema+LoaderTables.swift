/// The loader's own tables. The per-load ones (role `.staging`) hold one load's intermediates;
/// the kept ones (role `.bookkeeping`) hold what every later load needs so that any sequence of
/// loads, in any order, leaves the star as one load of all of it would.
extension StarSchema {
    // MARK: - Kept across loads

    /// Every song ever staged that a play could match (title, artist name, duration and
    /// `song_id` all present), with the smallest `artist_id` seen for it: what plays are
    /// matched against, whichever load brought the song. Its key leads with what a play
    /// looks up.
    public static let songCatalogue = Table(
        "song_catalogue",
        role: .bookkeeping,
        columns: [
            Column("title", .text(maxBytes: 1024), nullable: false),
            Column("artist_name", .text(maxBytes: 1024), nullable: false),
            Column("duration", .double, nullable: false),
            Column("song_id", .text(maxBytes: 256), nullable: false),
            Column("artist_id", .text(maxBytes: 256)),
        ],
        primaryKey: ["title", "artist_name", "duration", "song_id"],
        layout: TableLayout(distribution: .all)
    )

    /// For each artist, the values of the song with the smallest `song_id` ever staged: what
    /// `artists` shows.
    public static let artistSources = Table(
        "artist_sources",
        role: .bookkeeping,
        columns: [
            Column("artist_id", .text(maxBytes: 256), nullable: false),
            Column("song_id", .text(maxBytes: 256)),
            Column("name", .text(maxBytes: 1024)),
            Column("location", .text(maxBytes: 65535)),
            Column("latitude", .double),
            Column("longitude", .double),
        ],
        primaryKey: ["artist_id"],
        layout: TableLayout(distribution: .all)
    )

    /// Every distinct request a play has made, over all loads: per event identity, per song,
    /// artist and length asked for (a play may match a song that arrives later), the preferred
    /// copy, and the load that last changed the row (brought the request, or a copy that comes
    /// first). `matchable` is 1 when song, artist and length are all present; the `*_key`
    /// columns hold them with NULL as `''` or 0, so that they can be part of the key.
    public static let playRequests = Table(
        "play_requests",
        role: .bookkeeping,
        columns: requestColumns + [Column("load_id", .integer, nullable: false)],
        primaryKey: SongplayIdentity.keyColumns + ["matchable", "song_key", "artist_key", "length_key"],
        layout: TableLayout(distribution: .key("user_id"), sortKey: ["user_id", "session_key", "item_key"])
    )

    /// The identity `(user_id, session_id, item_in_session)` of every event that is a
    /// songplay, the `songplay_id` it was given, and the load that first brought it. A missing
    /// session or item is recorded as ``SongplayIdentity/missingPart``. Its key leads with the
    /// session, as ``SongplayIdentity/keyColumns`` do.
    public static let songplayKeys = Table(
        "songplay_keys",
        role: .bookkeeping,
        columns: [
            Column("user_id", .integer, nullable: false),
            Column("session_id", .integer, nullable: false),
            Column("item_in_session", .integer, nullable: false),
            Column("songplay_id", .bigInteger, nullable: false),
            Column("load_id", .integer, nullable: false),
        ],
        primaryKey: ["session_id", "item_in_session", "user_id"],
        layout: TableLayout(distribution: .key("user_id"), sortKey: ["user_id", "session_id", "item_in_session"])
    )

    /// Each user as of their latest event over all loads, with that event's time and place,
    /// to compare with the next load's.
    public static let userHistory = Table(
        "user_history",
        role: .bookkeeping,
        columns: userColumns,
        primaryKey: users.primaryKey,
        layout: TableLayout(distribution: .all)
    )

    /// One row per load, failed ones included: when, from where, what it read and wrote.
    public static let loads = Table(
        "loads",
        role: .bookkeeping,
        columns: [
            Column("load_id", .integer, nullable: false),
            Column("started_at", .timestamp, nullable: false),
            Column("finished_at", .timestamp, nullable: false),
            Column("status", .text(maxBytes: 16), nullable: false),
            Column("error", .text(maxBytes: 65535)),
            Column("backend", .text(maxBytes: 64), nullable: false),
            Column("source", .text(maxBytes: 65535), nullable: false),
            Column("tool_version", .text(maxBytes: 64), nullable: false),
            Column("song_files", .integer),
            Column("song_records", .integer),
            Column("song_rejected", .integer),
            Column("event_files", .integer),
            Column("event_records", .integer),
            Column("event_rejected", .integer),
            Column("songplays_written", .integer),
            Column("users_written", .integer),
            Column("songs_written", .integer),
            Column("artists_written", .integer),
            Column("time_written", .integer),
        ],
        primaryKey: ["load_id"],
        layout: TableLayout(distribution: .all, sortKey: ["load_id"])
    )

    // MARK: - One load's intermediates

    /// The identities whose songplay this load may change: those it brings, and those with a
    /// request that one of its songs matches.
    public static let stagingIdentities = Table(
        "staging_identities",
        role: .staging,
        columns: SongplayIdentity.keyColumns.map { Column($0, .integer, nullable: false) },
        primaryKey: SongplayIdentity.keyColumns,
        layout: TableLayout(distribution: .key("user_id"))
    )

    /// The winning copy of each identity in `staging_identities`, over all its requests, with
    /// the song it matches in the whole catalogue, its time as `songplays` and `time` hold it,
    /// and the `songplay_id` the identity had before this load (NULL for a new one). Its key
    /// orders plays as new songplays are numbered (by time, a missing time last); the identity
    /// is unique.
    public static let stagingPlays = Table(
        "staging_plays",
        role: .staging,
        columns: [
            Column("ts_key", .bigInteger, nullable: false),
            Column("user_id", .integer, nullable: false),
            Column("session_key", .integer, nullable: false),
            Column("item_key", .integer, nullable: false),
            Column("session_id", .integer),
            Column("item_in_session", .integer),
            Column("ts", .bigInteger),
            Column("start_time", .timestamp),
            Column("level", .text(maxBytes: 256)),
            Column("song_id", .text(maxBytes: 256)),
            Column("artist_id", .text(maxBytes: 256)),
            Column("location", .text(maxBytes: 1024)),
            Column("user_agent", .text(maxBytes: 1024)),
            Column("songplay_id", .bigInteger),
        ],
        primaryKey: ["ts_key", "user_id", "session_key", "item_key"],
        uniqueKeys: [SongplayIdentity.keyColumns],
        layout: TableLayout(distribution: .key("user_id"))
    )

    /// The times songplays had before this load changed them.
    public static let stagingReplacedTimes = Table(
        "staging_replaced_times",
        role: .staging,
        columns: [Column("start_time", .timestamp, nullable: false)],
        primaryKey: ["start_time"],
        layout: TableLayout(distribution: .all)
    )

    /// This load's signed-in users, each as of their latest event in it.
    public static let stagingUsers = Table(
        "staging_users",
        role: .staging,
        columns: userColumns,
        primaryKey: users.primaryKey,
        layout: TableLayout(distribution: .all)
    )

    /// A user's columns, and the time and place of the event they are as of.
    private static var userColumns: [Column] {
        users.columns + [Column("ts", .bigInteger), Column("item_in_session", .integer), Column("session_id", .integer)]
    }

    /// The identity, then the request (`matchable`, song, artist, length), then the copy.
    private static var requestColumns: [Column] {
        [
            Column("user_id", .integer, nullable: false),
            Column("session_key", .integer, nullable: false),
            Column("item_key", .integer, nullable: false),
            Column("matchable", .integer, nullable: false),
            Column("song_key", .text(maxBytes: 1024), nullable: false),
            Column("artist_key", .text(maxBytes: 1024), nullable: false),
            Column("length_key", .double, nullable: false),
            Column("session_id", .integer),
            Column("item_in_session", .integer),
            Column("ts", .bigInteger),
            Column("level", .text(maxBytes: 256)),
            Column("location", .text(maxBytes: 1024)),
            Column("user_agent", .text(maxBytes: 1024)),
        ]
    }
}
