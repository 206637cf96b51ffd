import Core
import Foundation

/// A connection made when first needed and kept until closed: what a warehouse over libpq
/// holds, so that it can be created (and dry-run) without connecting.
public final class PQSession {
    /// How to connect, as libpq reads it; or why the connection string cannot be used.
    public let options: Result<PQConnectionOptions, PQError>
    private var connection: PQConnection?
    /// Guards `connection` against ``cancel()`` from another thread.
    private let connectionLock = NSLock()

    /// A session that will connect with `options`, or fail to open with their error.
    public init(options: Result<PQConnectionOptions, PQError>) {
        self.options = options
    }

    /// A session that will connect with the libpq `settings`; anything not given comes from
    /// the `PG*` environment.
    public convenience init(settings: [(String, String)]) {
        self.init(options: .success(PQConnectionOptions(settings: settings)))
    }

    /// Connects, unless connected; `describing` names the warehouse in the error.
    public func open(describing location: String) throws {
        guard connection == nil else { return }
        do {
            let connection = try PQConnection(options: options.get())
            try connection.execute("SET datestyle TO ISO")
            connectionLock.withLock { self.connection = connection }
        } catch {
            throw WarehouseError.cannotConnect(location: location, reason: error.description)
        }
    }

    /// Disconnects; a transaction still open is rolled back by the server.
    public func close() {
        connectionLock.withLock { connection = nil }
    }

    /// Cancels the statement running on the connection, if any; safe from any thread.
    public func cancel() {
        connectionLock.withLock { connection?.cancel() }
    }

    /// The open connection; a programming error before ``open(describing:)``.
    public var openConnection: PQConnection {
        guard let connection else { preconditionFailure("open the warehouse first") }
        return connection
    }
}

/// A warehouse that talks to its engine through libpq: everything but staging and the dialect
/// comes with the protocol.
public protocol PQWarehouse: Warehouse {
    /// The warehouse's connection.
    var session: PQSession { get }
}

extension PQWarehouse {
    /// Connects.
    public func open() throws {
        try session.open(describing: location)
    }

    /// Disconnects.
    public func close() {
        session.close()
    }

    /// Cancels the running statement.
    public func interrupt() {
        session.cancel()
    }

    /// Runs one statement.
    @discardableResult
    public func execute(_ sql: String) throws -> Int {
        try open()
        return try session.openConnection.execute(sql).affectedRows
    }

    /// Runs a query.
    public func query(_ sql: String) throws -> [[SQLValue]] {
        try open()
        return try session.openConnection.execute(sql).values
    }

    /// `BEGIN` … `COMMIT`, or `ROLLBACK` and the first error.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try open()
        return try session.openConnection.transaction(body)
    }

    /// The tables of the current schema.
    public func existingTables() throws -> Set<String> {
        Set(try query(PostgresFamilySQL.existingTablesQuery).compactMap { row in
            if case .text(let name) = row.first { name } else { nil }
        })
    }
}
