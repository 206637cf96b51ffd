/// A warehouse that takes staged rows in bulk from the loader's own reader: what the local
/// rows stager writes into (SQLite's prepared inserts, PostgreSQL's COPY FROM STDIN).
public protocol BulkLoadingWarehouse: Warehouse {
    /// Calls `body` with a sink that writes rows into `table`, and finishes the writing when it
    /// returns; an error from `body` is rethrown.
    func writeRows(into table: Table, _ body: (inout any StagingSink) throws -> Void) throws

    /// The statement that writes each staged row of `table`, for dry runs.
    func bulkWriteStatement(for table: Table) -> String
}
