/// The transforms from staging into the star schema, in the order they run. Each follows
/// the *Semantics* section of DESIGN.md; orderings are total so every engine picks the same row.
///
/// Plays go through `staging_plays`, one row per event identity, and users through
/// `staging_users`, one row per user: each is picked once per key, by conditional updates on
/// that table's key where the engine allows them and by `ROW_NUMBER()` elsewhere. The
/// songplays, their keys, the new play times and the users are then read from them without
/// grouping again.
public enum StarTransforms {
    /// Every transform, in order.
    public static let all: [Transform] = [plays, songplays, songplayKeys, latestUsers, users, songs, artists, time]

    /// This load's plays, one per identity `(user_id, session_id, item_in_session)`, each with
    /// the matching staged song of smallest `song_id` (title, artist name, and duration within
    /// 0.001), NULL when none matches. Of several copies of one event, the copy with a matched
    /// song wins, then the earliest `ts`, then level, location and user agent.
    public static let plays: Transform = {
        let event = "event", song = "song"
        let matchesSong = SQLExpression.all([
            SQLExpression.column("title", of: song).equals(.column("song", of: event)),
            SQLExpression.column("artist_name", of: song).equals(.column("artist", of: event)),
            .binary(
                .function(.abs, [.binary(.column("duration", of: song), .minus, .column("length", of: event))]),
                .lessOrEqual, .double(0.001)
            ),
            .isNotNull(.column("song_id", of: song)),
        ])!
        let key = SongplayIdentity.key(of: event)
        return Transform(
            into: StarSchema.stagingPlays,
            SQLSelect(
                [
                    .init(.function(.coalesce, [.column("ts", of: event), .integer(SongplayIdentity.missingTime)]), as: "ts_key"),
                    .init(key[0], as: "user_id"),
                    .init(key[1], as: "session_key"),
                    .init(key[2], as: "item_key"),
                    .init(.column("session_id", of: event), as: "session_id"),
                    .init(.column("item_in_session", of: event), as: "item_in_session"),
                    .init(.column("ts", of: event), as: "ts"),
                    .init(.column("level", of: event), as: "level"),
                    .init(.column("song_id", of: song), as: "song_id"),
                    .init(.column("artist_id", of: song), as: "artist_id"),
                    .init(.column("location", of: event), as: "location"),
                    .init(.column("user_agent", of: event), as: "user_agent"),
                ],
                from: .table(StarSchema.stagingEvents.name, as: event),
                joins: [.left(.table(StarSchema.stagingSongs.name, as: song), on: matchesSong)],
                where: SongplayIdentity.isPlay(event)
            ),
            mode: .firstPerKey(key: SongplayIdentity.keyColumns, order: [
                .ascending(.binaryText(.column("song_id"))),
                .ascending(.binaryText(.column("artist_id"))),
                .ascending(.column("ts")),
                .ascending(.binaryText(.column("level"))),
                .ascending(.binaryText(.column("location"))),
                .ascending(.binaryText(.column("user_agent"))),
            ])
        )
    }()

    /// One songplay per play not loaded before, numbered in order of time, then user, session
    /// and item, each missing value last: the order of `staging_plays`' key.
    public static let songplays = Transform(
        into: StarSchema.songplays,
        SQLSelect(
            [.init(.timestampFromEpochMilliseconds(.column("ts", of: "play")), as: "start_time")]
                + ["user_id", "level", "song_id", "artist_id", "session_id", "location", "user_agent"].map {
                    SQLSelect.Item(.column($0, of: "play"), as: $0)
                },
            from: .table(StarSchema.stagingPlays.name, as: "play"),
            where: .not(.exists(SongplayIdentity.recorded(
                user: .column("user_id", of: "play"), session: .column("session_key", of: "play"), item: .column("item_key", of: "play")
            ))),
            orderBy: StarSchema.stagingPlays.primaryKey.map { .ascending(.column($0, of: "play")) }
        ),
        mode: .append
    )

    /// Records the identity of every play, so that a later load skips it.
    public static let songplayKeys = Transform(
        into: StarSchema.songplayKeys,
        SQLSelect(
            [("user_id", "user_id"), ("session_key", "session_id"), ("item_key", "item_in_session")].map {
                SQLSelect.Item(.column($0.0), as: $0.1)
            },
            from: .table(StarSchema.stagingPlays.name)
        ),
        mode: .insertMissing
    )

