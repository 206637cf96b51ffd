/// Describes one SQL engine: how it spells names, types and literals, and the few semantic
/// hooks where engines differ. Core renders every statement through a dialect and never asks
/// which engine it is talking to.
public protocol SQLDialect: Sendable {
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

    /// Whether the engine joins large tables by looking rows up in an index, having no hash
    /// join; only then are the transforms' ``TableIndex``es created.
    var joinsByIndexLookups: Bool { get }

    /// How a transform treats rows whose key already exists, or repeats.
    var upsertStrategy: UpsertStrategy { get }

    /// How a transform numbers rows one after another in an order.
    var numbering: NumberingStrategy { get }

    /// Whether the engine enforces primary keys (no NULL, no repeat): there the checks that
    /// only restate a key cannot fail, and are skipped.
    var enforcesKeys: Bool { get }

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

/// How a dialect treats rows whose key the target already has, or that repeat among the
/// incoming rows: three choices, each the fastest correct one for the engine.
public struct UpsertStrategy: Sendable, Hashable {
    /// How incoming rows whose key the target already has are skipped.
    public enum Skipping: Sendable, Hashable {
        /// `ON CONFLICT (key) DO NOTHING`: the key's unique index decides, row by row.
        case onConflictDoNothing
        /// `SELECT DISTINCT … WHERE NOT EXISTS (…)`: one anti-join, no check per row.
        case antiJoin
    }

    /// How incoming rows replace the target's rows with the same key.
    public enum Replacing: Sendable, Hashable {
        /// `ON CONFLICT (key) DO UPDATE`.
        case onConflictDoUpdate
        /// `DELETE` of the incoming keys, then `INSERT`.
        case deleteThenInsert
    }

    /// How one row per key is picked among incoming rows.
    public enum Picking: Sendable, Hashable {
        /// `ON CONFLICT (key) DO UPDATE … WHERE <the incoming row comes first>`: rows arrive in
        /// any order, without sorting; the engine must let one statement update a row again.
        case conditionalUpdateOnConflict
        /// `ROW_NUMBER()` over the key, in order, keeping the first.
        case rowNumber
    }

    /// How rows whose key exists are skipped.
    public let skipping: Skipping
    /// How rows are replaced.
    public let replacing: Replacing
    /// How one row per key is picked.
    public let picking: Picking

    /// Creates a strategy from its three choices.
    public init(skipping: Skipping, replacing: Replacing, picking: Picking) {
        self.skipping = skipping
        self.replacing = replacing
        self.picking = picking
    }
}

extension SQLDialect {
    /// `ROW_NUMBER()`, which every engine has.
    public var numbering: NumberingStrategy { .rowNumber }

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
