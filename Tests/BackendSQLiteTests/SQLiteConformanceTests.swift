import BackendSQLite
import Core
import Foundation
import Testing
import WarehouseConformance

/// The conformance suite, run against SQLite database files.
@Suite("SQLite conforms")
struct SQLiteConformanceTests {
    let folder = TemporaryFolder()

    @Test(arguments: WarehouseConformance.Behaviour.allCases)
    func conforms(_ behaviour: WarehouseConformance.Behaviour) throws {
        let folder = folder
        try WarehouseConformance { SQLiteWarehouse(path: "\(folder.path)/\(UUID().uuidString).db") }.check(behaviour)
    }
}
