/// A data-quality check on the loaded star: a query counting rows, and what that count must be.
public struct QualityCheck: Sendable, Equatable {
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

    /// The table checked.
    public let table: String
    /// What is checked, in words, such as `no duplicate user_id`.
    public let name: String
    /// A query yielding one integer.
    public let query: SQLSelect
    /// What the integer must be.
    public let expectation: Expectation
    /// Whether the check only restates the table's primary key (no NULL, no repeat), so that
    /// it cannot fail where the engine enforces keys.
    public let restatesKey: Bool
    /// The data that fills the table, for a check that it has rows: a load that staged none of
    /// it (a daily log without songs, a catalogue update without logs) cannot be expected to.
    public let fedBy: Dataset?

    /// Whether the check counts the table's rows, rather than offending rows.
    public var countsRows: Bool { expectation == .positive }

    /// Whether the check runs in `dialect`: a check that restates a key cannot fail, and does
    /// not run, where the engine enforces keys.
    public func runs(in dialect: any SQLDialect) -> Bool {
        !(restatesKey && dialect.enforcesKeys)
    }

    /// Creates a check of `table`.
    public init(_ table: String, _ name: String, query: SQLSelect, expect expectation: Expectation, restatesKey: Bool = false,
                fedBy: Dataset? = nil) {
        self.table = table
        self.name = name
        self.query = query
        self.expectation = expectation
        self.restatesKey = restatesKey
        self.fedBy = fedBy
    }
}
