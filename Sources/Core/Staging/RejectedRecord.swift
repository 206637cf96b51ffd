/// A JSON object, or a stretch of input, that could not be staged, and why.
public struct RejectedRecord: Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    public let file: String
    /// The line where the object starts, counting from 1.
    public let line: Int
    /// What is wrong.
    public let reason: String

    /// Creates a record of a rejection.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `FILE:LINE: reason`, as compilers and linters report, on one line whatever the name
    /// or the data quoted in the reason holds.
    public var description: String { MessageText.escaping("\(file):\(line): \(reason)") }
}

/// An error that rejected records caused: each is reported as `FILE:LINE: reason` before the
/// error itself.
public protocol RecordRejectingError: Error {
    /// The records rejected, in order.
    var rejectedRecords: [RejectedRecord] { get }
}
