/// The transforms from staging into the star schema, in the order they run. Each follows
/// the *Semantics* section of DESIGN.md; orderings are total so every engine picks the same row.
///
/// Loads compose: any sequence of loads, in any order, leaves the star as one load of all of
/// it would (`songplay_id` aside). So each table is kept as a running pick over every load,
/// never as "what the last load brought":
/// - songs and the loader's song catalogue and artist sources keep, per key, the preferred row
///   of every song ever staged, and `artists` shows the sources of the artists a load touches;
/// - plays keep every distinct request (per identity: song, artist and length asked for) in
///   `play_requests`; a load re-picks the songplay of each identity whose requests it changes
///   (a new request, or a copy that comes first), or whose request one of its songs matches,
///   over all that identity's requests and the whole catalogue (an identity brought again as
///   it was needs nothing); a songplay keeps its id, and new ones are numbered after the largest;
/// - `time` follows the songplays' times, removing a time no songplay has any more;
/// - users keep their latest event over all loads in `user_history`.
public enum StarTransforms {
    /// Every transform, in order.
    public static let all: [Transform] = [
        songCatalogue, songs, artistSources, artists,
        identitiesRematched, playRequests, identitiesBrought, plays,
        songplayKeys, replacedTimes, songplays, time, staleTimes,
        latestUsers, userHistory, users,
    ]

    // MARK: - Songs and artists

    /// Every song a play could match, once per title, artist name, duration and `song_id`,
    /// with its smallest `artist_id`.
    public static let songCatalogue = Transform(
        into: StarSchema.songCatalogue,
        SQLSelect(
            ["title", "artist_name", "duration", "song_id", "artist_id"].map { SQLSelect.Item(.column($0), as: $0) },
            from: .table(StarSchema.stagingSongs.name),
            where: SQLExpression.all(["title", "artist_name", "duration", "song_id"].map { .isNotNull(.column($0)) })
        ),
        mode: .keepFirstPerKey(order: [.ascending(.binaryText(.column("artist_id")))])
    )

    /// One row per `song_id`, over every load.
    public static let songs = Transform(
        into: StarSchema.songs,
        SQLSelect(
            StarSchema.songs.columns.map { SQLSelect.Item(.column($0.name), as: $0.name) },
            from: .table(StarSchema.stagingSongs.name),
            where: .isNotNull(.column("song_id"))
        ),
        mode: .keepFirstPerKey(order: [
            .ascending(.binaryText(.column("artist_id"))),
            .ascending(.binaryText(.column("title"))),
            .ascending(.column("year")),
            .ascending(.column("duration")),
        ])
    )

    /// Per artist, the values of the song with the smallest `song_id` ever staged.
    public static let artistSources = Transform(
        into: StarSchema.artistSources,
        SQLSelect(
            [("artist_id", "artist_id"), ("song_id", "song_id"), ("artist_name", "name"), ("artist_location", "location"),
             ("artist_latitude", "latitude"), ("artist_longitude", "longitude")].map { SQLSelect.Item(.column($0.0), as: $0.1) },
            from: .table(StarSchema.stagingSongs.name),
            where: .isNotNull(.column("artist_id"))
        ),
        mode: .keepFirstPerKey(order: [
            .ascending(.binaryText(.column("song_id"))),
            .ascending(.binaryText(.column("name"))),
            .ascending(.binaryText(.column("location"))),
            .ascending(.column("latitude")),
            .ascending(.column("longitude")),
        ])
    )

    /// The artists this load's songs name, as their sources now stand.
    public static let artists = Transform(
        into: StarSchema.artists,
        SQLSelect(
            StarSchema.artists.columns.map { SQLSelect.Item(.column($0.name), as: $0.name) },
            from: .table(StarSchema.artistSources.name),
            where: .inSubquery(.column("artist_id"), SQLSelect([.init(.column("artist_id"))], from: .table(StarSchema.stagingSongs.name)))
        ),
        mode: .replaceByKey
    )

    // MARK: - Plays

