import BackendPostgres
import Core
import Foundation
import PostgresTestSupport
import Testing
import WarehouseConformance

/// What the PostgreSQL warehouse itself adds to the conformance suite: where it says it is,
/// how long it waits for a server.
@Suite("The PostgreSQL warehouse", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct PostgresWarehouseTests {
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
