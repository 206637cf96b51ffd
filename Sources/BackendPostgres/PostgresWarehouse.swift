import Core
import LibPQ

/// A warehouse in a PostgreSQL database: local JSON staged with `COPY … FROM STDIN` through
/// Core's reader, then the same transforms as every backend.
public final class PostgresWarehouse: PQWarehouse {
    /// The connection, made on first use.
    public let session: PQSession

    /// How long a connection may take when neither the connection string (`connect_timeout`)
    /// nor the environment (`PGCONNECT_TIMEOUT`) says, in seconds: a server that accepts the
    /// connection and never answers fails the load instead of hanging it.
    public static let defaultConnectTimeout = 15

    /// A warehouse in the database `connectionString` names (a `postgresql://` URL or
    /// `key=value` pairs); empty for libpq's `PG*` environment variables and defaults. A
    /// string libpq cannot parse fails when the warehouse opens.
    public init(connectionString: String) {
        session = PQSession(options: Result { () throws(PQError) in
            try PQConnectionOptions(connectionString: connectionString)
                .defaulting("connect_timeout", to: String(Self.defaultConnectTimeout))
        })
    }

    /// The dialect of PostgreSQL.
    public var dialect: any SQLDialect { PostgresDialect() }

    /// Where the database is, as libpq reads the connection string and the environment, never
    /// with a password: `postgres://user@host:port/database (postgres)`.
    public var location: String {
        switch session.options {
        case .success(let options): "\(options) (postgres)"
        case .failure: "an invalid connection string (postgres)"
        }
    }

    /// Runs `body` in one transaction, which first makes the server number new songplays
    /// after the largest `songplay_id`, as SQLite does (see ``PostgresSongplayNumbering``).
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try open()
        let connection = session.openConnection
        return try connection.transaction {
            try PostgresSongplayNumbering.continueAfterLargestID(on: connection)
            return try body()
        }
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
