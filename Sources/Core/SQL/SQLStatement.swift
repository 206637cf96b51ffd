/// A dialect-neutral SQL statement.
public enum SQLStatement: Sendable, Hashable {
    /// `CREATE TABLE [IF NOT EXISTS]` with the table's keys and layout.
    case createTable(Table, ifNotExists: Bool)
    /// `CREATE INDEX IF NOT EXISTS`; rendered only by dialects with indexes.
    case createIndex(TableIndex, on: String)
    /// `DROP TABLE IF EXISTS`.
    case dropTable(String)
    /// `DELETE FROM table [WHERE condition]`.
    case delete(from: String, where: SQLExpression?)
    /// `INSERT INTO … SELECT …`.
    case insert(SQLInsert)
    /// A query.
    case select(SQLSelect)
}

/// `INSERT INTO table (columns) SELECT …`, optionally updating rows whose key exists.
public struct SQLInsert: Sendable, Hashable {
    /// The table written.
    public let table: String
    /// The columns written, in the order the select produces them.
    public let columns: [String]
    /// The rows to write.
    public let select: SQLSelect
    /// When set, a row whose key already exists updates that row's other columns instead
    /// (`ON CONFLICT (key) DO UPDATE`).
    public let updatingOnConflictWith: [String]?

    /// Creates an insert.
    public init(into table: String, columns: [String], select: SQLSelect, updatingOnConflictWith key: [String]? = nil) {
        self.table = table
        self.columns = columns
        self.select = select
        self.updatingOnConflictWith = key
    }
}
