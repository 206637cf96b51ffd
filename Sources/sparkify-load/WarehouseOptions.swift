import ArgumentParser
import BackendPostgres
import BackendRedshift
import BackendSQLite
import Core
import Foundation

/// Which warehouse to use and where it is.
struct WarehouseOptions: ParsableArguments {
    @Option(help: """
        The warehouse: sqlite (a local database file), postgres (a PostgreSQL database, local \
        JSON sent with COPY) or redshift (an Amazon Redshift cluster, loading S3 with COPY).
        """)
    var backend: Backend = .sqlite

    @Option(help: ArgumentHelp("sqlite: the database file. (default: sparkify.db)", valueName: "path"))
    var database: String?

    @Option(help: ArgumentHelp(
        "postgres: a postgresql:// URL or key=value connection string; libpq's PG* environment variables fill in the rest. (default: the PG* environment)",
        valueName: "url"
    ))
    var dsn: String?

    @Option(help: ArgumentHelp(
        "redshift: the settings file, [CLUSTER] [IAM_ROLE] [S3] as in dwh.cfg.example; SPARKIFY_<SECTION>_<KEY> variables override it. (default: dwh.cfg)",
        valueName: "path"
    ))
    var config: String?

    func validate() throws {
        for (option, value, owner) in [("--database", database, Backend.sqlite), ("--dsn", dsn, .postgres), ("--config", config, .redshift)]
        where value != nil && backend != owner {
            throw ValidationError("\(option) is for --backend \(owner.rawValue), not \(backend.rawValue)")
        }
        if let database { try Self.validate(database: database) }
    }

    /// `--database` names a file path, exactly: nothing SQLite would read as a database that
    /// keeps nothing, which would let a load report success and leave no data behind.
    static func validate(database: String) throws {
        if database.isEmpty {
            throw ValidationError("--database is empty (an unset shell variable?): name the SQLite database file")
        }
        if database == ":memory:" {
            throw ValidationError("--database :memory: is SQLite's in-memory database, which keeps nothing: name a file")
        }
        if database.hasPrefix("file:") {
            throw ValidationError("--database \(MessageText.escaping(database)) is an SQLite URI, not a file path (for a file of that name, write ./\(MessageText.escaping(database)))")
        }
    }

    /// The chosen warehouse, not yet opened, and where it loads from (`nil` when `folder` is
    /// nil and the backend reads local folders). A SQLite file is created only if `createsFile`.
    func target(createsFile: Bool, folder: String?) throws -> (warehouse: any Warehouse, source: DataSource?) {
        let source = try folder.map { DataSource.folder(try SourceFolder(path: RawArguments.path($0))) }
        switch backend {
        case .sqlite:
            return (SQLiteWarehouse(path: RawArguments.path(database ?? "sparkify.db"), createsFile: createsFile), source)
        case .postgres:
            return (PostgresWarehouse(connectionString: dsn ?? ""), source)
        case .redshift:
            let settings = try RedshiftSettings(configPath: config ?? "dwh.cfg", environment: ProcessInfo.processInfo.environment)
            return (RedshiftWarehouse(settings: settings), .s3(settings.s3))
        }
    }
}
