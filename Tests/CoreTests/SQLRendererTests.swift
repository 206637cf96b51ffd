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
                PRIMARY KEY (⟦user_id⟧, ⟦session_id⟧, ⟦item_in_session⟧)
            )
            LAYOUT(KEY ⟦user_id⟧; ⟦user_id⟧+⟦session_id⟧+⟦item_in_session⟧)
            """)
    }

    @Test("The time transform: distinct new play times broken into parts by the dialect's hooks")
    func timeTransform() {
        let statements = StarTransforms.time.statements(for: OddDialect())
        #expect(statements.map(odd.render) == ["""
            INSERT INTO ⟦time⟧ (⟦start_time⟧, ⟦hour⟧, ⟦day⟧, ⟦week⟧, ⟦month⟧, ⟦year⟧, ⟦weekday⟧)
            SELECT
                ⟦start_time⟧,
                PART_hour(⟦start_time⟧),
                PART_day(⟦start_time⟧),
                PART_isoWeek(⟦start_time⟧),
                PART_month(⟦start_time⟧),
                PART_year(⟦start_time⟧),
                PART_weekday(⟦start_time⟧)
            FROM (
                SELECT DISTINCT ⟦play⟧.⟦start_time⟧ AS ⟦start_time⟧
                FROM ⟦songplays⟧ AS ⟦play⟧
                WHERE ⟦play⟧.⟦start_time⟧ IS NOT NULL AND NOT EXISTS (
                    SELECT 1
                    FROM ⟦time⟧ AS ⟦known⟧
                    WHERE ⟦known⟧.⟦start_time⟧ = ⟦play⟧.⟦start_time⟧
                )
            ) AS ⟦new_times⟧
            """])
    }

    @Test("Replacing by key: DELETE then INSERT, or one INSERT … ON CONFLICT, as the dialect says")
    func upsertStrategies() {
        let deleting = StarTransforms.users.statements(for: OddDialect(upsertStrategy: .deleteThenInsert)).map(odd.render)
        #expect(deleting.count == 2)
        #expect(deleting[0].hasPrefix("""
            DELETE FROM ⟦users⟧
            WHERE ⟦user_id⟧ IN (
                SELECT ⟦user_id⟧
                FROM (
                    SELECT ⟦user_id⟧, ⟦first_name⟧, ⟦last_name⟧, ⟦gender⟧, ⟦level⟧
                    FROM (
            """))
        #expect(deleting[1].hasPrefix("INSERT INTO ⟦users⟧ (⟦user_id⟧, ⟦first_name⟧, ⟦last_name⟧, ⟦gender⟧, ⟦level⟧)\n"))
        #expect(!deleting[1].contains("ON CONFLICT"))

        let updating = StarTransforms.users.statements(for: OddDialect(upsertStrategy: .onConflictUpdate)).map(odd.render)
        #expect(updating.count == 1)
        #expect(updating[0].hasSuffix("""
            WHERE ⟦event_rank⟧ = 1
            ON CONFLICT (⟦user_id⟧) DO UPDATE SET ⟦first_name⟧ = EXCLUDED.⟦first_name⟧, \
            ⟦last_name⟧ = EXCLUDED.⟦last_name⟧, ⟦gender⟧ = EXCLUDED.⟦gender⟧, ⟦level⟧ = EXCLUDED.⟦level⟧
            """))
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
        let with = step.statements(for: OddDialect(supportsIndexes: true))!.map(odd.render)
        #expect(with.count == 2)
        #expect(with[1] == "CREATE INDEX IF NOT EXISTS ⟦staging_songs_match⟧ ON ⟦staging_songs⟧ (⟦title⟧, ⟦artist_name⟧, ⟦duration⟧, ⟦song_id⟧, ⟦artist_id⟧)")
        #expect(step.statements(for: OddDialect(supportsIndexes: false))!.count == 1)
    }

    @Test("No name, literal or type of any statement bypasses the dialect", arguments: [
        UpsertStrategy.deleteThenInsert, .onConflictUpdate,
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
