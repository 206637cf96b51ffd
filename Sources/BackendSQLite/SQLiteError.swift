import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error from SQLite: the result code, SQLite's message, and the statement that failed.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code.
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The SQL being run, when there was one.
    public let sql: String?

    /// Reads the error of the connection `handle` (which may be `nil` when opening failed).
    init(code: Int32, handle: OpaquePointer?, sql: String? = nil) {
        self.code = code
        var message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        if let handle, case let system = sqlite3_system_errno(handle), system != 0 {
            message += " (\(String(cString: strerror(system))))"
        }
        self.message = message
        self.sql = sql
    }

    /// The message, followed by the start of the statement on one line.
    public var description: String {
        guard let sql else { return message }
        let statement = sql.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(message), in: \(statement.prefix(160))\(statement.count > 160 ? "…" : "")"
    }
}
