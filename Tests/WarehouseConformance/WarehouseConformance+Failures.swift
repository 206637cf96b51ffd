import Core
import Foundation
import Testing

extension WarehouseConformance {
    /// A load that rejects too many records, or whose checks fail, leaves every table as it was.
    public func failedLoadsLeaveTheWarehouseAsItWas() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        try run(.load, on: warehouse)
        let before = try snapshot(of: warehouse)

        let broken = TemporaryFolder()
        broken.copyContents(of: Self.samplesPath)
        broken.write("log_data/2018/11/2018-11-04-events.json", "{\"userId\":\"7\",\"page\":\"NextSong\",\"ts\":1541300000000}\nnot json\n")
        #expect(throws: StagingError.self) { try run(.load, on: warehouse, from: broken.path) }
        #expect(try snapshot(of: warehouse) == before)

        // Songs but no plays: "songplays: has rows" fails on an empty warehouse.
        let noPlays = TemporaryFolder()
        noPlays.copyContents(of: Self.samplesPath)
        noPlays.write("log_data/2018/11/2018-11-01-events.json", #"{"userId":"5","page":"Home","ts":1541030400000}"#)
        for day in ["02", "03"] {
            try FileManager.default.removeItem(atPath: noPlays.path + "/log_data/2018/11/2018-11-\(day)-events.json")
        }
        let fresh = try makeWarehouse()
        defer { fresh.close() }
        let error = #expect(throws: WarehouseError.self) { try run(.load, on: fresh, from: noPlays.path) }
        guard case .checksFailed(let results) = error else {
            Issue.record("expected failed checks, got \(String(describing: error))")
            return
        }
        #expect(results.filter { !$0.passed }.map { "\($0.check.table): \($0.check.name)" } == [
            "songplays: has rows", "time: has rows",
        ])
        #expect(try fresh.existingTables().isDisjoint(with: StarSchema.allTables.map(\.name)))
    }

    /// A load or `etl` into tables that lack columns the loader needs (made by an older version)
    /// stops before it begins, naming each missing column, and changes and records nothing.
    public func tablesOfAnOlderLoaderAreNamed() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        try run(.load, on: warehouse)
        let dialect = warehouse.dialect
        for (table, column) in [("songplay_keys", "load_id"), ("staging_plays", "start_time")] {
            try warehouse.execute("ALTER TABLE \(dialect.quoteIdentifier(table)) DROP COLUMN \(dialect.quoteIdentifier(column))")
        }
        let songplays = try rows(of: StarSchema.songplays, in: warehouse)
        for job in [Job.load, .etl] {
            #expect(throws: WarehouseError.outdatedTables(location: warehouse.location,
                                                          missingColumns: ["staging_plays.start_time", "songplay_keys.load_id"])) {
                try run(job, on: warehouse)
            }
        }
        #expect(try rows(of: StarSchema.songplays, in: warehouse) == songplays)
        #expect(try history(of: warehouse).count == 1)
    }

    /// A `userId` that is no whole number is a rejected record, named with its file and line;
    /// it never becomes a user 0. Within `--max-errors` the rest loads.
    public func userIDsMustBeWholeNumbers() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        try run(.load, on: warehouse)
        let before = try snapshot(of: warehouse)
        let odd = TemporaryFolder()
        odd.copyContents(of: Self.samplesPath)
        odd.write("log_data/2018/11/2018-11-04-events.json",
                  #"{"userId":"4x","page":"NextSong","ts":1541300000000,"sessionId":1,"itemInSession":0}"# + "\n")
        let error = #expect(throws: StagingError.self) { try run(.load, on: warehouse, from: odd.path) }
        #expect(error?.rejectedRecords.map(\.description) == [
            "\(odd.path)/log_data/2018/11/2018-11-04-events.json:1: \"userId\": \"4x\" is not a user id (a whole number, or \"\" when signed out)",
        ])
        #expect(try snapshot(of: warehouse) == before)
        let report = try run(.load, on: warehouse, from: odd.path, maxErrors: 1)
        #expect(report.rejected.count == 1 && report.staging.map(\.rows) == [11, 23])
        #expect(try snapshot(of: warehouse) == before)
    }

    /// `etl` needs the tables to exist; `create-tables` empties every one of them.
    public func createTablesAndETL() throws {
        let warehouse = try makeWarehouse()
        defer { warehouse.close() }
        #expect(throws: WarehouseError.self) { try run(.etl, on: warehouse) }
        try run(.load, on: warehouse)
        try run(.createTables, on: warehouse)
        #expect(try snapshot(of: warehouse).values.allSatisfy(\.isEmpty))
        let report = try run(.etl, on: warehouse)
        #expect(report.checks.isEmpty)
        #expect(try rows(of: StarSchema.songplays, in: warehouse) == SampleTables.songplays)
        let checked = try run(.check, on: warehouse)
        #expect(checked.checksPassed && checked.checks.count == QualityChecks.all.filter { $0.runs(in: warehouse.dialect) }.count)
    }
}
