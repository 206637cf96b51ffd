/// The transforms from staging into the star schema, in the order they run. Each follows
/// the *Semantics* section of DESIGN.md; orderings are total so every engine picks the same row.
public enum StarTransforms {
    /// Every transform, in order: `time` reads the songplays written before it, and the
    /// songplay keys are recorded after the songplays they let through.
    public static let all: [Transform] = [songplays, songplayKeys, users, songs, artists, time]

    /// One songplay per new play; song and artist from the matching staged song with the
    /// smallest `song_id`, NULL when none matches; numbered in order of time.
    public static let songplays: Transform = {
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
        let ranked = SQLSelect(
            [
                .init(.timestampFromEpochMilliseconds(.column("ts", of: event)), as: "start_time"),
                .init(SongplayIdentity.user(of: event), as: "user_id"),
                .init(.column("level", of: event), as: "level"),
                .init(.column("song_id", of: song), as: "song_id"),
                .init(.column("artist_id", of: song), as: "artist_id"),
                .init(.column("session_id", of: event), as: "session_id"),
                .init(.column("location", of: event), as: "location"),
                .init(.column("user_agent", of: event), as: "user_agent"),
                .init(.column("item_in_session", of: event), as: "item_in_session"),
                .init(.rowNumber(
                    partitionBy: [SongplayIdentity.user(of: event), .column("session_id", of: event), .column("item_in_session", of: event)],
                    orderBy: [
                        .ascending(.binaryText(.column("song_id", of: song))),
                        .ascending(.binaryText(.column("artist_id", of: song))),
                        .ascending(.column("ts", of: event)),
                        .ascending(.binaryText(.column("level", of: event))),
                        .ascending(.binaryText(.column("location", of: event))),
                        .ascending(.binaryText(.column("user_agent", of: event))),
                    ]
                ), as: "play_rank"),
            ],
            from: .table(StarSchema.stagingEvents.name, as: event),
            joins: [.init(.table(StarSchema.stagingSongs.name, as: song), on: matchesSong)],
            where: SongplayIdentity.isNewPlay(event)
        )
        let columns = StarSchema.songplays.insertableColumns.map { SQLSelect.Item(.column($0.name)) }
        return Transform(
            into: StarSchema.songplays,
            SQLSelect(
                columns,
                from: .subquery(ranked, as: "plays"),
                where: SQLExpression.column("play_rank").equals(.integer(1)),
                orderBy: ["start_time", "user_id", "session_id", "item_in_session"].map { .ascending(.column($0)) }
            ),
            mode: .appendNew
        )
    }()

    /// Records the identity of every play the songplays transform just added.
    public static let songplayKeys: Transform = {
        let event = "event"
        return Transform(
            into: StarSchema.songplayKeys,
            SQLSelect(
                distinct: true,
                SongplayIdentity.key(of: event).map { SQLSelect.Item($0) },
                from: .table(StarSchema.stagingEvents.name, as: event),
                where: SongplayIdentity.isNewPlay(event)
            ),
            mode: .appendNew
        )
    }()

    /// One row per signed-in user, from their latest event of any page (greatest `ts`, ties
    /// broken by greatest `item_in_session`).
    public static let users: Transform = {
        let columns = ["first_name", "last_name", "gender", "level"]
        let ranked = SQLSelect(
            [.init(SongplayIdentity.user(of: "event"), as: "user_id")]
                + columns.map { SQLSelect.Item(.column($0, of: "event"), as: $0) }
                + [.init(.rowNumber(
                    partitionBy: [SongplayIdentity.user(of: "event")],
                    orderBy: [
                        .descending(.column("ts", of: "event")),
                        .descending(.column("item_in_session", of: "event")),
                        .descending(.column("session_id", of: "event")),
                    ] + columns.map { .ascending(.binaryText(.column($0, of: "event"))) }
                ), as: "event_rank")],
            from: .table(StarSchema.stagingEvents.name, as: "event"),
            where: .binary(.column("user_id", of: "event"), .notEqual, .text(""))
        )
        return latest(of: ranked, rank: "event_rank", into: StarSchema.users)
    }()

    /// One row per `song_id`.
    public static let songs: Transform = {
        let ranked = SQLSelect(
            StarSchema.songs.columns.map { SQLSelect.Item(.column($0.name)) } + [
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
        return latest(of: ranked, rank: "song_rank", into: StarSchema.songs)
    }()

    /// One row per `artist_id`, from the song with the smallest `song_id`.
    public static let artists: Transform = {
        let sourceColumns = ["artist_name": "name", "artist_location": "location", "artist_latitude": "latitude", "artist_longitude": "longitude"]
        let ordered = ["artist_name", "artist_location", "artist_latitude", "artist_longitude"]
        let ranked = SQLSelect(
            [.init(.column("artist_id"))]
                + ordered.map { SQLSelect.Item(.column($0), as: sourceColumns[$0]) }
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
        return latest(of: ranked, rank: "song_rank", into: StarSchema.artists)
    }()

    /// One row per distinct songplay time not yet in `time`, broken into calendar parts.
    public static let time: Transform = {
        let timeTable = StarSchema.time.name
        let known = SQLSelect(
            [.init(.integer(1))],
            from: .table(timeTable, as: "known"),
            where: SQLExpression.column("start_time", of: "known").equals(.column("start_time", of: "play"))
        )
        let newTimes = SQLSelect(
            distinct: true,
            [.init(.column("start_time", of: "play"), as: "start_time")],
            from: .table(StarSchema.songplays.name, as: "play"),
            where: SQLExpression.isNotNull(.column("start_time", of: "play")).and(.not(.exists(known)))
        )
        let parts: [DatePart] = [.hour, .day, .isoWeek, .month, .year, .weekday]
        return Transform(
            into: StarSchema.time,
            SQLSelect(
                [.init(.column("start_time"))] + parts.map { SQLSelect.Item(.datePart($0, of: .column("start_time"))) },
                from: .subquery(newTimes, as: "new_times")
            ),
            mode: .appendNew
        )
    }()

    /// The rows ranked first by `rank` in `ranked`, replacing the target's rows by key.
    private static func latest(of ranked: SQLSelect, rank: String, into target: Table) -> Transform {
        Transform(
            into: target,
            SQLSelect(
                target.insertableColumns.map { SQLSelect.Item(.column($0.name)) },
                from: .subquery(ranked, as: "ranked"),
                where: SQLExpression.column(rank).equals(.integer(1))
            ),
            mode: .replaceByKey
        )
    }
}
