import CSQLite
import Core

/// A prepared statement, finalized when released.
final class SQLiteStatement {
    let handle: OpaquePointer
    let sql: String
    private let connection: OpaquePointer

    init(connection: OpaquePointer, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &handle, nil)
        guard code == SQLITE_OK, let handle else { throw SQLiteError(code: code, handle: connection, sql: sql) }
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds a staged value to the parameter at `index` (from 1). Text is bound without a copy:
    /// it must stay valid until the statement has stepped.
    func bind(_ value: StagedValue, at index: Int32) {
        switch value {
        case .null:
            sqlite3_bind_null(handle, index)
        case .integer(let number):
            sqlite3_bind_int64(handle, index, number)
        case .double(let number):
            sqlite3_bind_double(handle, index, number)
        case .text(let bytes):
            // An empty buffer may have no address; SQLite would read that as NULL, not "".
            let pointer = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            sqlite3_bind_text(handle, index, pointer.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
        }
    }

    /// Steps once; `true` while there is a row to read.
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw SQLiteError(code: code, handle: connection, sql: sql)
        }
    }

    /// Makes the statement ready to run again.
    func reset() {
        sqlite3_reset(handle)
    }

    /// The value of `column` (from 0) in the current row.
    func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: .null
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: .double(sqlite3_column_double(handle, column))
        default: .text(String(cString: sqlite3_column_text(handle, column)))
        }
    }

    /// How many columns a row has.
    var columnCount: Int32 { sqlite3_column_count(handle) }
}
