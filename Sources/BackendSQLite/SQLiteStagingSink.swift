import Core

/// Writes staged rows into a SQLite staging table through prepared inserts of many rows at a
/// time, which spares SQLite most of its per-statement work.
struct SQLiteStagingSink: StagingSink {
    /// Rows one multi-row insert writes.
    static let rowsPerInsert = 32

    private let table: Table
    private let single: SQLiteStatement
    private let multiple: SQLiteStatement

    init(connection: SQLiteConnection, table: Table) throws {
        self.table = table
        single = try connection.prepare(Self.insertSQL(for: table))
        multiple = try connection.prepare(Self.insertSQL(for: table, rows: Self.rowsPerInsert))
    }

    /// `INSERT INTO table (columns) VALUES (?, …)`, `rows` times.
    static func insertSQL(for table: Table, rows: Int = 1) -> String {
        let dialect = SQLiteDialect()
        let columns = table.columns.map { dialect.quoteIdentifier($0.name) }.joined(separator: ", ")
        let row = "(" + Array(repeating: "?", count: table.columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(dialect.quoteIdentifier(table.name)) (\(columns)) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    mutating func write(_ batch: StagedBatch) throws {
        try batch.withRows { rows in
            var row = 0
            while row < rows.count {
                let statement = rows.count - row >= Self.rowsPerInsert ? multiple : single
                let count = statement === multiple ? Self.rowsPerInsert : 1
                var parameter: Int32 = 1
                for staged in row..<row + count {
                    for column in 0..<rows.columnCount {
                        statement.bind(rows[staged, column], at: parameter)
                        parameter += 1
                    }
                }
                _ = try statement.step()
                statement.reset()
                row += count
            }
        }
    }
}