    /// The identities with a request of an earlier load that one of this load's songs
    /// matches: their songplay may now match a smaller `song_id`. Runs before this load's
    /// requests are kept, so that a first load looks at nothing; a load without songs reads no
    /// request (the test for any staged song does not depend on the request, so engines run it
    /// once, first).
    public static let identitiesRematched: Transform = {
        let song = "song", request = "request"
        let matchingSong = SQLSelect([.init(.integer(1))], from: .table(StarSchema.stagingSongs.name, as: song),
                                     where: SQLExpression.isNotNull(.column("song_id", of: song)).and(matches(song: song, request: request)))
        let anySong = SQLSelect([.init(.integer(1))], from: .table(StarSchema.stagingSongs.name))
        return Transform(
            into: StarSchema.stagingIdentities,
            SQLSelect(
                SongplayIdentity.keyColumns.map { SQLSelect.Item(.column($0, of: request), as: $0) },
                from: .table(StarSchema.playRequests.name, as: request),
                where: SQLExpression.exists(anySong).and(.exists(matchingSong))
            ),
            mode: .insertMissing,
            named: "staging_identities (rematched)"
        )
    }()

    /// Every distinct request over all loads (per identity: song, artist and length asked
    /// for), with its preferred copy: earliest `ts`, then level, location and user agent. A row
    /// this load adds or changes carries its `load_id`.
    public static let playRequests: Transform = {
        let event = "event"
        let key = SongplayIdentity.key(of: event)
        let asked = ["song", "artist", "length"].map { SQLExpression.column($0, of: event) }
        return Transform(
            into: StarSchema.playRequests,
            SQLSelect(
                zip(SongplayIdentity.keyColumns, key).map { SQLSelect.Item($0.1, as: $0.0) } + [
                    .init(.caseWhen(SQLExpression.all(asked.map { .isNotNull($0) })!, then: .integer(1), else: .integer(0)), as: "matchable"),
                    .init(.function(.coalesce, [asked[0], .text("")]), as: "song_key"),
                    .init(.function(.coalesce, [asked[1], .text("")]), as: "artist_key"),
                    .init(.function(.coalesce, [asked[2], .double(0)]), as: "length_key"),
                ] + ["session_id", "item_in_session", "ts", "level", "location", "user_agent"].map {
                    SQLSelect.Item(.column($0, of: event), as: $0)
                } + [.init(.scalar(LoadRecord.nextLoadID), as: "load_id")],
                from: .table(StarSchema.stagingEvents.name, as: event),
                where: SongplayIdentity.isPlay(event)
            ),
            mode: .keepFirstPerKey(order: copyOrder)
        )
    }()

    /// The identities whose requests this load changed, with those rematched.
    public static let identitiesBrought = Transform(
        into: StarSchema.stagingIdentities,
        SQLSelect(SongplayIdentity.keyColumns.map { SQLSelect.Item(.column($0), as: $0) }, from: .table(StarSchema.playRequests.name),
                  where: SQLExpression.column("load_id").equals(.scalar(LoadRecord.nextLoadID))),
        mode: .insertMissing
    )

    /// For each identity to re-pick (each has a request), the winning copy over all its
    /// requests, read identity by identity, each matched to
    /// the catalogue's song of smallest `song_id` (title, artist name, and duration within
    /// 0.001; NULL when none matches): the copy with a matched song wins, then the earliest
    /// `ts`, then level, location and user agent.
    public static let plays: Transform = {
        let identity = "identity", request = "request", song = "song", known = "known"
        let requestOfIdentity = SQLExpression.all(SongplayIdentity.keyColumns.map {
            SQLExpression.column($0, of: request).equals(.column($0, of: identity))
        })!
        return Transform(
            into: StarSchema.stagingPlays,
            SQLSelect(
                [
                    .init(.function(.coalesce, [.column("ts", of: request), .integer(SongplayIdentity.missingTime)]), as: "ts_key"),
                ] + SongplayIdentity.keyColumns.map { SQLSelect.Item(.column($0, of: identity), as: $0) }
                    + ["session_id", "item_in_session", "ts"].map { SQLSelect.Item(.column($0, of: request), as: $0) }
                    + [.init(.timestampFromEpochMilliseconds(.column("ts", of: request)), as: "start_time"),
                       .init(.column("level", of: request), as: "level")]
                    + [.init(.column("song_id", of: song), as: "song_id"), .init(.column("artist_id", of: song), as: "artist_id")]
                    + ["location", "user_agent"].map { SQLSelect.Item(.column($0, of: request), as: $0) }
                    + [.init(.column("songplay_id", of: known), as: "songplay_id")],
                from: .table(StarSchema.stagingIdentities.name, as: identity),
                joins: [
                    .left(.table(StarSchema.playRequests.name, as: request), on: requestOfIdentity),
                    .left(.table(StarSchema.songCatalogue.name, as: song), on: matches(song: song, request: request)),
                    .left(.table(StarSchema.songplayKeys.name, as: known), on: sameIdentity(keysAs: known, playAs: identity)),
                ]
            ),
            mode: .firstPerKey(key: SongplayIdentity.keyColumns, order: [
                .ascending(.binaryText(.column("song_id"))),
                .ascending(.binaryText(.column("artist_id"))),
            ] + copyOrder)
        )
    }()

