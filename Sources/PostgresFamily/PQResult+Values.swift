import Core
import LibPQ

/// Results read as the warehouse's values.
extension PQResult {
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
