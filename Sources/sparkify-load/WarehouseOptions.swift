import ArgumentParser
import BackendSQLite
import Core

/// Which warehouse to use and where it is.
struct WarehouseOptions: ParsableArguments {
    @Option(help: "The warehouse: sqlite, a local database file.")
    var backend: Backend = .sqlite

    @Option(help: ArgumentHelp("The SQLite database file.", valueName: "path"))
    var database: String = "sparkify.db"

    /// The chosen warehouse, not yet opened. `createsFile` says whether the job may create a
    /// database that does not exist yet.
    func warehouse(createsFile: Bool) -> any Warehouse {
        switch backend {
        case .sqlite: SQLiteWarehouse(path: database, createsFile: createsFile)
        }
    }
}
