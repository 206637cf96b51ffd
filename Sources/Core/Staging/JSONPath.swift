/// A JSONPath expression of the subset Redshift's jsonpaths files accept: a root `$` followed
/// by keys in bracket notation (`$['a']['b']`) or dot notation (`$.a.b`), and array indexes
/// (`[0]`). Wildcards and filters are not part of that subset.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down from the root.
    public enum Component: Sendable, Hashable {
        /// The member of an object with this key.
        case key(String)
        /// The element of an array at this zero-based index.
        case index(Int)
    }

    /// The steps from the root, in order; never empty.
    public let components: [Component]
    /// The expression as written.
    public let description: String

    /// Parses `expression`, throwing ``JSONPathError`` with the reason it is not a path.
    public init(_ expression: String) throws(JSONPathError) {
        var parser = Parser(characters: Array(expression), expression: expression)
        self.components = try parser.parse()
        self.description = expression
    }

    /// Builds a path of one key, as `$['key']`.
    public init(key: String) {
        self.components = [.key(key)]
        self.description = "$['\(key)']"
    }

    private struct Parser {
        let characters: [Character]
        let expression: String
        var index = 0

        mutating func parse() throws(JSONPathError) -> [Component] {
            guard characters.first == "$" else { throw failure("does not start with $") }
            index = 1
            var components: [Component] = []
            while index < characters.count {
                switch characters[index] {
                case "[": components.append(try bracket())
                case ".": components.append(try dotted())
                default: throw failure("unexpected '\(characters[index])' at position \(index + 1)")
                }
            }
            guard !components.isEmpty else { throw failure("names nothing below $") }
            return components
        }

        private mutating func bracket() throws(JSONPathError) -> Component {
            index += 1
            guard index < characters.count else { throw failure("ends inside [ ]") }
            let component: Component
            if characters[index] == "'" || characters[index] == "\"" {
                let quote = characters[index]
                index += 1
                guard let close = characters[index...].firstIndex(of: quote) else { throw failure("has an unclosed quote") }
                component = .key(String(characters[index..<close]))
                index = close + 1
            } else {
                let digits = characters[index...].prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, let value = Int(String(digits)) else {
                    throw failure("has neither a quoted key nor an array index in [ ]")
                }
                component = .index(value)
                index += digits.count
            }
            guard index < characters.count, characters[index] == "]" else { throw failure("is missing a ]") }
            index += 1
            return component
        }

        private mutating func dotted() throws(JSONPathError) -> Component {
            index += 1
            let name = characters[index...].prefix { $0 != "." && $0 != "[" && $0 != "]" && $0 != "'" && $0 != "*" }
            guard !name.isEmpty else { throw failure("has an empty name after a dot") }
            index += name.count
            return .key(String(name))
        }

        private func failure(_ reason: String) -> JSONPathError {
            JSONPathError(expression: expression, reason: reason)
        }
    }
}

/// Why a string is not a JSONPath expression of the supported subset.
public struct JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let expression: String
    /// What is wrong with it.
    public let reason: String

    /// `JSONPath "…" reason`.
    public var description: String { "JSONPath \"\(expression)\" \(reason)" }
}
