import Core
import LibPQ

/// A warehouse in a PostgreSQL database: local JSON staged with `COPY … FROM STDIN` through
/// Core's reader, then the same transforms as every backend.
public final class PostgresWarehouse: PQWarehouse {
    /// The connection, made on first use.
    public let session: PQSession
    private let connectionString: String

    /// A warehouse in the database `connectionString` names (a `postgresql://` URL or
    /// `key=value` pairs); empty for libpq's `PG*` environment variables and defaults.
    public init(connectionString: String) {
        self.connectionString = connectionString
        self.session = PQSession(settings: connectionString.isEmpty ? [] : [("dbname", connectionString)])
    }

    /// The dialect of PostgreSQL.
    public var dialect: any SQLDialect { PostgresDialect() }

    /// Where the database is, without any password.
    public var location: String {
        "\(PostgresConnectionString.redacted(connectionString)) (postgres)"
    }

    /// Reads the folder with Core's ``LocalStager`` and copies its rows in.
    public func stage(_ dataset: Dataset, from source: DataSource, maxErrors: Int) throws -> StagingReport {
        let stager = LocalStager(folder: try source.localFolder(for: location), maxErrors: maxErrors)
        try open()
        var report: StagingReport?
        try session.openConnection.copy(PostgresCopySink.copySQL(for: dataset.stagingTable)) { writer in
            var sink = PostgresCopySink(writer: writer)
            report = try stager.stage(dataset, into: &sink)
        }
        return report!
    }

    /// The copy staging runs.
    public func stagingStatements(_ dataset: Dataset, from source: DataSource, maxErrors: Int) throws -> [String] {
        let stager = LocalStager(folder: try source.localFolder(for: location), maxErrors: maxErrors)
        return [try stager.describe(dataset, writingEachRowWith: PostgresCopySink.copySQL(for: dataset.stagingTable))]
    }
}
