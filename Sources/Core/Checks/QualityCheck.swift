/// A data-quality check on the loaded star: a query counting rows, and what that count must be.
public struct QualityCheck: Sendable {
    /// What the count must be for the check to pass.
    public enum Expectation: Sendable, Hashable {
        /// No offending rows.
        case zero
        /// At least one row.
        case positive

        /// Whether `count` meets the expectation.
        public func isMet(by count: Int64) -> Bool {
            switch self {
            case .zero: count == 0
            case .positive: count > 0
            }
        }
    }

    /// What is checked, in words, such as `users: no duplicate user_id`.
    public let name: String
    /// A query yielding one integer.
    public let query: SQLSelect
    /// What the integer must be.
    public let expectation: Expectation

    /// Creates a check.
    public init(_ name: String, query: SQLSelect, expect expectation: Expectation) {
        self.name = name
        self.query = query
        self.expectation = expectation
    }
}
