import CLibPQ
import Core

/// The rows of a statement's result, read in text format, with their column types.
public struct PQResult: Sendable {
    /// PostgreSQL type ids of the columns.
    public let columnTypes: [UInt32]
    /// The values, row by row; `nil` is NULL.
    public let rows: [[String?]]
    /// Rows the statement changed or returned, as the server counts them.
    public let affectedRows: Int

    /// Reads `result` and frees it; throws the error a failed result holds.
    init(_ result: OpaquePointer?, connection: OpaquePointer, statement: String) throws(PQError) {
        guard let result else { throw PQError(connection: connection, statement: statement) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            break
        default:
            throw PQError(result: result, statement: statement)
        }
        let columns = PQnfields(result), count = PQntuples(result)
        columnTypes = (0..<columns).map { PQftype(result, $0) }
        rows = (0..<count).map { row in
            (0..<columns).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// The rows as values: integers and floating-point numbers typed, timestamps as
    /// `YYYY-MM-DD HH:MM:SS.SSS` text (the server's ISO output, milliseconds always written).
    public var values: [[SQLValue]] {
        rows.map { row in
            zip(row, columnTypes).map { text, type in
                guard let text else { return .null }
                switch type {
                case Self.int2, Self.int4, Self.int8: return Int64(text).map(SQLValue.integer) ?? .text(text)
                case Self.float4, Self.float8, Self.numeric: return Double(text).map(SQLValue.double) ?? .text(text)
                case Self.timestamp: return .text(Self.milliseconds(text))
                default: return .text(text)
                }
            }
        }
    }

    private static let int8: UInt32 = 20, int2: UInt32 = 21, int4: UInt32 = 23
    private static let float4: UInt32 = 700, float8: UInt32 = 701, numeric: UInt32 = 1700, timestamp: UInt32 = 1114

    /// `2018-11-01 12:37:15` or `…15.03` as `…15.000` and `…15.030`.
    private static func milliseconds(_ text: String) -> String {
        guard let dot = text.lastIndex(of: ".") else { return text + ".000" }
        let fraction = text[text.index(after: dot)...]
        return fraction.count >= 3 ? String(text[..<text.index(dot, offsetBy: 4)]) : text + String(repeating: "0", count: 3 - fraction.count)
    }
}
