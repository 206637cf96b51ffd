import Core
import LibPQ

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

    /// `BEGIN`.
    public func beginTransaction() throws {
        try execute("BEGIN")
    }

    /// `COMMIT`.
    public func commitTransaction() throws {
        try execute("COMMIT")
    }

    /// `ROLLBACK`, if connected; a connection that is gone took its transaction with it.
    public func rollBackTransaction() {
        session.rollBack()
    }

    /// The tables of the current schema, with their columns.
    public func existingColumns() throws -> [String: Set<String>] {
        try columnsByTable(PostgresFamilySQL.existingColumnsQuery)
    }
}
