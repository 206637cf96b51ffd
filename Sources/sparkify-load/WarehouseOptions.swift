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

    /// The chosen warehouse, not yet opened, and the stager that fills its staging tables from
    /// `source` (`nil` for jobs that read no raw data), telling `progress` of what it reads. A
    /// SQLite file is created only if `createsFile`.
    func target(createsFile: Bool, source: SourceOptions?,
                progress: (any ProgressObserver)? = nil) throws -> (warehouse: any Warehouse, stager: (any Stager)?) {
        func folder(_ source: SourceOptions) throws -> SourceFolder {
            try SourceFolder(path: RawArguments.path(source.sourceDirectory ?? "."))
        }
        switch backend {
        case .sqlite:
            let warehouse = SQLiteWarehouse(path: RawArguments.path(database ?? "sparkify.db"), createsFile: createsFile)
            return (warehouse, try source.map { LocalRowsStager(source: try folder($0), into: warehouse, maxErrors: $0.maxErrors, progress: progress) })
        case .postgres:
            let warehouse = PostgresWarehouse(connectionString: dsn ?? "")
            return (warehouse, try source.map { LocalRowsStager(source: try folder($0), into: warehouse, maxErrors: $0.maxErrors, progress: progress) })
        case .redshift:
            let settings = try RedshiftSettings(configPath: config ?? "dwh.cfg", environment: ProcessInfo.processInfo.environment)
            let warehouse = RedshiftWarehouse(settings: settings)
            return (warehouse, source.map { RedshiftCopyStager(warehouse: warehouse, location: settings.s3, maxErrors: $0.maxErrors) })
        }
    }
}
