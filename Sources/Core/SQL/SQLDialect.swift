/// Describes one SQL engine: how it spells names, types and literals, and the few semantic
/// hooks where engines differ. Core renders every statement through a dialect and never asks
/// which engine it is talking to.
public protocol SQLDialect: Sendable {
    /// A short name for messages, such as `sqlite`.
    var name: String { get }

    /// Quotes an identifier so any name, keyword or not, reads as a name.
    func quoteIdentifier(_ identifier: String) -> String

    /// Quotes text as a string literal.
    func quoteLiteral(_ text: String) -> String

    /// The engine's name for a neutral column type.
    func typeName(_ type: ColumnType) -> String

    /// SQL converting `value` (already rendered) to `type`, failing the statement on a value
    /// that is not of that type, as `CAST` does in standard SQL.
    func cast(_ value: String, to type: ColumnType) -> String

    /// The type and clause that make a column a surrogate key the engine numbers itself,
    /// such as `BIGINT IDENTITY(0,1)`.
    func identityColumnType(_ type: ColumnType) -> String

    /// Clauses appended after a `CREATE TABLE`'s column list (distribution, sort order), or
    /// `nil` when the engine has none.
    func tableAttributes(_ table: Table) -> String?

    /// Whether the engine has secondary indexes; without them ``TableIndex``es are skipped.
    var supportsIndexes: Bool { get }

    /// How a transform treats rows whose key already exists, or repeats.
    var upsertStrategy: UpsertStrategy { get }

    /// Whether the engine plans better after `ANALYZE` of freshly staged tables.
    var analyzesStagedTables: Bool { get }

    /// Whether `TRUNCATE` empties a table inside a transaction, undone by a rollback (where not,
    /// tables are emptied with `DELETE`).
    var truncatesInTransactions: Bool { get }

    /// A word between `CREATE` and `TABLE` for `table`, such as `UNLOGGED`, or `nil`.
    func tableModifier(_ table: Table) -> String?

    /// Settings for the duration of a load's transaction, such as memory for sorts, as
    /// `(name, value)` pairs rendered as `SET LOCAL name TO 'value'`.
    var loadSettings: [(name: String, value: String)] { get }

    /// SQL for the UTC timestamp `milliseconds` after the Unix epoch, milliseconds kept;
    /// `milliseconds` is already-rendered SQL for a 64-bit integer.
    func timestampFromEpochMilliseconds(_ milliseconds: String) -> String

    /// SQL for one calendar part of `timestamp` (already-rendered SQL) as an integer.
    func datePart(_ part: DatePart, of timestamp: String) -> String

    /// SQL that compares and orders the text `text` (already rendered) byte by byte.
    func binaryText(_ text: String) -> String
}

/// How a dialect treats rows whose key already exists, or repeats among the incoming rows.
public enum UpsertStrategy: Sendable, Hashable {
    /// The engine enforces keys and has `INSERT … ON CONFLICT (key) DO NOTHING | DO UPDATE`:
    /// the key's unique index skips and replaces rows. `updatesRepeatedKeys` says whether one
    /// statement may update a row again that it wrote (SQLite may; PostgreSQL refuses): then one
    /// row per key is picked by conditional updates, without sorting; else by `ROW_NUMBER()`.
    case onConflictClause(updatesRepeatedKeys: Bool)
    /// The engine enforces no keys: rows are replaced by `DELETE` then `INSERT`, skipped by an
    /// anti-join, and picked one per key by `ROW_NUMBER()`.
    case separateStatements
}

extension SQLDialect {
    /// `CAST(value AS type)`.
    public func cast(_ value: String, to type: ColumnType) -> String {
        "CAST(\(value) AS \(typeName(type)))"
    }

    /// No modifier: ordinary tables.
    public func tableModifier(_ table: Table) -> String? { nil }

    /// `DELETE`, which every engine runs inside a transaction.
    public var truncatesInTransactions: Bool { false }

    /// No settings.
    public var loadSettings: [(name: String, value: String)] { [] }

    /// Standard SQL: a name in double quotes, inner double quotes doubled.
    public func quoteIdentifier(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Standard SQL: text in single quotes, inner single quotes doubled.
    public func quoteLiteral(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
