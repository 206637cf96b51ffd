import Core
import LibPQ
import PostgresFamily

/// A warehouse in a PostgreSQL database: rows staged by Core's reader with `COPY … FROM
/// STDIN`, then the same transforms as every backend.
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

    /// `BEGIN`, then waits for any other writer of songplays (see
    /// ``PostgresSongplayNumbering``).
    public func beginTransaction() throws {
        try execute("BEGIN")
        try PostgresSongplayNumbering.continueAfterLargestID(on: session.openConnection)
    }

    /// Keeps the identity's sequence after the songplays this transaction numbered, then
    /// `COMMIT`.
    public func commitTransaction() throws {
        try PostgresSongplayNumbering.continueAfterLargestID(on: session.openConnection)
        try execute("COMMIT")
    }
}
