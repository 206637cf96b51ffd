import BackendSQLite
import Core
import Foundation
import Testing
import WarehouseConformance

@Suite("SQLite warehouse files")
struct SQLiteWarehouseTests {
    let folder = TemporaryFolder()

    @Test("A database in a folder that does not exist cannot be opened, and says why")
    func missingFolder() {
        let warehouse = SQLiteWarehouse(path: folder.path + "/no/such/folder/x.db")
        let error = #expect(throws: SQLiteWarehouseError.self) { try warehouse.open() }
        #expect(error?.description == "cannot open database \(folder.path)/no/such/folder/x.db: no such folder \(folder.path)/no/such/folder")
    }

    @Test("A file that is not a database is refused when opened")
    func notADatabase() {
        folder.write("notes.db", "these are notes, not a database, and they are long enough to have a header")
        let error = #expect(throws: SQLiteWarehouseError.self) { try SQLiteWarehouse(path: folder.path + "/notes.db").open() }
        #expect(error?.description == "cannot open database \(folder.path)/notes.db: file is not a database")
    }

    @Test("Jobs that need a database do not create one")
    func noDatabase() {
        let path = folder.path + "/absent.db"
        #expect(throws: SQLiteWarehouseError.noDatabase(path)) { try SQLiteWarehouse(path: path, createsFile: false).open() }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A failed first load leaves no file behind; a failed later load leaves the file as it was")
    func failedFirstLoad() throws {
        let broken = TemporaryFolder()
        broken.copyContents(of: WarehouseConformance.samplesPath)
        broken.write("log_data/2018/11/2018-11-04-events.json", "not json\n")
        let path = folder.path + "/first.db"
        let warehouse = SQLiteWarehouse(path: path)
        #expect(throws: StagingError.self) {
            let stager = LocalRowsStager(source: try SourceFolder(path: broken.path), into: warehouse, maxErrors: 0)
            try Pipeline(warehouse: warehouse, stager: stager).run(.load)
        }
        warehouse.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("Statement errors carry SQLite's message and the statement")
    func statementErrors() throws {
        let warehouse = SQLiteWarehouse(path: folder.path + "/errors.db")
        defer { warehouse.close() }
        let error = #expect(throws: SQLiteError.self) { try warehouse.query("SELECT nope FROM sqlite_master") }
        #expect(error?.description == "no such column: nope, in: SELECT nope FROM sqlite_master")
    }

    @Test("A transaction rolls back everything and rethrows the first error")
    func transactionRollsBack() throws {
        let warehouse = SQLiteWarehouse(path: folder.path + "/transaction.db")
        defer { warehouse.close() }
        try warehouse.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)")
        try warehouse.execute("INSERT INTO t VALUES (1)")
        #expect(throws: SQLiteError.self) {
            try warehouse.transaction {
                try warehouse.execute("INSERT INTO t VALUES (2)")
                try warehouse.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(try warehouse.query("SELECT x FROM t") == [[.integer(1)]])
    }

    @Test("Numbering songplays in a temporary table leaves the database's own table of that name alone")
    func numberingScratchTable() throws {
        let path = folder.path + "/scratch.db"
        let setup = SQLiteWarehouse(path: path)
        try setup.execute("CREATE TABLE songplay_keys_numbering (note TEXT)")
        try setup.execute("INSERT INTO songplay_keys_numbering VALUES ('mine')")
        setup.close()
        for _ in 0..<2 {
            // Two loads on one connection, then one on a new connection: the first load of
            // each connection creates the temporary table, the second finds it.
            let warehouse = SQLiteWarehouse(path: path)
            for _ in 0..<2 {
                let stager = LocalRowsStager(source: try SourceFolder(path: WarehouseConformance.samplesPath), into: warehouse, maxErrors: 0)
                try Pipeline(warehouse: warehouse, stager: stager).run(.load)
            }
            #expect(try warehouse.query("SELECT note FROM main.songplay_keys_numbering") == [[.text("mine")]])
            // The samples hold 15 songplays, numbered 1 to 15 by the first load and kept since.
            #expect(try warehouse.query("SELECT count(*), min(songplay_id), max(songplay_id) FROM songplays")
                == [[.integer(15), .integer(1), .integer(15)]])
            warehouse.close()
        }
    }

    @Test("A dry run renders staging without opening the database")
    func dryRun() throws {
        let path = folder.path + "/dry.db"
        let warehouse = SQLiteWarehouse(path: path)
        let stager = LocalRowsStager(source: try SourceFolder(path: WarehouseConformance.samplesPath), into: warehouse, maxErrors: 0)
        let statements = try Pipeline(warehouse: warehouse, stager: stager).dryRun(.load)
        #expect(statements.allSatisfy { $0.hasSuffix(";") })
        #expect(statements.contains { $0.hasPrefix("-- one row per JSON object in the 11 .json files under") })
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
