import Core

/// SQLite takes staged rows through prepared multi-row inserts, and runs the transforms that
/// read only the staged table over each batch as it is written.
extension SQLiteWarehouse: BulkLoadingWarehouse {
    /// Calls `body` with a sink of prepared inserts into `table`.
    public func writeRows(into table: Table, _ body: (inout any StagingSink) throws -> Void) throws {
        _ = try writeRows(into: table, followedBy: [], body)
    }

    /// Calls `body` with a sink of prepared inserts into `table` that runs each of
    /// `transforms` after every batch, over the rows the batch added (those of larger rowid).
    public func writeRows(into table: Table, followedBy transforms: [Transform],
                          _ body: (inout any StagingSink) throws -> Void) throws -> [RunReport.TransformOutcome] {
        let statements = transforms.map { transform in
            guard let sql = batchStatement(running: transform, over: table) else {
                preconditionFailure("\(transform.name) does not run batch by batch")
            }
            return (name: transform.name, sql: sql)
        }
        let concrete = try SQLiteStagingSink(connection: openConnection(), table: table, transforms: statements)
        var sink: any StagingSink = concrete
        try body(&sink)
        return concrete.outcomes
    }

    /// The insert staging runs, once per JSON object (32 rows at a time).
    public func bulkWriteStatement(for table: Table) -> String {
        SQLiteStagingSink.insertSQL(for: table)
    }

    /// `transform` over the rows of `table` whose rowid is above the parameter `?1` (the
    /// largest before the batch), when it distributes over batches and is one statement.
    public func batchStatement(running transform: Transform, over table: Table) -> String? {
        guard transform.distributesOverBatches(in: dialect),
              let limited = transform.limited(toRowsOf: table.name, where: { .binary(.column("rowid", of: $0), .greater, .parameter(1)) })
        else { return nil }
        let statements = limited.statements(for: dialect)
        guard statements.count == 1 else { return nil }
        return SQLRenderer(dialect: dialect).render(statements[0])
    }
}
