/// A JSON value whose objects keep their keys in the order given, written as text by
/// ``write(into:)``: strings escaped as RFC 8259 requires, and control characters (C0, DEL,
/// C1) and the line and paragraph separators written as `\uXXXX` too, so that the text is
/// safe to print.
enum JSONValue {
    /// An object, its members in order.
    case object([(String, JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int64)
    /// `null`.
    case null

    /// The string `text`, or `null` for `nil`.
    static func optional(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    /// The value as compact JSON text, appended to `output`.
    func write(into output: inout String) {
        switch self {
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += ", " }
                Self.writeString(key, into: &output)
                output += ": "
                value.write(into: &output)
            }
            output += "}"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += ", " }
                element.write(into: &output)
            }
            output += "]"
        case .string(let text):
            Self.writeString(text, into: &output)
        case .integer(let value):
            output += String(value)
        case .null:
            output += "null"
        }
    }

    /// `text` as a JSON string literal, appended to `output`.
    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
                    let hex = String(value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