    /// A number and this load's id for every identity that is not a songplay yet (has no
    /// `songplay_id` in `staging_plays`): after the largest `songplay_id`, in order of time,
    /// then user, session and item, each missing value last (the order of `staging_plays`' key).
    public static let songplayKeys: Transform = {
        let play = "play"
        let largest = SQLSelect([.init(.function(.coalesce, [.function(.max, [.column("songplay_id")]), .integer(0)]))],
                                from: .table(StarSchema.songplays.name))
        return Transform(
            into: StarSchema.songplayKeys,
            SQLSelect(
                [("user_id", "user_id"), ("session_key", "session_id"), ("item_key", "item_in_session")].map {
                    SQLSelect.Item(.column($0.0, of: play), as: $0.1)
                } + [.init(.scalar(LoadRecord.nextLoadID), as: "load_id")],
                from: .table(StarSchema.stagingPlays.name, as: play),
                where: .isNull(.column("songplay_id", of: play))
            ),
            mode: .appendNumbered(column: "songplay_id", after: .scalar(largest), order: StarSchema.stagingPlays.keyOrder(of: play))
        )
    }()

    /// The times of songplays whose time this load changes, which `time` may no longer need.
    public static let replacedTimes: Transform = {
        let (play, current) = ("play", "current")
        return Transform(
            into: StarSchema.stagingReplacedTimes,
            SQLSelect(
                [.init(.column("start_time", of: current), as: "start_time")],
                from: .table(StarSchema.stagingPlays.name, as: play),
                joins: [.left(.table(StarSchema.songplays.name, as: current),
                              on: SQLExpression.column("songplay_id", of: current).equals(.column("songplay_id", of: play)))],
                where: SQLExpression.isNotNull(.column("songplay_id", of: play)).and(.isNotNull(.column("start_time", of: current))).and(
                    SQLExpression.isNull(.column("start_time", of: play))
                        .or(.binary(.column("start_time", of: current), .notEqual, .column("start_time", of: play)))
                )
            ),
            mode: .insertMissing
        )
    }()

    /// The songplay of every re-picked identity whose winning copy differs from the songplay
    /// it has, or that has none (numbered in `songplay_keys` just before), under its number.
    public static let songplays: Transform = {
        let (play, key, current) = ("play", "songplay", "current")
        let values: [(String, SQLExpression)] = ["start_time", "user_id", "level", "song_id", "artist_id", "session_id", "location", "user_agent"]
            .map { ($0, .column($0, of: play)) }
        // Equal, or both NULL: two-valued, so that NOT works on it.
        let unchanged = SQLExpression.all(values.map { column, value in
            let existing = SQLExpression.column(column, of: current)
            return SQLExpression.all([.isNotNull(existing), .isNotNull(value), existing.equals(value)])!
                .or(.isNull(existing).and(.isNull(value)))
        })!
        return Transform(
            into: StarSchema.songplays,
            SQLSelect(
                [.init(.function(.coalesce, [.column("songplay_id", of: play), .column("songplay_id", of: key)]), as: "songplay_id")]
                    + values.map { SQLSelect.Item($0.1, as: $0.0) },
                from: .table(StarSchema.stagingPlays.name, as: play),
                joins: [
                    .left(.table(StarSchema.songplayKeys.name, as: key),
                          on: SQLExpression.isNull(.column("songplay_id", of: play)).and(sameIdentity(keysAs: key, playAs: play))),
                    .left(.table(StarSchema.songplays.name, as: current),
                          on: SQLExpression.column("songplay_id", of: current).equals(.column("songplay_id", of: play))),
                ],
                where: SQLExpression.isNull(.column("songplay_id", of: play)).or(.not(unchanged)),
                orderBy: StarSchema.stagingPlays.keyOrder(of: play)
            ),
            mode: .replaceByKey,
            writesIdentity: true
        )
    }()

