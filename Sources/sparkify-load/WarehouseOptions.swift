import AWS
import ArgumentParser
import BackendPostgres
import BackendRedshift
import BackendSQLite
import Core
import Foundation
import S3Staging

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
        "redshift: the settings file, [CLUSTER] [IAM_ROLE] [S3] (and [AWS] KEY SECRET for S3) as in dwh.cfg.example; SPARKIFY_<SECTION>_<KEY> variables override it. (default: dwh.cfg) With an s3:// source into sqlite or postgres: a file whose [AWS] KEY and SECRET are the AWS keys of last resort.",
        valueName: "path"
    ))
    var config: String?

    func validate() throws {
        for (option, value, owner) in [("--database", database, Backend.sqlite), ("--dsn", dsn, .postgres)]
        where value != nil && backend != owner {
            throw ValidationError("\(option) is for --backend \(owner.rawValue), not \(backend.rawValue)")
        }
        if let database { try Self.validate(database: database) }
    }

    /// Checks `--config` against the backend and the command's `source`: it is Redshift's
    /// settings, or, with an s3:// source into another backend, the AWS keys of last resort.
    func validate(source: SourceOptions?) throws {
        guard config != nil, backend != .redshift else { return }
        let isS3 = source?.sourceDirectory.map(SourceOptions.isS3URL) ?? false
        guard isS3 else {
            throw ValidationError("--config is for --backend redshift, or for an s3:// source (its [AWS] keys), not \(backend.rawValue) \(source == nil ? "here" : "with a local folder")")
        }
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
    /// SQLite file is created only if `createsFile`. For a `dryRun`, an upload to S3 is planned
    /// without AWS credentials, as it sends nothing.
    func target(createsFile: Bool, source: SourceOptions?, dryRun: Bool = false,
                progress: (any ProgressObserver)? = nil) throws -> (warehouse: any Warehouse, stager: (any Stager)?) {
        let environment = ProcessInfo.processInfo.environment
        func folder(_ source: SourceOptions) throws -> SourceFolder {
            try SourceFolder(path: RawArguments.path(source.sourceDirectory ?? "."))
        }
        func rowsStager(_ source: SourceOptions, into warehouse: any BulkLoadingWarehouse) throws -> any Stager {
            guard let location = try source.s3Location else {
                return LocalRowsStager(source: try folder(source), into: warehouse, maxErrors: source.maxErrors, progress: progress)
            }
            let seed = try config.map { try AWSSeed(configPath: $0, environment: environment) } ?? AWSSeed()
            let client = S3Client(configuration: try AWSConfiguration.resolve(seed: seed, anonymous: source.noSignRequest, environment: environment))
            return S3RowsStager(source: S3Source(location: location, client: client), into: warehouse, maxErrors: source.maxErrors,
                                progress: progress)
        }
        switch backend {
        case .sqlite:
            let warehouse = SQLiteWarehouse(path: RawArguments.path(database ?? "sparkify.db"), createsFile: createsFile)
            return (warehouse, try source.map { try rowsStager($0, into: warehouse) })
        case .postgres:
            let warehouse = PostgresWarehouse(connectionString: dsn ?? "")
            return (warehouse, try source.map { try rowsStager($0, into: warehouse) })
        case .redshift:
            let configPath = config ?? "dwh.cfg"
            let settings = try RedshiftSettings(configPath: configPath, environment: environment)
            let warehouse = RedshiftWarehouse(settings: settings)
            guard let source else { return (warehouse, nil) }
            // A dry run sends nothing, so it needs no AWS settings.
            let offline = AWSConfiguration(credentials: nil, region: nil)
            let seed = { try AWSSeed(configPath: configPath, environment: environment) }
            let prefix = try source.s3Location
            guard source.sourceDirectory != nil, prefix == nil else {
                // Only to ask where the buckets are: unsigned when no keys are found, as S3
                // tells a bucket's region even then.
                let lookup = try dryRun ? offline : (try? AWSConfiguration.resolve(seed: seed(), anonymous: source.noSignRequest, environment: environment))
                    ?? AWSConfiguration.resolve(anonymous: true, environment: environment)
                let location = try prefix.map { RedshiftCopySource(under: $0, logJSONPaths: settings.s3?.logJSONPaths) } ?? settings.copySource()
                return (warehouse, RedshiftCopyStager(warehouse: warehouse, location: location, maxErrors: source.maxErrors,
                                                      regionClient: S3Client(configuration: lookup)))
            }
            guard let uploadTo = source.uploadTo ?? settings.uploadTo else {
                throw RedshiftSettingsError.missing(configPath, section: "S3", key: "UPLOAD_TO", alternatives: ["SPARKIFY_S3_UPLOAD_TO", "--upload-to"])
            }
            let configuration = try dryRun ? offline : AWSConfiguration.resolve(seed: seed(), environment: environment)
            return (warehouse, try RedshiftUploadStager(warehouse: warehouse, folder: folder(source), destination: S3Location(url: uploadTo),
                                                        client: S3Client(configuration: configuration), maxErrors: source.maxErrors,
                                                        progress: progress))
        }
    }
}
