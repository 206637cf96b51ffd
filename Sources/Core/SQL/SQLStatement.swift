/// A dialect-neutral SQL statement.
public enum SQLStatement: Sendable, Hashable {
    /// `CREATE TABLE [IF NOT EXISTS]` with the table's keys and layout.
    case createTable(Table, ifNotExists: Bool)
    /// `CREATE TEMP TABLE IF NOT EXISTS` with the table's keys: a table of the connection's
    /// own, which its name means before any table of the database's, gone when it closes.
    case createTemporaryTable(Table)
    /// `CREATE INDEX IF NOT EXISTS`; rendered only by dialects with indexes.
    case createIndex(TableIndex, on: String)
    /// `DROP TABLE IF EXISTS`.
    case dropTable(String)
    /// `TRUNCATE table`.
    case truncate(String)
    /// `DELETE FROM table [WHERE condition]`.
    case delete(from: String, where: SQLExpression?)
    /// `INSERT INTO … SELECT …`.
    case insert(SQLInsert)
    /// A query.
    case select(SQLSelect)
    /// `ANALYZE table`: refresh the planner's statistics.
    case analyze(String)
    /// `SET LOCAL name TO 'value'`: a setting until the transaction ends.
    case setLocal(name: String, value: String)
}

/// `INSERT INTO table (columns) SELECT …`, optionally with what to do when a row's key exists.
public struct SQLInsert: Sendable, Hashable {
    /// What happens to an incoming row whose key already exists: `ON CONFLICT (key) DO …`.
    public enum OnConflict: Sendable, Hashable {
        /// `DO NOTHING`: the existing row stays; so does the first of several incoming rows.
        case doNothing(key: [String])
        /// `DO UPDATE SET`: the incoming row's other columns replace the existing row's.
        case update(key: [String])
        /// `DO UPDATE SET … WHERE condition`: the incoming row replaces the existing row only
        /// where `condition` holds; it reads the incoming row as `excluded`.
        case updateWhere(key: [String], condition: SQLExpression)
    }

    /// The table written.
    public let table: String
    /// The columns written, in the order the select produces them.
    public let columns: [String]
    /// The rows to write.
    public let select: SQLSelect
    /// What happens when a row's key exists; `nil` for a plain insert.
    public let onConflict: OnConflict?

    /// Creates an insert.
    public init(into table: String, columns: [String], select: SQLSelect, onConflict: OnConflict? = nil) {
        self.table = table
        self.columns = columns
        self.select = select
        self.onConflict = onConflict
    }
}
