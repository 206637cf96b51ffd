/// A warehouse that takes staged rows in bulk from the loader's own reader: what the local
/// rows stager writes into (SQLite's prepared inserts, PostgreSQL's COPY FROM STDIN).
public protocol BulkLoadingWarehouse: Warehouse {
    /// Calls `body` with a sink that writes rows into `table`, and finishes the writing when it
    /// returns; an error from `body` is rethrown.
    func writeRows(into table: Table, _ body: (inout any StagingSink) throws -> Void) throws

    /// The statement that writes each staged row of `table`, for dry runs.
    func bulkWriteStatement(for table: Table) -> String

    /// The statement that runs `transform` over the rows of one batch just written into
    /// `table`, as ``writeRows(into:followedBy:_:)`` runs it; `nil` when the warehouse runs
    /// transforms only once staging is done.
    func batchStatement(running transform: Transform, over table: Table) -> String?

    /// Like ``writeRows(into:_:)``, and after each batch the sink writes, runs `transforms`
    /// (each with a ``batchStatement(running:over:)``) over that batch's rows, in order.
    /// Returns what each transform wrote, summed over the batches, and the time it took.
    func writeRows(into table: Table, followedBy transforms: [Transform],
                   _ body: (inout any StagingSink) throws -> Void) throws -> [RunReport.TransformOutcome]
}

extension BulkLoadingWarehouse {
    /// None: transforms run once staging is done.
    public func batchStatement(running transform: Transform, over table: Table) -> String? { nil }

    /// ``writeRows(into:_:)``, for a warehouse that runs no transform batch by batch.
    public func writeRows(into table: Table, followedBy transforms: [Transform],
                          _ body: (inout any StagingSink) throws -> Void) throws -> [RunReport.TransformOutcome] {
        precondition(transforms.isEmpty, "this warehouse runs no transform batch by batch")
        try writeRows(into: table, body)
        return []
    }
}
