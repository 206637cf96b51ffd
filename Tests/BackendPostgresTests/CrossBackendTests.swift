import BackendPostgres
import BackendSQLite
import Core
import PostgresTestSupport
import SampleGenerator
import Testing
import WarehouseConformance

/// The same input gives the same star in SQLite and in PostgreSQL, row for row.
@Suite("SQLite and PostgreSQL agree", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct CrossBackendTests {
    private func compare(_ folder: String) throws {
        let temporary = TemporaryFolder()
        let sqlite = SQLiteWarehouse(path: temporary.path + "/star.db")
        let postgres = PostgresWarehouse(connectionString: try PostgresServer.require().makeDatabase())
        defer { sqlite.close(); postgres.close() }
        let suite = WarehouseConformance { sqlite }
        let sqliteReport = try suite.run(.load, on: sqlite, from: folder)
        let postgresReport = try suite.run(.load, on: postgres, from: folder)
        #expect(sqliteReport.tableRows.map(\.rows) == postgresReport.tableRows.map(\.rows))
        for table in StarSchema.allTables where table != StarSchema.loads {
            let inSQLite = try suite.rows(of: table, in: sqlite)
            let inPostgres = try suite.rows(of: table, in: postgres)
            #expect(inSQLite.count == inPostgres.count, "\(table.name)")
            let differing = zip(inSQLite, inPostgres).filter { $0 != $1 }
            #expect(differing.isEmpty, "\(table.name): first difference \(String(describing: differing.first))")
        }
    }

    @Test("On samples/")
    func samples() throws {
        try compare(WarehouseConformance.samplesPath)
    }

    @Test("On a generated data set of 20,000 events")
    func generated() throws {
        let folder = TemporaryFolder()
        _ = try DataSetGenerator(options: .init(events: 20_000, songs: 2_000, days: 5, seed: 11)).write(to: folder.path + "/data")
        try compare(folder.path + "/data")
    }
}