    /// Every play time of the re-picked songplays not yet in `time`, broken into calendar
    /// parts, fed in order of time.
    public static let time: Transform = {
        let parts: [(DatePart, String)] = [(.hour, "hour"), (.day, "day"), (.isoWeek, "week"), (.month, "month"),
                                           (.year, "year"), (.weekday, "weekday")]
        let start = SQLExpression.column("start_time")
        return Transform(
            into: StarSchema.time,
            SQLSelect(
                [.init(start, as: "start_time")] + parts.map { SQLSelect.Item(.datePart($0.0, of: start), as: $0.1) },
                from: .table(StarSchema.stagingPlays.name),
                where: .isNotNull(start),
                orderBy: [.ascendingNeverNull(.column("ts_key"))]
            ),
            mode: .insertMissing
        )
    }()

    /// Times that no songplay has any more, since this load changed the songplays' times.
    public static let staleTimes: Transform = {
        let time = StarSchema.time.name
        let used = SQLSelect([.init(.integer(1))], from: .table(StarSchema.songplays.name, as: "play"),
                             where: SQLExpression.column("start_time", of: "play").equals(.column("start_time", of: time)))
        return Transform(
            removingFrom: StarSchema.time,
            where: SQLExpression.inSubquery(.column("start_time", of: time),
                                            SQLSelect([.init(.column("start_time"))], from: .table(StarSchema.stagingReplacedTimes.name)))
                .and(.not(.exists(used))),
            named: "time (removed)"
        )
    }()

    // MARK: - Users

    /// Orders a user's events latest first: greatest `ts`, then `item_in_session`, then
    /// `session_id`, then the smallest values.
    private static let latestFirst: [SQLOrdering] =
        [.descending(.column("ts")), .descending(.column("item_in_session")), .descending(.column("session_id"))]
            + ["first_name", "last_name", "gender", "level"].map { .ascending(.binaryText(.column($0))) }

    /// This load's signed-in users, each from their latest event of any page in it.
    public static let latestUsers = Transform(
        into: StarSchema.stagingUsers,
        SQLSelect(
            [.init(SongplayIdentity.user(of: "event"), as: "user_id")]
                + ["first_name", "last_name", "gender", "level", "ts", "item_in_session", "session_id"].map {
                    SQLSelect.Item(.column($0, of: "event"), as: $0)
                },
            from: .table(StarSchema.stagingEvents.name, as: "event"),
            where: .binary(.column("user_id", of: "event"), .notEqual, .text(""))
        ),
        mode: .firstPerKey(key: ["user_id"], order: latestFirst)
    )

    /// Each user's latest event over all loads.
    public static let userHistory = Transform(
        into: StarSchema.userHistory,
        SQLSelect(StarSchema.userHistory.columns.map { SQLSelect.Item(.column($0.name), as: $0.name) },
                  from: .table(StarSchema.stagingUsers.name)),
        mode: .keepFirstPerKey(order: latestFirst)
    )

    /// The users of this load, as of their latest event over all loads; other users stay.
    public static let users = Transform(
        into: StarSchema.users,
        SQLSelect(
            StarSchema.users.columns.map { SQLSelect.Item(.column($0.name), as: $0.name) },
            from: .table(StarSchema.userHistory.name),
            where: .inSubquery(.column("user_id"), SQLSelect([.init(.column("user_id"))], from: .table(StarSchema.stagingUsers.name)))
        ),
        mode: .replaceByKey
    )

    // MARK: - Shared pieces

    /// Orders copies of one play: the earliest `ts`, then level, location and user agent.
    private static let copyOrder: [SQLOrdering] = [.ascending(.column("ts"))]
        + ["level", "location", "user_agent"].map { .ascending(.binaryText(.column($0))) }

    /// The song named `song` matches the matchable request named `request`: same title and
    /// artist name, duration within 0.001 of the length.
    private static func matches(song: String, request: String) -> SQLExpression {
        SQLExpression.all([
            SQLExpression.column("title", of: song).equals(.column("song_key", of: request)),
            SQLExpression.column("artist_name", of: song).equals(.column("artist_key", of: request)),
            SQLExpression.column("matchable", of: request).equals(.integer(1)),
            .binary(
                .function(.abs, [.binary(.column("duration", of: song), .minus, .column("length_key", of: request))]),
                .lessOrEqual, .double(0.001)
            ),
        ])!
    }

    /// The row of `songplay_keys` named `keys` holds the identity of the row named `play` (of
    /// a table with ``SongplayIdentity/keyColumns``).
    private static func sameIdentity(keysAs keys: String, playAs play: String) -> SQLExpression {
        SQLExpression.all(zip(StarSchema.songplayKeys.primaryKey, SongplayIdentity.keyColumns).map { column, playColumn in
            SQLExpression.column(column, of: keys).equals(.column(playColumn, of: play))
        })!
    }
}
