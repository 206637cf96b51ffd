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

    @Test("The transforms of staged events, run batch by batch, keep the copy and the user event that one run over them all keeps")
    func batchByBatchTransforms() throws {
        let source = TemporaryFolder()
        source.copyContents(of: WarehouseConformance.samplesPath + "/song_data", to: "song_data")
        func event(user: Int, first: String, level: String, session: Int, item: Int, ts: Int64) -> String {
            #"{"artist":"Nobody","auth":"Logged In","firstName":"\#(first)","gender":"F","itemInSession":\#(item),"lastName":"Doe","length":100.0,"#
                + #""level":"\#(level)","location":"Here","method":"PUT","page":"NextSong","registration":1.0,"sessionId":\#(session),"#
                + #""song":"Nothing","status":200,"ts":\#(ts),"userAgent":"Agent","userId":"\#(user)"}"#
        }
        // Staging writes 4,096 rows a batch: the first line and 4,095 of user 8's plays make the
        // first batch, the 4,096th play and the last line the second. User 7's one play comes
        // twice: later (ts 5000, paid) in the first batch, earlier (ts 3000, free) in the second.
        let fillers = (1...4096).map { event(user: 8, first: "Bo", level: "free", session: 100, item: $0, ts: 10_000 + Int64($0)) }
        let lines = [event(user: 7, first: "Ada", level: "paid", session: 1, item: 1, ts: 5000)] + fillers
            + [event(user: 7, first: "Ada", level: "free", session: 1, item: 1, ts: 3000)]
        source.write("log_data/events.json", lines.joined(separator: "\n") + "\n")

        let warehouse = SQLiteWarehouse(path: folder.path + "/batches.db")
        defer { warehouse.close() }
        let stager = LocalRowsStager(source: try SourceFolder(path: source.path), into: warehouse, maxErrors: 0)
        let report = try Pipeline(warehouse: warehouse, stager: stager).run(.load)

        #expect(report.staging.map(\.rows) == [11, 4098])
        #expect(report.staging.last?.batchedTransforms.map(\.table) == ["play_requests", "staging_users"])
        #expect(report.transforms.first { $0.table == "staging_users" }?.rowsWritten == 2)
        // The play's earliest copy, from the second batch, wins whatever came first.
        #expect(try warehouse.query("SELECT start_time, level FROM songplays WHERE user_id = 7")
            == [[.text("1970-01-01 00:00:03.000"), .text("free")]])
        #expect(try warehouse.query("SELECT count(*) FROM songplays") == [[.integer(4097)]])
        // User 7 as of their latest event, from the first batch; user 8 as of the 4,096th play.
        #expect(try warehouse.query("SELECT user_id, first_name, level FROM users ORDER BY user_id")
            == [[.integer(7), .text("Ada"), .text("paid")], [.integer(8), .text("Bo"), .text("free")]])
        #expect(try warehouse.query("SELECT ts, item_in_session FROM user_history WHERE user_id = 8") == [[.integer(14_096), .integer(4096)]])
    }

    @Test("A dry run renders staging without opening the database")
    func dryRun() throws {
        let path = folder.path + "/dry.db"
        let warehouse = SQLiteWarehouse(path: path)
        let stager = LocalRowsStager(source: try SourceFolder(path: WarehouseConformance.samplesPath), into: warehouse, maxErrors: 0)
        let statements = try Pipeline(warehouse: warehouse, stager: stager).dryRun(.load)
        #expect(statements.allSatisfy { $0.hasSuffix(";") })
        #expect(statements.contains { $0.hasPrefix("-- one row per JSON object in the 11 .json files under") })
        // The transforms that read staged events alone run over each batch's rows.
        let batched = statements.filter { $0.contains("after each batch written, over its rows") }
        #expect(batched.map { $0.prefix { $0 != "," } } == ["-- play_requests", "-- staging_users"])
        #expect(batched.allSatisfy { $0.contains(#""event"."rowid" > ?1"#) })
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
