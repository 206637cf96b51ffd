import Core

/// SQLite takes staged rows through prepared multi-row inserts.
extension SQLiteWarehouse: BulkLoadingWarehouse {
    /// Calls `body` with a sink of prepared inserts into `table`.
    public func writeRows(into table: Table, _ body: (inout any StagingSink) throws -> Void) throws {
        var sink: any StagingSink = try SQLiteStagingSink(connection: openConnection(), table: table)
        try body(&sink)
    }

    /// The insert staging runs, once per JSON object (32 rows at a time).
    public func bulkWriteStatement(for table: Table) -> String {
        SQLiteStagingSink.insertSQL(for: table)
    }
}
