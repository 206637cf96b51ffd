import BackendPostgres
import BackendSQLite
import Core
import Foundation
import LibPQ
import PostgresTestSupport
import Testing
import WarehouseConformance

/// What the PostgreSQL warehouse itself adds to the conformance suite: songplay ids after a
/// failed load, where it says it is, how long it waits for a server.
@Suite("The PostgreSQL warehouse", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct PostgresWarehouseTests {
    /// `samples/` with only the event logs of `days` (of 01, 02, 03).
    static func samples(days: [String]) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.copyContents(of: WarehouseConformance.samplesPath)
        for day in ["01", "02", "03"] where !days.contains(day) {
            try! FileManager.default.removeItem(atPath: folder.path + "/log_data/2018/11/2018-11-\(day)-events.json")
        }
        return folder
    }

    @Test("A load that fails after inserting songplays takes no songplay_id from the next load, in PostgreSQL as in SQLite")
    func failedLoadsTakeNoIDs() throws {
        let temporary = TemporaryFolder()
        let sqlite = SQLiteWarehouse(path: temporary.path + "/star.db")
        let postgres = PostgresWarehouse(connectionString: try PostgresServer.require().makeDatabase())
        defer { sqlite.close(); postgres.close() }
        let suite = WarehouseConformance { sqlite }
        // The 2018-11-01 log holds the plays numbered 1…7 in SampleTables; 2018-11-02 those
        // numbered 8…12. The failing load adds a Home event of user 4444, whose insert into
        // users a trigger refuses: the load inserts the five new plays, then fails at users.
        let firstDay = Self.samples(days: ["01"])
        let failing = Self.samples(days: ["01", "02"])
        failing.write("log_data/2018/11/2018-11-04-events.json",
                      #"{"userId":"4444","page":"Home","ts":1541300000000,"sessionId":1,"itemInSession":0}"# + "\n")
        let refusal = [
            "CREATE TRIGGER refuse_4444 BEFORE INSERT ON users WHEN NEW.user_id = 4444 BEGIN SELECT RAISE(ABORT, 'user 4444 refused'); END",
            """
            CREATE FUNCTION refuse_4444() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.user_id = 4444 THEN RAISE EXCEPTION 'user 4444 refused'; END IF; RETURN NEW; END $$
            """,
            "CREATE TRIGGER refuse_4444 BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION refuse_4444()",
        ]
        for warehouse in [sqlite, postgres] as [any BulkLoadingWarehouse] {
            try suite.run(.load, on: warehouse, from: firstDay.path)
            for statement in warehouse === sqlite ? Array(refusal[..<1]) : Array(refusal[1...]) {
                try warehouse.execute(statement)
            }
            let error = #expect(throws: (any Error).self) { try suite.run(.load, on: warehouse, from: failing.path) }
            #expect(String(describing: error).contains("user 4444 refused"))
            try warehouse.execute("DROP TRIGGER refuse_4444" + (warehouse === postgres ? " ON users" : ""))
            try suite.run(.load, on: warehouse)
            #expect(try suite.rows(of: StarSchema.songplays, in: warehouse) == SampleTables.songplays)
        }
        #expect(try suite.rows(of: StarSchema.songplays, in: postgres) == suite.rows(of: StarSchema.songplays, in: sqlite))
    }

    @Test("A load waits for another transaction that writes songplays, then numbers after its rows")
    func waitsForOtherWriters() throws {
        let url = try PostgresServer.require().makeDatabase()
        let postgres = PostgresWarehouse(connectionString: url)
        defer { postgres.close() }
        let suite = WarehouseConformance { postgres }
        let firstDay = Self.samples(days: ["01"])
        try suite.run(.load, on: postgres, from: firstDay.path)
        let writer = try PQConnection(connectionString: url)
        try writer.execute("BEGIN")
        try writer.execute("INSERT INTO users (user_id, first_name, last_name, gender, level) VALUES (999, 'Other', 'Writer', 'F', 'free')")
        try writer.execute("""
            INSERT INTO songplays (start_time, user_id, level, session_id)
            SELECT TIMESTAMP '2018-12-01 00:00:00', 999, 'free', n FROM generate_series(1, 3) AS n
            """)

        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        DispatchQueue.global().async {
            let loader = PostgresWarehouse(connectionString: url)
            defer { loader.close(); finished.signal() }
            outcome.set(Result { try WarehouseConformance { loader }.run(.load, on: loader) }.map { _ in })
        }
        let watcher = try PQConnection(connectionString: url)
        let waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        let clock = ContinuousClock(), start = clock.now
        while try watcher.execute(waiting).rows != [["1"]], clock.now - start < .seconds(60) {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(try watcher.execute(waiting).rows == [["1"]], "the load waits for the writer")
        try writer.execute("COMMIT")
        finished.wait()
        #expect(throws: Never.self) { try outcome.result?.get() }
        // Ids 1…7 from the first load, 8…10 from the writer, then the eight new plays of samples/.
        func ids(_ filter: String) throws -> [[SQLValue]] {
            try postgres.query("SELECT songplay_id FROM songplays WHERE \(filter) ORDER BY songplay_id")
        }
        #expect(try ids("user_id = 999") == [8, 9, 10].map { [.integer($0)] })
        #expect(try ids("user_id <> 999") == (Array(1...7) + Array(11...18)).map { [.integer($0)] })
    }

    @Test("A connection waits 15 s for the server unless the connection string says how long",
          .enabled(if: ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil, "PGCONNECT_TIMEOUT is set here"))
    func connectTimeout() throws {
        let url = try PostgresServer.require().makeDatabase()
        let defaulted = PostgresWarehouse(connectionString: url)
        let given = PostgresWarehouse(connectionString: url + "&connect_timeout=4")
        defer { defaulted.close(); given.close() }
        try defaulted.open()
        try given.open()
        #expect(defaulted.session.openConnection.option("connect_timeout") == "15")
        #expect(given.session.openConnection.option("connect_timeout") == "4")
    }

    @Test("It is described by user, host, port and database; a string libpq cannot parse fails on opening, without quoting it")
    func location() throws {
        let server = try PostgresServer.require()
        let url = try server.makeDatabase()
        let database = url.split(separator: "/").last!.split(separator: "?").first!
        #expect(PostgresWarehouse(connectionString: url).location == "postgres://postgres@127.0.0.1:\(server.port)/\(database) (postgres)")
        let invalid = PostgresWarehouse(connectionString: "host=127.0.0.1 PASSWORD=Wrong-Case-S3cret")
        #expect(invalid.location == "an invalid connection string (postgres)")
        let error = #expect(throws: WarehouseError.self) { try invalid.open() }
        #expect(error?.description
            == #"cannot connect to an invalid connection string (postgres): invalid connection option "PASSWORD" (options are lower case: password)"#)
    }
}

/// The outcome of a load run on another thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<Void, any Error>?

    var result: Result<Void, any Error>? { lock.withLock { value } }

    func set(_ result: Result<Void, any Error>) {
        lock.withLock { value = result }
    }
}
