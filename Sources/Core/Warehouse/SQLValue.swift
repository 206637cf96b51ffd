/// One value read back from a warehouse.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    /// SQL NULL.
    case null
    /// A whole number.
    case integer(Int64)
    /// A floating-point number.
    case double(Double)
    /// Text; timestamps read back as `YYYY-MM-DD HH:MM:SS.SSS`.
    case text(String)

    /// The whole number, if the value is one.
    public var integer: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The text, if the value is text.
    public var text: String? {
        if case .text(let value) = self { value } else { nil }
    }

    /// The value as a report shows it: `NULL`, the number, or the text.
    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .text(let value): value
        }
    }
}
