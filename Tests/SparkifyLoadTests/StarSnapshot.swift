import BackendPostgres
import BackendSQLite
import Core
import WarehouseConformance

/// Every row of every table but `loads`, of a warehouse the built command loaded, for
/// comparing two loads row for row; and the `loads` table apart.
enum StarSnapshot {
    /// The tables of the SQLite database at `path`.
    static func sqlite(_ path: String) throws -> [String: [[SQLValue]]] {
        try snapshot(SQLiteWarehouse(path: path, createsFile: false))
    }

    /// The tables of the PostgreSQL database at `url`.
    static func postgres(_ url: String) throws -> [String: [[SQLValue]]] {
        try snapshot(PostgresWarehouse(connectionString: url))
    }

    /// The `loads` rows of the SQLite database at `path`, in order.
    static func loads(sqlite path: String) throws -> [[SQLValue]] {
        let warehouse = SQLiteWarehouse(path: path, createsFile: false)
        try warehouse.open()
        defer { warehouse.close() }
        return try suite(warehouse).history(of: warehouse)
    }

    private static func snapshot(_ warehouse: some BulkLoadingWarehouse) throws -> [String: [[SQLValue]]] {
        try warehouse.open()
        defer { warehouse.close() }
        return try suite(warehouse).snapshot(of: warehouse)
    }

    private static func suite(_ warehouse: some BulkLoadingWarehouse) -> WarehouseConformance {
        WarehouseConformance { warehouse }
    }
}
