@testable import BackendRedshift
import Core
import Foundation
import Testing
import WarehouseConformance

@Suite("Redshift SQL")
struct RedshiftSQLTests {
    let renderer = SQLRenderer(dialect: RedshiftDialect())

    @Test("Tables carry their distribution and sort keys, VARCHAR widths and IDENTITY(0, 1)")
    func tables() {
        #expect(renderer.render(.createTable(StarSchema.songplays, ifNotExists: true)) == """
            CREATE TABLE IF NOT EXISTS "songplays" (
                "songplay_id" BIGINT IDENTITY(0, 1),
                "start_time" TIMESTAMP,
                "user_id" INTEGER NOT NULL,
                "level" VARCHAR(256),
                "song_id" VARCHAR(256),
                "artist_id" VARCHAR(256),
                "session_id" INTEGER,
                "location" VARCHAR(1024),
                "user_agent" VARCHAR(1024),
                PRIMARY KEY ("songplay_id")
            )
            DISTSTYLE KEY
            DISTKEY ("start_time")
            SORTKEY ("start_time")
            """)
        let attributes = StarSchema.allTables.map { "\($0.name): " + (RedshiftDialect().tableAttributes($0) ?? "").replacingOccurrences(of: "\n", with: " ") }
        #expect(attributes == [
            "staging_events: DISTSTYLE EVEN",
            "staging_songs: DISTSTYLE ALL",
            #"staging_plays: DISTSTYLE KEY DISTKEY ("user_id")"#,
            "staging_users: DISTSTYLE ALL",
            #"songplays: DISTSTYLE KEY DISTKEY ("start_time") SORTKEY ("start_time")"#,
            #"users: DISTSTYLE ALL SORTKEY ("user_id")"#,
            #"songs: DISTSTYLE ALL SORTKEY ("song_id")"#,
            #"artists: DISTSTYLE ALL SORTKEY ("artist_id")"#,
            #"time: DISTSTYLE KEY DISTKEY ("start_time") SORTKEY ("start_time")"#,
            #"songplay_keys: DISTSTYLE KEY DISTKEY ("user_id") SORTKEY ("user_id", "session_id", "item_in_session")"#,
        ])
    }

    @Test("COPY reads songs by key and events by the jsonpaths file, every value a quoted literal")
    func copy() {
        let location = S3Location(songData: "s3://b/song_data", logData: "s3://b/it's\\logs", logJSONPaths: "s3://b/paths.json", region: "us-west-2")
        #expect(RedshiftCopy.statement(for: .songs, from: location, iamRole: "arn:aws:iam::1:role/r'x", maxErrors: 0) == """
            COPY "staging_songs" ("num_songs", "artist_id", "artist_latitude", "artist_longitude", "artist_location", "artist_name", "song_id", "title", "duration", "year")
            FROM 's3://b/song_data'
            IAM_ROLE 'arn:aws:iam::1:role/r''x'
            FORMAT AS JSON 'auto'
            REGION 'us-west-2'
            MAXERROR 0
            COMPUPDATE OFF
            STATUPDATE OFF
            """)
        let events = RedshiftCopy.statement(for: .events, from: location, iamRole: "arn:aws:iam::1:role/r", maxErrors: 7)
        #expect(events.contains("\nFROM 's3://b/it''s\\\\logs'\n"))
        #expect(events.contains("\nFORMAT AS JSON 's3://b/paths.json'\n"))
        #expect(events.contains("\nMAXERROR 7\n"))
        let noRegion = S3Location(songData: "s3://b/s", logData: "s3://b/l", logJSONPaths: "s3://b/p", region: nil)
        #expect(!RedshiftCopy.statement(for: .songs, from: noRegion, iamRole: "arn:aws:iam::1:role/r", maxErrors: 0).contains("REGION"))
    }

    @Test("Play times keep milliseconds; upserts delete then insert")
    func transforms() {
        #expect(RedshiftDialect().timestampFromEpochMilliseconds("\"ts\"") == "TIMESTAMP 'epoch' + \"ts\" / 1000.0 * INTERVAL '1 second'")
        let statements = StarTransforms.users.statements(for: RedshiftDialect()).map(renderer.render)
        #expect(statements.count == 2 && statements[0].hasPrefix("DELETE FROM \"users\"\nWHERE \"user_id\" IN ("))
        #expect(!statements.joined().contains("ON CONFLICT") && !statements.joined().contains("COLLATE"))
    }

    @Test("Load errors read as FILE:LINE: column: reason")
    func loadErrors() {
        #expect(RedshiftLoadErrors.record(["s3://b/log_data/2018/11/a.json", "7", "user_id", "Invalid digit, Value 'a', Pos 0, Type: Integer"]).description
            == "s3://b/log_data/2018/11/a.json:7: column user_id: Invalid digit, Value 'a', Pos 0, Type: Integer")
        #expect(RedshiftLoadErrors.record(["s3://b/x.json", "3", "", "Invalid JSONPath format"]).description
            == "s3://b/x.json:3: Invalid JSONPath format")
    }
}
