import Core

/// PostgreSQL takes staged rows through `COPY … FROM STDIN`.
extension PostgresWarehouse: BulkLoadingWarehouse {
    /// Calls `body` with a sink that streams rows into one `COPY` of `table`.
    public func writeRows(into table: Table, _ body: (inout any StagingSink) throws -> Void) throws {
        try open()
        try session.openConnection.copy(PostgresCopySink.copySQL(for: table)) { writer in
            var sink: any StagingSink = PostgresCopySink(writer: writer)
            try body(&sink)
        }
    }

    /// The `COPY` staging runs.
    public func bulkWriteStatement(for table: Table) -> String {
        PostgresCopySink.copySQL(for: table)
    }
}
