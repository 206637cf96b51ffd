import Core

/// Writes staged rows into a SQLite staging table through prepared inserts of many rows at a
/// time, which spares SQLite most of its per-statement work; after each batch it runs its
/// batch transforms over the rows just written, while the parsing threads fill the next batch.
final class SQLiteStagingSink: StagingSink {
    /// Rows one multi-row insert writes.
    static let rowsPerInsert = 32

    /// One transform run after each batch: its statement, which reads the rows whose rowid is
    /// above its one parameter, and what it has written and taken so far.
    private struct BatchTransform {
        let name: String
        let statement: SQLiteStatement
        var rowsWritten = 0
        var duration = Duration.zero
    }

    private let connection: SQLiteConnection
    private let single: SQLiteStatement
    private let multiple: SQLiteStatement
    private var transforms: [BatchTransform]
    /// The largest rowid of the table before the batch being written.
    private var lastRowID: Int64
    private let clock = ContinuousClock()

    /// A sink into `table` that runs each of `transforms`, a name and the SQL of its
    /// ``SQLiteWarehouse/batchStatement(running:over:)``, after every batch.
    init(connection: SQLiteConnection, table: Table, transforms: [(name: String, sql: String)] = []) throws {
        self.connection = connection
        single = try connection.prepare(Self.insertSQL(for: table))
        multiple = try connection.prepare(Self.insertSQL(for: table, rows: Self.rowsPerInsert))
        self.transforms = try transforms.map { BatchTransform(name: $0.name, statement: try connection.prepare($0.sql)) }
        let largest = try connection.query("SELECT COALESCE(MAX(rowid), 0) FROM \(SQLiteDialect().quoteIdentifier(table.name))")
        guard case .integer(let rowID) = largest.first?.first else { preconditionFailure("MAX(rowid) is an integer") }
        lastRowID = rowID
    }

    /// `INSERT INTO table (columns) VALUES (?, …)`, `rows` times.
    static func insertSQL(for table: Table, rows: Int = 1) -> String {
        let dialect = SQLiteDialect()
        let columns = table.columns.map { dialect.quoteIdentifier($0.name) }.joined(separator: ", ")
        let row = "(" + Array(repeating: "?", count: table.columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(dialect.quoteIdentifier(table.name)) (\(columns)) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// What each batch transform wrote, summed over the batches, and the time it took.
    var outcomes: [RunReport.TransformOutcome] {
        transforms.map { .init(table: $0.name, rowsWritten: $0.rowsWritten, duration: $0.duration) }
    }

    func write(_ batch: StagedBatch) throws {
        guard batch.rowCount > 0 else { return }
        try insert(batch)
        // Read before the transforms run: their inserts move it.
        let written = connection.lastInsertedRowID
        for index in transforms.indices {
            let start = clock.now
            let statement = transforms[index].statement
            statement.bind(.integer(lastRowID), at: 1)
            while try statement.step() {}
            statement.reset()
            transforms[index].rowsWritten += connection.rowsChanged
            transforms[index].duration += clock.now - start
        }
        lastRowID = written
    }

    private func insert(_ batch: StagedBatch) throws {
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
