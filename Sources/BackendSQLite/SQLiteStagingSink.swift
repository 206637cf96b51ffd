import Core

/// Writes staged rows into a SQLite staging table through one prepared insert.
struct SQLiteStagingSink: StagingSink {
    private let insert: SQLiteStatement

    init(connection: SQLiteConnection, table: Table) throws {
        insert = try connection.prepare(Self.insertSQL(for: table))
    }

    /// `INSERT INTO table (columns) VALUES (?, …)`.
    static func insertSQL(for table: Table) -> String {
        let dialect = SQLiteDialect()
        let columns = table.columns.map { dialect.quoteIdentifier($0.name) }.joined(separator: ", ")
        let parameters = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        return "INSERT INTO \(dialect.quoteIdentifier(table.name)) (\(columns)) VALUES (\(parameters))"
    }

    mutating func write(_ batch: StagedBatch) throws {
        try batch.withRows { rows in
            for row in 0..<rows.count {
                for column in 0..<rows.columnCount {
                    insert.bind(rows[row, column], at: Int32(column + 1))
                }
                _ = try insert.step()
                insert.reset()
            }
        }
    }
}
