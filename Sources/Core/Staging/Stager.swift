/// Fills a staging table from a load's source: the CLI picks one with the source and the
/// warehouse, and the ``Pipeline`` runs it at each staging step.
public protocol Stager {
    /// Where the data comes from, for messages, such as `samples`.
    var source: String { get }

    /// Fills `dataset`'s staging table, which is empty; throws when more records are rejected
    /// than allowed.
    func stage(_ dataset: Dataset) throws -> StagingReport

    /// What ``stage(_:)`` would run for `dataset`, as SQL text with `--` comments, for dry runs.
    func stagingStatements(_ dataset: Dataset) throws -> [String]

    /// The error to report for `error`, which ended a load this stager took part in, once the
    /// load's transaction is rolled back: a stager may look up more about its own failures.
    func explainFailure(_ error: any Error) -> any Error
}

extension Stager {
    /// The error as it is.
    public func explainFailure(_ error: any Error) -> any Error { error }
}
