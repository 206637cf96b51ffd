import CSQLite
import Core

/// One connection to a database file, closed when released.
final class SQLiteConnection {
    let handle: OpaquePointer

    /// Opens the database at exactly `path`, creating the file when `create` is set. The path
    /// is a file name, never a URI. The connection takes no mutex of its own: one thread at a
    /// time uses it (``interrupt()`` excepted, which SQLite allows from any thread).
    init(path: LocalPath, create: Bool) throws(SQLiteError) {
        _ = Self.configureLibrary
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0)
        let code = path.withCString { sqlite3_open_v2($0, &handle, flags, nil) }
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, handle: handle)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        try SQLiteFunctions.register(on: handle)
    }

    /// Process-wide settings, made once before the first connection initializes SQLite: no
    /// memory statistics, whose mutex every allocation would take.
    private static let configureLibrary: Void = {
        _ = sparkify_sqlite3_disable_memory_statistics()
    }()

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Prepares one statement.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: handle, sql: sql)
    }

    /// Runs one statement to completion and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String) throws(SQLiteError) -> Int {
        let statement = try prepare(sql)
        while try statement.step() {}
        return Int(sqlite3_changes64(handle))
    }

    /// Runs a query and returns every row.
    func query(_ sql: String) throws(SQLiteError) -> [[SQLValue]] {
        let statement = try prepare(sql)
        var rows: [[SQLValue]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map(statement.value(at:)))
        }
        return rows
    }

    /// Makes the statement running now fail with `SQLITE_INTERRUPT`; safe from any thread
    /// while the connection is open.
    func interrupt() {
        sqlite3_interrupt(handle)
    }

    /// Whether a transaction is open.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
