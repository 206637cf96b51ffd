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

    /// Whether ``stage(_:followedBy:)`` runs `transforms` (which read only `dataset`'s
    /// staging table) itself, over each batch of rows as it writes it. When it does not, the
    /// pipeline runs them once staging is done.
    func runsBatchByBatch(_ transforms: [Transform], of dataset: Dataset) -> Bool

    /// Stages `dataset` as ``stage(_:)`` does, running `transforms` (which
    /// ``runsBatchByBatch(_:of:)`` accepted) over each batch of rows it writes, in order; the
    /// report's ``StagingReport/batchedTransforms`` says what each wrote and the time it took.
    func stage(_ dataset: Dataset, followedBy transforms: [Transform]) throws -> StagingReport

    /// What ``stage(_:followedBy:)`` would run, for dry runs.
    func stagingStatements(_ dataset: Dataset, followedBy transforms: [Transform]) throws -> [String]

    /// The error to report for `error`, which ended a load this stager took part in, once the
    /// load's transaction is rolled back: a stager may look up more about its own failures.
    func explainFailure(_ error: any Error) -> any Error
}

extension Stager {
    /// The error as it is.
    public func explainFailure(_ error: any Error) -> any Error { error }

    /// No: the stager stages, and the pipeline transforms after it.
    public func runsBatchByBatch(_ transforms: [Transform], of dataset: Dataset) -> Bool { false }

    /// ``stage(_:)``, for a stager that runs no transform itself.
    public func stage(_ dataset: Dataset, followedBy transforms: [Transform]) throws -> StagingReport {
        precondition(transforms.isEmpty, "this stager runs no transform batch by batch")
        return try stage(dataset)
    }

    /// ``stagingStatements(_:)``, for a stager that runs no transform itself.
    public func stagingStatements(_ dataset: Dataset, followedBy transforms: [Transform]) throws -> [String] {
        precondition(transforms.isEmpty, "this stager runs no transform batch by batch")
        return try stagingStatements(dataset)
    }
}
