import BackendPostgres
import Core
import PostgresTestSupport
import Testing
import WarehouseConformance

/// The conformance suite, run against databases of a real PostgreSQL server.
@Suite("PostgreSQL conforms", .enabled(if: PostgresServer.isEnabled, PostgresServer.skipReason))
struct PostgresConformanceTests {
    @Test(arguments: WarehouseConformance.Behaviour.allCases)
    func conforms(_ behaviour: WarehouseConformance.Behaviour) throws {
        try WarehouseConformance { PostgresWarehouse(connectionString: try PostgresServer.require().makeDatabase()) }.check(behaviour)
    }
}
