/// A dialect-neutral column type; each ``SQLDialect`` names it in its own SQL.
public enum ColumnType: Sendable, Hashable {
    /// A 32-bit signed integer.
    case integer
    /// A 64-bit signed integer.
    case bigInteger
    /// An IEEE 754 double-precision number.
    case double
    /// UTF-8 text; `maxBytes` is a width hint for engines that need one (Redshift's VARCHAR
    /// counts bytes). Local backends store text of any length.
    case text(maxBytes: Int)
    /// A point in time, UTC, with millisecond precision.
    case timestamp

    /// The range of whole numbers the type holds, or `nil` for non-integer types.
    public var integerRange: ClosedRange<Int64>? {
        switch self {
        case .integer: Int64(Int32.min)...Int64(Int32.max)
        case .bigInteger: Int64.min...Int64.max
        default: nil
        }
    }
}
