/// What a run of the pipeline did, and how long each part took.
public struct RunReport: Sendable {
    /// One transform's outcome.
    public struct TransformOutcome: Sendable {
        /// The table written.
        public let table: String
        /// Rows inserted or replaced.
        public let rowsWritten: Int
        /// Time it took.
        public let duration: Duration
    }

    /// The job run.
    public let job: Job
    /// One report per staged table.
    public internal(set) var staging: [StagingReport] = []
    /// One outcome per transform, in order.
    public internal(set) var transforms: [TransformOutcome] = []
    /// The data-quality checks' results, in order.
    public internal(set) var checks: [CheckResult] = []
    /// Time spent creating, dropping and emptying tables.
    public internal(set) var setupTime: Duration = .zero
    /// Time spent on the checks.
    public internal(set) var checkTime: Duration = .zero
    /// Time of the whole run, commit included.
    public internal(set) var totalTime: Duration = .zero

    /// Rows per star table after the run, from the checks that count them.
    public var tableRows: [(table: String, rows: Int64)] {
        checks.filter(\.check.countsRows).map { ($0.check.table, $0.count) }
    }

    /// Whether every check passed.
    public var checksPassed: Bool { checks.allSatisfy(\.passed) }

    /// Records rejected while staging, within the number allowed.
    public var rejected: [RejectedRecord] { staging.flatMap(\.rejected) }
}
