/// The plugin contract: one SQL engine the pipeline loads into. A backend is one module with
/// a type that conforms, plus one case in the command line. A warehouse is created closed, so
/// that its SQL can be rendered (a dry run) without a connection; ``open()`` connects.
public protocol Warehouse: AnyObject {
    /// The dialect every statement for this warehouse is rendered in.
    var dialect: any SQLDialect { get }

    /// A short description of where the warehouse is, for messages, such as `sparkify.db (sqlite)`.
    var location: String { get }

    /// Connects. Calling it on an open warehouse does nothing.
    func open() throws

    /// Disconnects; a transaction still open is rolled back.
    func close()

    /// Asks the statement running now, if any, to stop, so that it fails and its transaction
    /// rolls back. Safe to call from any thread, at any time, open or closed.
    func interrupt()

    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String) throws -> Int

    /// Runs a query and returns its rows.
    func query(_ sql: String) throws -> [[SQLValue]]

    /// Starts a transaction, with whatever the engine needs at the start of a load's.
    func beginTransaction() throws

    /// Commits the transaction.
    func commitTransaction() throws

    /// Rolls the transaction back, if one is open; never fails (a connection that is gone
    /// has rolled it back already).
    func rollBackTransaction()

    /// The tables the warehouse has, each with the names of its columns.
    func existingColumns() throws -> [String: Set<String>]
}

extension Warehouse {
    /// The names of the tables the warehouse has.
    public func existingTables() throws -> Set<String> {
        Set(try existingColumns().keys)
    }

    /// Runs `sql`, a query whose rows are a table's name and the name of one of its columns,
    /// and gathers each table's columns: how warehouses answer ``existingColumns()``.
    public func columnsByTable(_ sql: String) throws -> [String: Set<String>] {
        var columns: [String: Set<String>] = [:]
        for row in try query(sql) {
            guard case .text(let table) = row.first, case .text(let column) = row.last else { continue }
            columns[table, default: []].insert(column)
        }
        return columns
    }

    /// Runs a query expected to yield one integer, such as a count.
    public func queryInteger(_ sql: String) throws -> Int64 {
        guard let row = try query(sql).first, let value = row.first, case .integer(let number) = value else {
            throw WarehouseError.unexpectedResult(sql: sql)
        }
        return number
    }
}