    /// This load's signed-in users, each from their latest event of any page: greatest `ts`,
    /// ties broken by greatest `item_in_session`, then `session_id`, then the smallest values.
    public static let latestUsers: Transform = {
        let columns = ["first_name", "last_name", "gender", "level"]
        return Transform(
            into: StarSchema.stagingUsers,
            SQLSelect(
                [.init(SongplayIdentity.user(of: "event"), as: "user_id")]
                    + (columns + ["ts", "item_in_session", "session_id"]).map { SQLSelect.Item(.column($0, of: "event"), as: $0) },
                from: .table(StarSchema.stagingEvents.name, as: "event"),
                where: .binary(.column("user_id", of: "event"), .notEqual, .text(""))
            ),
            mode: .firstPerKey(
                key: ["user_id"],
                order: [.descending(.column("ts")), .descending(.column("item_in_session")), .descending(.column("session_id"))]
                    + columns.map { .ascending(.binaryText(.column($0))) }
            )
        )
    }()

    /// The users of this load replace their rows; other users stay.
    public static let users = Transform(
        into: StarSchema.users,
        SQLSelect(StarSchema.users.columns.map { SQLSelect.Item(.column($0.name), as: $0.name) }, from: .table(StarSchema.stagingUsers.name)),
        mode: .replaceByKey
    )

    /// One row per `song_id`.
    public static let songs: Transform = {
        let ranked = SQLSelect(
            StarSchema.songs.columns.map { SQLSelect.Item(.column($0.name), as: $0.name) } + [
                .init(.rowNumber(
                    partitionBy: [.column("song_id")],
                    orderBy: [
                        .ascending(.binaryText(.column("artist_id"))),
                        .ascending(.binaryText(.column("title"))),
                        .ascending(.column("year")),
                        .ascending(.column("duration")),
                    ]
                ), as: "song_rank"),
            ],
            from: .table(StarSchema.stagingSongs.name),
            where: .isNotNull(.column("song_id"))
        )
        return firstRanked(ranked, rank: "song_rank", into: StarSchema.songs)
    }()

    /// One row per `artist_id`, from the song with the smallest `song_id`.
    public static let artists: Transform = {
        let sourceColumns = [("artist_name", "name"), ("artist_location", "location"), ("artist_latitude", "latitude"),
                             ("artist_longitude", "longitude")]
        let ranked = SQLSelect(
            [.init(.column("artist_id"), as: "artist_id")]
                + sourceColumns.map { SQLSelect.Item(.column($0.0), as: $0.1) }
                + [.init(.rowNumber(
                    partitionBy: [.column("artist_id")],
                    orderBy: [
                        .ascending(.binaryText(.column("song_id"))),
                        .ascending(.binaryText(.column("artist_name"))),
                        .ascending(.binaryText(.column("artist_location"))),
                        .ascending(.column("artist_latitude")),
                        .ascending(.column("artist_longitude")),
                    ]
                ), as: "song_rank")],
            from: .table(StarSchema.stagingSongs.name),
            where: .isNotNull(.column("artist_id"))
        )
        return firstRanked(ranked, rank: "song_rank", into: StarSchema.artists)
    }()

    /// Every play time not yet in `time`, broken into calendar parts. Songplays are numbered
    /// in order of time, so reading them in key order feeds `time` its keys in order.
    public static let time: Transform = {
        let parts: [(DatePart, String)] = [(.hour, "hour"), (.day, "day"), (.isoWeek, "week"), (.month, "month"),
                                           (.year, "year"), (.weekday, "weekday")]
        return Transform(
            into: StarSchema.time,
            SQLSelect(
                [.init(.column("start_time"), as: "start_time")]
                    + parts.map { SQLSelect.Item(.datePart($0.0, of: .column("start_time")), as: $0.1) },
                from: .table(StarSchema.songplays.name),
                where: .isNotNull(.column("start_time")),
                orderBy: [.ascending(.column("songplay_id"))]
            ),
            mode: .insertMissing
        )
    }()

    /// The rows ranked first by `rank` in `ranked`, replacing the target's rows by key.
    private static func firstRanked(_ ranked: SQLSelect, rank: String, into target: Table) -> Transform {
        Transform(
            into: target,
            SQLSelect(
                target.insertableColumns.map { SQLSelect.Item(.column($0.name), as: $0.name) },
                from: .subquery(ranked, as: "ranked"),
                where: SQLExpression.column(rank).equals(.integer(1))
            ),
            mode: .replaceByKey
        )
    }
}
