import CSQLite
import Core

/// The SQL functions the SQLite backend registers on every connection, which its dialect
/// renders: timestamps from epoch milliseconds and the calendar parts SQLite's `strftime`
/// lacks or computes slowly. They are deterministic, and NULL or malformed input gives NULL.
enum SQLiteFunctions {
    /// `sparkify_timestamp(milliseconds)`: `YYYY-MM-DD HH:MM:SS.SSS`, UTC.
    static let timestamp = "sparkify_timestamp"
    /// `sparkify_iso_week(timestamp)`: the ISO-8601 week, 1–53.
    static let isoWeek = "sparkify_iso_week"
    /// `sparkify_weekday(timestamp)`: 0 = Sunday … 6 = Saturday.
    static let weekday = "sparkify_weekday"
    /// `sparkify_integer(value, bits)`: a whole number that fits `bits` (32 or 64); text must
    /// be one (surrounding spaces and a sign allowed), or the statement fails saying which value
    /// is not, as `CAST` fails in PostgreSQL and Redshift.
    static let integer = "sparkify_integer"

    /// Registers the functions on `connection`.
    static func register(on connection: OpaquePointer) throws(SQLiteError) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        let functions: [(String, @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void)] = [
            (timestamp, { context, _, arguments in
                guard let argument = arguments?[0], sqlite3_value_type(argument) != SQLITE_NULL else {
                    return sqlite3_result_null(context)
                }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 23) { text in
                    guard SQLiteCalendar.timestamp(milliseconds: sqlite3_value_int64(argument), into: text.baseAddress!) else {
                        return sqlite3_result_null(context)
                    }
                    text.withMemoryRebound(to: CChar.self) {
                        sqlite3_result_text(context, $0.baseAddress, 23, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                    }
                }
            }),
            (isoWeek, { context, _, arguments in
                SQLiteFunctions.resultFromDays(context, arguments) { SQLiteCalendar.isoWeek(days: $0) }
            }),
            (weekday, { context, _, arguments in
                SQLiteFunctions.resultFromDays(context, arguments) { SQLiteCalendar.weekday(days: $0) }
            }),
            (integer, { context, _, arguments in
                guard let argument = arguments?[0] else { return sqlite3_result_null(context) }
                let bits = arguments.map { sqlite3_value_int64($0[1]) } ?? 64
                let number: Int64
                switch sqlite3_value_type(argument) {
                case SQLITE_NULL:
                    return sqlite3_result_null(context)
                case SQLITE_INTEGER:
                    number = sqlite3_value_int64(argument)
                default:
                    let text = UnsafeBufferPointer(start: sqlite3_value_text(argument), count: Int(sqlite3_value_bytes(argument)))
                    guard let parsed = IntegerText.value(of: text) else {
                        return sqlite3_result_error(context, "'\(String(decoding: text, as: UTF8.self))' is not a whole number", -1)
                    }
                    number = parsed
                }
                let range = bits >= 64 ? ColumnType.bigInteger.integerRange! : ColumnType.integer.integerRange!
                guard range ~= number else {
                    return sqlite3_result_error(context, "\(number) does not fit a \(bits)-bit integer", -1)
                }
                sqlite3_result_int64(context, number)
            }),
        ]
        for (name, function) in functions {
            let arguments: Int32 = name == integer ? 2 : 1
            let code = sqlite3_create_function_v2(connection, name, arguments, flags, nil, function, nil, nil, nil)
            guard code == SQLITE_OK else { throw SQLiteError(code: code, handle: connection) }
        }
    }

    /// Sets the result to `compute` of the days of the timestamp text argument, or NULL.
    private static func resultFromDays(_ context: OpaquePointer?, _ arguments: UnsafeMutablePointer<OpaquePointer?>?,
                                       _ compute: (Int64) -> Int64) {
        guard let argument = arguments?[0], let text = sqlite3_value_text(argument) else {
            return sqlite3_result_null(context)
        }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(argument)))
        guard let days = SQLiteCalendar.days(ofTimestamp: bytes) else { return sqlite3_result_null(context) }
        sqlite3_result_int64(context, compute(days))
    }
}
