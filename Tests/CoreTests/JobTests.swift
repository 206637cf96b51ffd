import Core
import Testing

@Suite("Jobs and their steps")
struct JobTests {
    @Test("A load creates what is missing, empties staging, stages songs then events, transforms, then checks")
    func loadSteps() {
        let steps = Job.load.steps.map(Self.describe)
        let loaderStaging = ["staging_identities", "staging_plays", "staging_replaced_times", "staging_users"]
        let kept = ["song_catalogue", "artist_sources", "play_requests", "songplay_keys", "user_history", "loads"]
        #expect(steps == ["configure", "create? staging_events", "create? staging_songs"]
            + loaderStaging.map { "create? \($0)" }
            + ["songplays", "users", "songs", "artists", "time"].map { "create? \($0)" } + kept.map { "create? \($0)" }
            + ["empty staging_events", "empty staging_songs"] + loaderStaging.map { "empty \($0)" } + [
            "stage songs", "stage events", "analyze staging_songs", "analyze staging_events",
            "transform song_catalogue", "transform songs", "transform artist_sources", "transform artists",
            "transform staging_identities (rematched)", "transform play_requests", "transform staging_identities",
            "transform staging_plays", "transform songplay_keys",
            "transform staging_replaced_times", "transform songplays", "transform time", "transform time (removed)",
            "transform staging_users", "transform user_history", "transform users",
        ] + QualityChecks.all.map { "check \($0.table): \($0.name)" })
    }

    @Test("create-tables drops everything, dependents first, and creates it again")
    func createTablesSteps() {
        let steps = Job.createTables.steps.map(Self.describe)
        let tables = StarSchema.allTables.count
        #expect(Array(steps.prefix(tables)) == StarSchema.allTables.reversed().map { "drop \($0.name)" })
        #expect(Array(steps.prefix(3)) == ["drop loads", "drop user_history", "drop songplay_keys"])
        #expect(Array(steps.dropFirst(tables)) == StarSchema.allTables.map { "create \($0.name)" })
    }

    @Test("etl stages and transforms without creating or checking; check only checks")
    func etlAndCheckSteps() {
        #expect(Job.etl.steps.map(Self.describe) == Job.load.steps.map(Self.describe).filter {
            !$0.hasPrefix("create") && !$0.hasPrefix("check")
        })
        #expect(Job.etl.steps.first.map(Self.describe) == "configure")
        #expect(Job.check.steps.count == QualityChecks.all.count)
        #expect(Job.load.readsSource && Job.etl.readsSource && !Job.check.readsSource && !Job.createTables.readsSource)
    }

    @Test("Checks: rows in every star table, no NULL or duplicate keys, every songplay's user known")
    func checkList() {
        let names = QualityChecks.all.map { "\($0.table): \($0.name)" }
        #expect(names == [
            "songplays: has rows", "songplays: no NULL songplay_id", "songplays: no duplicate songplay_id",
            "users: has rows", "users: no NULL user_id", "users: no duplicate user_id",
            "songs: has rows", "songs: no NULL song_id", "songs: no duplicate song_id",
            "artists: has rows", "artists: no NULL artist_id", "artists: no duplicate artist_id",
            "time: has rows", "time: no NULL start_time", "time: no duplicate start_time",
            "songplays: every user_id in users",
        ])
    }

    @Test("Checks that restate a key run only where the engine does not enforce keys")
    func keyChecksOnlyWhereKeysAreNotEnforced() {
        let running = { (enforcesKeys: Bool) in
            Job.check.steps.filter { !($0.statements(for: OddDialect(enforcesKeys: enforcesKeys))?.isEmpty ?? true) }.map(Self.describe)
        }
        #expect(running(false).count == 16)
        #expect(running(true) == [
            "check songplays: has rows", "check users: has rows", "check songs: has rows", "check artists: has rows",
            "check time: has rows", "check songplays: every user_id in users",
        ])
    }

    private static func describe(_ step: LoadStep) -> String {
        switch step {
        case .configureLoad: "configure"
        case .dropTable(let table): "drop \(table.name)"
        case .createTable(let table, let ifNotExists): "create\(ifNotExists ? "?" : "") \(table.name)"
        case .emptyTable(let table): "empty \(table.name)"
        case .stage(let dataset): "stage \(dataset.rawValue)"
        case .analyze(let table): "analyze \(table.name)"
        case .transform(let transform): "transform \(transform.name)"
        case .check(let check): "check \(check.table): \(check.name)"
        }
    }
}
