import CLibPQ
import Foundation

/// An error from PostgreSQL or libpq: the SQLSTATE, the server's message, detail and hint,
/// and the statement that failed. Connection failures carry libpq's message and no SQLSTATE.
public struct PQError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The five-character SQLSTATE code, such as `23505`; `nil` when the server sent none.
    public let sqlState: String?
    /// The primary message.
    public let message: String
    /// More about the error, when the server says more.
    public let detail: String?
    /// What to do about it, when the server suggests something.
    public let hint: String?
    /// The statement that failed, when there was one.
    public let statement: String?

    /// Creates an error.
    public init(sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil, statement: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.statement = statement
    }

    /// The error of a failed result.
    init(result: OpaquePointer, statement: String?) {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        self.init(
            sqlState: field("C"),
            message: field("M") ?? Self.oneLine(String(cString: PQresultErrorMessage(result))),
            detail: field("D"),
            hint: field("H"),
            statement: statement
        )
    }

    /// The error of a connection, from libpq's message.
    init(connection: OpaquePointer?, statement: String? = nil) {
        let text = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
        self.init(message: Self.oneLine(text), statement: statement)
    }

    /// The error with every secret of `options` removed from its texts.
    func redacted(by options: PQConnectionOptions) -> PQError {
        PQError(sqlState: sqlState, message: options.redacting(message), detail: detail.map(options.redacting),
                hint: hint.map(options.redacting), statement: statement.map(options.redacting))
    }

    /// One line: the message, then detail and hint, then the start of the statement.
    public var description: String {
        var text = message
        if let detail { text += " (\(Self.oneLine(detail)))" }
        if let hint { text += "; hint: \(Self.oneLine(hint))" }
        if let statement {
            let flat = Self.oneLine(statement)
            text += ", in: \(flat.prefix(160))\(flat.count > 160 ? "…" : "")"
        }
        return text
    }

    /// Lines joined by spaces, indentation and the trailing newline removed.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
