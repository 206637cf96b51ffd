import Core
import Testing

@Suite("Rendering through a dialect")
struct SQLRendererTests {
    let odd = SQLRenderer(dialect: OddDialect())

    @Test("CREATE TABLE: identity, NOT NULL, primary key and layout all come from the dialect")
    func createTable() {
        #expect(odd.render(.createTable(StarSchema.songplays, ifNotExists: true)) == """
            CREATE TABLE IF NOT EXISTS ⟦songplays⟧ (
                ⟦songplay_id⟧ COUNTER_OF_INT_64,
                ⟦start_time⟧ INSTANT,
                ⟦user_id⟧ INT_32 NOT NULL,
                ⟦level⟧ STRING_256,
                ⟦song_id⟧ STRING_256,
                ⟦artist_id⟧ STRING_256,
                ⟦session_id⟧ INT_32,
                ⟦location⟧ STRING_1024,
                ⟦user_agent⟧ STRING_1024,
                PRIMARY KEY (⟦songplay_id⟧)
            )
            LAYOUT(KEY ⟦start_time⟧; ⟦start_time⟧)
            """)
        #expect(odd.render(.createTable(StarSchema.songplayKeys, ifNotExists: false)) == """
            CREATE TABLE ⟦songplay_keys⟧ (
                ⟦user_id⟧ INT_32 NOT NULL,
                ⟦session_id⟧ INT_32 NOT NULL,
                ⟦item_in_session⟧ INT_32 NOT NULL,
                ⟦songplay_id⟧ INT_64 NOT NULL,
                ⟦load_id⟧ INT_32 NOT NULL,
                PRIMARY KEY (⟦session_id⟧, ⟦item_in_session⟧, ⟦user_id⟧)
            )
            LAYOUT(KEY ⟦user_id⟧; ⟦user_id⟧+⟦session_id⟧+⟦item_in_session⟧)
            """)
    }

    @Test("A staging table declares its keys only where one row per key is picked by conflicts on them")
    func stagingKeys() {
        let render = { (strategy: UpsertStrategy, table: Table) in
            SQLRenderer(dialect: OddDialect(upsertStrategy: strategy)).render(.createTable(table, ifNotExists: false))
        }
        let picked = render(.conflictClauses, StarSchema.stagingPlays)
        #expect(picked.contains("PRIMARY KEY (⟦ts_key⟧, ⟦user_id⟧, ⟦session_key⟧, ⟦item_key⟧)"))
        #expect(picked.contains("UNIQUE (⟦session_key⟧, ⟦item_key⟧, ⟦user_id⟧)"))
        for strategy in [UpsertStrategy.rankingAndAntiJoins, .separateStatements] {
            let ranked = render(strategy, StarSchema.stagingPlays)
            #expect(!ranked.contains("PRIMARY KEY") && !ranked.contains("UNIQUE"))
            #expect(render(strategy, StarSchema.songplayKeys).contains("PRIMARY KEY (⟦session_id⟧, ⟦item_in_session⟧, ⟦user_id⟧)"))
        }
    }

    @Test("Inserting missing keys: ON CONFLICT DO NOTHING where the dialect skips by conflict")
    func timeWithConflictClause() {
        let statements = StarTransforms.time.statements(for: OddDialect(upsertStrategy: .conflictClauses))
        #expect(statements.map(odd.render) == ["""
            INSERT INTO ⟦time⟧ (⟦start_time⟧, ⟦hour⟧, ⟦day⟧, ⟦week⟧, ⟦month⟧, ⟦year⟧, ⟦weekday⟧)
            SELECT
                ⟦start_time⟧ AS ⟦start_time⟧,
                PART_hour(⟦start_time⟧) AS ⟦hour⟧,
                PART_day(⟦start_time⟧) AS ⟦day⟧,
                PART_isoWeek(⟦start_time⟧) AS ⟦week⟧,
                PART_month(⟦start_time⟧) AS ⟦month⟧,
                PART_year(⟦start_time⟧) AS ⟦year⟧,
                PART_weekday(⟦start_time⟧) AS ⟦weekday⟧
            FROM ⟦staging_plays⟧
            WHERE ⟦start_time⟧ IS NOT NULL
            ORDER BY ⟦ts_key⟧ ASC
            ON CONFLICT (⟦start_time⟧) DO NOTHING
            """])
    }

    @Test("Inserting missing keys: DISTINCT and an anti-join where the dialect skips by anti-join")
    func timeWithSeparateStatements() {
        let statements = StarTransforms.time.statements(for: OddDialect(upsertStrategy: .separateStatements))
        #expect(statements.map(odd.render) == ["""
            INSERT INTO ⟦time⟧ (⟦start_time⟧, ⟦hour⟧, ⟦day⟧, ⟦week⟧, ⟦month⟧, ⟦year⟧, ⟦weekday⟧)
            SELECT DISTINCT
                ⟦incoming⟧.⟦start_time⟧,
                ⟦incoming⟧.⟦hour⟧,
                ⟦incoming⟧.⟦day⟧,
                ⟦incoming⟧.⟦week⟧,
                ⟦incoming⟧.⟦month⟧,
                ⟦incoming⟧.⟦year⟧,
                ⟦incoming⟧.⟦weekday⟧
            FROM (
                SELECT
                    ⟦start_time⟧ AS ⟦start_time⟧,
                    PART_hour(⟦start_time⟧) AS ⟦hour⟧,
                    PART_day(⟦start_time⟧) AS ⟦day⟧,
                    PART_isoWeek(⟦start_time⟧) AS ⟦week⟧,
                    PART_month(⟦start_time⟧) AS ⟦month⟧,
                    PART_year(⟦start_time⟧) AS ⟦year⟧,
                    PART_weekday(⟦start_time⟧) AS ⟦weekday⟧
                FROM ⟦staging_plays⟧
                WHERE ⟦start_time⟧ IS NOT NULL
                ORDER BY ⟦ts_key⟧ ASC
            ) AS ⟦incoming⟧
            WHERE NOT EXISTS (
                SELECT 1
                FROM ⟦time⟧ AS ⟦existing⟧
                WHERE ⟦existing⟧.⟦start_time⟧ = ⟦incoming⟧.⟦start_time⟧
            )
            ORDER BY ⟦incoming⟧.⟦start_time⟧ ASC
            """])
    }

    @Test("One row per key: ROW_NUMBER() = 1 where one statement may not update a row twice")
    func firstPerKey() {
        for strategy in [UpsertStrategy.separateStatements, .rankingAndAntiJoins] {
            let ranked = StarTransforms.latestUsers.statements(for: OddDialect(upsertStrategy: strategy)).map(odd.render)
            #expect(ranked.count == 1)
            #expect(ranked[0].contains("""
                        ROW_NUMBER() OVER (PARTITION BY ⟦user_id⟧ ORDER BY ⟦ts⟧ DESC NULLS LAST, ⟦item_in_session⟧ DESC NULLS LAST, \
                ⟦session_id⟧ DESC NULLS LAST, BYTES(⟦first_name⟧) ASC NULLS LAST, BYTES(⟦last_name⟧) ASC NULLS LAST, \
                BYTES(⟦gender⟧) ASC NULLS LAST, BYTES(⟦level⟧) ASC NULLS LAST) AS ⟦key_rank⟧
                """))
            #expect(ranked[0].hasSuffix(") AS ⟦ranked⟧\nWHERE ⟦key_rank⟧ = 1"))
            #expect(!ranked[0].contains("ON CONFLICT"))
        }
    }

    @Test("One row per key without sorting: a later row replaces the kept one when it comes first")
    func firstPerKeyByRepeatedUpdates() {
        let statements = StarTransforms.latestUsers.statements(for: OddDialect(upsertStrategy: .conflictClauses))
        #expect(statements.count == 1)
        let sql = odd.render(statements[0])
        #expect(!sql.contains("ORDER BY"))
        #expect(sql.contains("""
            ) AS ⟦candidates⟧
            WHERE 1 = 1
            ON CONFLICT (⟦user_id⟧) DO UPDATE SET ⟦first_name⟧ = EXCLUDED.⟦first_name⟧, ⟦last_name⟧ = EXCLUDED.⟦last_name⟧, \
            ⟦gender⟧ = EXCLUDED.⟦gender⟧, ⟦level⟧ = EXCLUDED.⟦level⟧, ⟦ts⟧ = EXCLUDED.⟦ts⟧, \
            ⟦item_in_session⟧ = EXCLUDED.⟦item_in_session⟧, ⟦session_id⟧ = EXCLUDED.⟦session_id⟧
            WHERE ⟦excluded⟧.⟦ts⟧ IS NOT NULL AND (⟦staging_users⟧.⟦ts⟧ IS NULL OR ⟦excluded⟧.⟦ts⟧ > ⟦staging_users⟧.⟦ts⟧) \
            OR (⟦excluded⟧.⟦ts⟧ = ⟦staging_users⟧.⟦ts⟧ OR ⟦excluded⟧.⟦ts⟧ IS NULL AND ⟦staging_users⟧.⟦ts⟧ IS NULL) \
            AND ⟦excluded⟧.⟦item_in_session⟧ IS NOT NULL AND (⟦staging_users⟧.⟦item_in_session⟧ IS NULL \
            OR ⟦excluded⟧.⟦item_in_session⟧ > ⟦staging_users⟧.⟦item_in_session⟧) OR (
            """))
    }

    @Test("Numbering new rows: ROW_NUMBER(), or the rowid of a temporary table filled in order, as the dialect says")
    func numberingStrategies() {
        let numbered = Transform(
            into: StarSchema.songplayKeys,
            SQLSelect([.init(.column("user_id"), as: "user_id"), .init(.column("session_key"), as: "session_id"),
                       .init(.column("item_key"), as: "item_in_session"), .init(.integer(7), as: "load_id")],
                      from: .table("plays")),
            mode: .appendNumbered(column: "songplay_id", after: .integer(40), order: [.ascendingNeverNull(.column("ts_key"))])
        )
        let select = """
            SELECT
                ⟦user_id⟧ AS ⟦user_id⟧,
                ⟦session_key⟧ AS ⟦session_id⟧,
                ⟦item_key⟧ AS ⟦item_in_session⟧,
                7 AS ⟦load_id⟧
            """
        #expect(numbered.statements(for: OddDialect()).map(odd.render) == ["""
            INSERT INTO ⟦songplay_keys⟧ (⟦user_id⟧, ⟦session_id⟧, ⟦item_in_session⟧, ⟦load_id⟧, ⟦songplay_id⟧)
            \(select),
                40 + ROW_NUMBER() OVER (ORDER BY ⟦ts_key⟧ ASC) AS ⟦songplay_id⟧
            FROM ⟦plays⟧
            """])
        #expect(numbered.statements(for: OddDialect(numbering: .insertionOrder)).map(odd.render) == [
            """
            CREATE TEMP TABLE IF NOT EXISTS ⟦songplay_keys_numbering⟧ (
                ⟦number⟧ INT_64 NOT NULL,
                ⟦user_id⟧ INT_32 NOT NULL,
                ⟦session_id⟧ INT_32 NOT NULL,
                ⟦item_in_session⟧ INT_32 NOT NULL,
                ⟦load_id⟧ INT_32 NOT NULL,
                PRIMARY KEY (⟦number⟧)
            )
            LAYOUT(AUTO; )
            """,
            "DELETE FROM ⟦songplay_keys_numbering⟧",
            """
            INSERT INTO ⟦songplay_keys_numbering⟧ (⟦user_id⟧, ⟦session_id⟧, ⟦item_in_session⟧, ⟦load_id⟧)
            \(select)
            FROM ⟦plays⟧
            ORDER BY ⟦ts_key⟧ ASC
            """,
            """
            INSERT INTO ⟦songplay_keys⟧ (⟦user_id⟧, ⟦session_id⟧, ⟦item_in_session⟧, ⟦load_id⟧, ⟦songplay_id⟧)
            SELECT ⟦user_id⟧, ⟦session_id⟧, ⟦item_in_session⟧, ⟦load_id⟧, 40 + ⟦number⟧
            FROM ⟦songplay_keys_numbering⟧
            ORDER BY ⟦number⟧ ASC
            """,
        ])
    }

    @Test("An ordering of a column that is never NULL names no NULL placement, and compares without NULL tests")
    func neverNullOrdering() {
        let order = [SQLOrdering.ascendingNeverNull(.column("k")), .ascending(.column("x"))]
        #expect(odd.render(SQLSelect([.init(.column("k"))], from: .table("t"), orderBy: order)) == """
            SELECT ⟦k⟧
            FROM ⟦t⟧
            ORDER BY ⟦k⟧ ASC, ⟦x⟧ ASC NULLS LAST
            """)
        #expect(odd.render(SQLOrdering.precedes(order, incoming: "i", existing: "e"))
            == "⟦i⟧.⟦k⟧ < ⟦e⟧.⟦k⟧ OR ⟦i⟧.⟦k⟧ = ⟦e⟧.⟦k⟧ AND ⟦i⟧.⟦x⟧ IS NOT NULL AND (⟦e⟧.⟦x⟧ IS NULL OR ⟦i⟧.⟦x⟧ < ⟦e⟧.⟦x⟧)")
    }

    @Test("Row precedence follows each term's direction and NULL placement")
    func rowPrecedence() {
        let a = SQLOrdering.precedes([.ascending(.column("x"))], incoming: "i", existing: "e")
        #expect(odd.render(a) == "⟦i⟧.⟦x⟧ IS NOT NULL AND (⟦e⟧.⟦x⟧ IS NULL OR ⟦i⟧.⟦x⟧ < ⟦e⟧.⟦x⟧)")
        let first = SQLOrdering(expression: .column("x"), isDescending: true, nulls: .first)
        #expect(odd.render(SQLOrdering.precedes([first], incoming: "i", existing: "e"))
            == "⟦e⟧.⟦x⟧ IS NOT NULL AND (⟦i⟧.⟦x⟧ IS NULL OR ⟦i⟧.⟦x⟧ > ⟦e⟧.⟦x⟧)")
    }

    @Test("Replacing by key: DELETE then INSERT, or one INSERT … ON CONFLICT DO UPDATE, as the dialect says")
    func upsertStrategies() {
        let deleting = StarTransforms.users.statements(for: OddDialect(upsertStrategy: .separateStatements)).map(odd.render)
        let select = """
            SELECT
                ⟦user_id⟧ AS ⟦user_id⟧,
                ⟦first_name⟧ AS ⟦first_name⟧,
                ⟦last_name⟧ AS ⟦last_name⟧,
                ⟦gender⟧ AS ⟦gender⟧,
                ⟦level⟧ AS ⟦level⟧
            FROM ⟦user_history⟧
            WHERE ⟦user_id⟧ IN (
                SELECT ⟦user_id⟧
                FROM ⟦staging_users⟧
            )
            """
        let indented = select.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
        #expect(deleting == [
            "DELETE FROM ⟦users⟧\nWHERE ⟦user_id⟧ IN (\n    SELECT ⟦user_id⟧\n    FROM (\n" + indented + "\n    ) AS ⟦incoming⟧\n)",
            "INSERT INTO ⟦users⟧ (⟦user_id⟧, ⟦first_name⟧, ⟦last_name⟧, ⟦gender⟧, ⟦level⟧)\n" + select,
        ])
        let updating = StarTransforms.users.statements(for: OddDialect(upsertStrategy: .conflictClauses)).map(odd.render)
        #expect(updating == ["""
            INSERT INTO ⟦users⟧ (⟦user_id⟧, ⟦first_name⟧, ⟦last_name⟧, ⟦gender⟧, ⟦level⟧)
            \(select)
            ON CONFLICT (⟦user_id⟧) DO UPDATE SET ⟦first_name⟧ = EXCLUDED.⟦first_name⟧, \
            ⟦last_name⟧ = EXCLUDED.⟦last_name⟧, ⟦gender⟧ = EXCLUDED.⟦gender⟧, ⟦level⟧ = EXCLUDED.⟦level⟧
            """])
    }

    @Test("Keeping the first row per key across loads: one conditional upsert, or DELETE what incoming rows beat, then INSERT")
    func keepFirstPerKey() {
        let keep = Transform(
            into: StarSchema.artistSources,
            SQLSelect(StarSchema.artistSources.columns.map { SQLSelect.Item(.column($0.name)) }, from: .table("incoming_artists")),
            mode: .keepFirstPerKey(order: [.ascending(.column("song_id"))])
        )
        let upserted = keep.statements(for: OddDialect(upsertStrategy: .conflictClauses)).map(odd.render)
        #expect(upserted.count == 1)
        #expect(upserted[0].hasSuffix("""
            ON CONFLICT (⟦artist_id⟧) DO UPDATE SET ⟦song_id⟧ = EXCLUDED.⟦song_id⟧, ⟦name⟧ = EXCLUDED.⟦name⟧, \
            ⟦location⟧ = EXCLUDED.⟦location⟧, ⟦latitude⟧ = EXCLUDED.⟦latitude⟧, ⟦longitude⟧ = EXCLUDED.⟦longitude⟧
            WHERE ⟦excluded⟧.⟦song_id⟧ IS NOT NULL AND (⟦artist_sources⟧.⟦song_id⟧ IS NULL OR ⟦excluded⟧.⟦song_id⟧ < ⟦artist_sources⟧.⟦song_id⟧)
            """))
        for strategy in [UpsertStrategy.separateStatements, .rankingAndAntiJoins] {
            let statements = keep.statements(for: OddDialect(upsertStrategy: strategy)).map(odd.render)
            #expect(statements.count == 2)
            #expect(statements[0] == """
                DELETE FROM ⟦artist_sources⟧
                WHERE EXISTS (
                    SELECT 1
                    FROM (
                        SELECT ⟦artist_id⟧, ⟦song_id⟧, ⟦name⟧, ⟦location⟧, ⟦latitude⟧, ⟦longitude⟧
                        FROM ⟦incoming_artists⟧
                    ) AS ⟦incoming⟧
                    WHERE ⟦incoming⟧.⟦artist_id⟧ = ⟦artist_sources⟧.⟦artist_id⟧ AND ⟦incoming⟧.⟦song_id⟧ IS NOT NULL \
                AND (⟦artist_sources⟧.⟦song_id⟧ IS NULL OR ⟦incoming⟧.⟦song_id⟧ < ⟦artist_sources⟧.⟦song_id⟧)
                )
                """)
            #expect(statements[1].hasSuffix("""
                ) AS ⟦ranked⟧
                WHERE ⟦ranked⟧.⟦key_rank⟧ = 1 AND NOT EXISTS (
                    SELECT 1
                    FROM ⟦artist_sources⟧ AS ⟦existing⟧
                    WHERE ⟦existing⟧.⟦artist_id⟧ = ⟦ranked⟧.⟦artist_id⟧
                )
                """))
        }
    }

    @Test("Checks count offending rows")
    func checks() {
        let duplicates = QualityChecks.all.first { $0.table == "users" && $0.name == "no duplicate user_id" }!
        #expect(odd.render(.select(duplicates.query)) == """
            SELECT COUNT(*)
            FROM (
                SELECT ⟦user_id⟧
                FROM ⟦users⟧
                GROUP BY ⟦user_id⟧
                HAVING COUNT(*) > 1
            ) AS ⟦duplicate_keys⟧
            """)
        let nulls = QualityChecks.all.first { $0.table == "artists" && $0.name == "no NULL artist_id" }!
        #expect(odd.render(.select(nulls.query)) == "SELECT COUNT(*)\nFROM ⟦artists⟧\nWHERE ⟦artist_id⟧ IS NULL")
    }

    @Test("Operands bind as written: parentheses only where precedence needs them")
    func precedence() {
        let a = SQLExpression.column("a"), b = SQLExpression.column("b"), c = SQLExpression.column("c")
        #expect(odd.render(.binary(.binary(a, .or, b), .and, c)) == "(⟦a⟧ OR ⟦b⟧) AND ⟦c⟧")
        #expect(odd.render(.binary(a, .or, .binary(b, .and, c))) == "⟦a⟧ OR ⟦b⟧ AND ⟦c⟧")
        #expect(odd.render(.binary(a, .minus, .binary(b, .minus, c))) == "⟦a⟧ - (⟦b⟧ - ⟦c⟧)")
        #expect(odd.render(.binary(.binary(a, .minus, b), .minus, c)) == "⟦a⟧ - ⟦b⟧ - ⟦c⟧")
        #expect(odd.render(.binary(.binary(a, .minus, b), .lessOrEqual, .double(0.001))) == "⟦a⟧ - ⟦b⟧ <= 0.001")
        #expect(odd.render(.not(.binary(a, .equal, .text("it's")))) == "NOT (⟦a⟧ = ‹it's›)")
    }

    @Test("Indexes render only for dialects that have them")
    func indexes() {
        let step = LoadStep.createTable(StarSchema.stagingSongs, ifNotExists: true)
        let with = step.statements(for: OddDialect(joinsByIndexLookups: true))!.map(odd.render)
        #expect(with.count == 2)
        #expect(with[1] == "CREATE INDEX IF NOT EXISTS ⟦staging_songs_request⟧ ON ⟦staging_songs⟧ (⟦title⟧, ⟦artist_name⟧)")
        #expect(step.statements(for: OddDialect(joinsByIndexLookups: false))!.count == 1)
    }

    @Test("No name, literal or type of any statement bypasses the dialect", arguments: [
        UpsertStrategy.separateStatements, .rankingAndAntiJoins, .conflictClauses,
    ])
    func everythingGoesThroughTheDialect(strategy: UpsertStrategy) {
        let dialect = OddDialect(upsertStrategy: strategy)
        let renderer = SQLRenderer(dialect: dialect)
        let names = Set(StarSchema.allTables.flatMap { [$0.name] + $0.columnNames })
        let engineWords = ["INTEGER", "BIGINT", "TEXT", "REAL", "DOUBLE", "VARCHAR", "TIMESTAMP", "strftime", "EXTRACT"]
        for job in Job.allCases {
            for step in job.steps {
                for statement in step.statements(for: dialect) ?? [] {
                    let sql = renderer.render(statement)
                    #expect(!sql.contains("\"") && !sql.contains("'"), "a quote outside the dialect in:\n\(sql)")
                    let outside = Self.removingQuoted(sql)
                    let words = Set(outside.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init))
                    #expect(words.isDisjoint(with: names), "a name outside the dialect's quotes in:\n\(sql)")
                    #expect(words.isDisjoint(with: engineWords), "an engine's word in:\n\(sql)")
                }
            }
        }
    }

    /// The text with every ⟦name⟧ and ‹literal› cut out.
    private static func removingQuoted(_ sql: String) -> String {
        var result = "", depth = 0
        for character in sql {
            if character == "⟦" || character == "‹" { depth += 1 }
            if depth == 0 { result.append(character) }
            if character == "⟧" || character == "›" { depth -= 1 }
        }
        return result
    }
}
