import Core
import Foundation
import LibPQ

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

    /// Rolls back the transaction open on the connection, if connected.
    public func rollBack() {
        guard let connection = connectionLock.withLock({ connection }) else { return }
        _ = try? connection.execute("ROLLBACK")
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
