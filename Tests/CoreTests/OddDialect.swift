import Core

/// A deliberately odd dialect: every name, literal, type and hook is spelled in a way no real
/// engine uses, so a test can see any token that was rendered around the dialect.
struct OddDialect: SQLDialect {
    var joinsByIndexLookups = true
    var upsertStrategy = UpsertStrategy.separateStatements
    var numbering = NumberingStrategy.rowNumber
    var enforcesKeys = false
    var analyzesStagedTables = true
    var truncatesInTransactions = false

    func quoteIdentifier(_ identifier: String) -> String { "⟦\(identifier)⟧" }

    func quoteLiteral(_ text: String) -> String { "‹\(text)›" }

    func typeName(_ type: ColumnType) -> String {
        switch type {
        case .integer: "INT_32"
        case .bigInteger: "INT_64"
        case .double: "FLOAT_64"
        case .text(let maxBytes): "STRING_\(maxBytes)"
        case .timestamp: "INSTANT"
        }
    }

    func identityColumnType(_ type: ColumnType) -> String { "COUNTER_OF_\(typeName(type))" }

    func tableAttributes(_ table: Table) -> String? {
        let distribution = switch table.layout.distribution {
        case .automatic: "AUTO"
        case .even: "EVEN"
        case .all: "ALL"
        case .key(let column): "KEY \(quoteIdentifier(column))"
        }
        return "LAYOUT(\(distribution); \(table.layout.sortKey.map(quoteIdentifier).joined(separator: "+")))"
    }

    func timestampFromEpochMilliseconds(_ milliseconds: String) -> String { "MS_TO_INSTANT(\(milliseconds))" }

    func datePart(_ part: DatePart, of timestamp: String) -> String { "PART_\(part.rawValue)(\(timestamp))" }

    func binaryText(_ text: String) -> String { "BYTES(\(text))" }
}

extension UpsertStrategy {
    /// `ON CONFLICT` for everything, as SQLite.
    static let conflictClauses = UpsertStrategy(skipping: .onConflictDoNothing, replacing: .onConflictDoUpdate,
                                                picking: .conditionalUpdateOnConflict)
    /// Anti-joins to skip and `ROW_NUMBER()` to pick, `ON CONFLICT` only to replace, as PostgreSQL.
    static let rankingAndAntiJoins = UpsertStrategy(skipping: .antiJoin, replacing: .onConflictDoUpdate, picking: .rowNumber)
    /// No `ON CONFLICT` at all, as Redshift.
    static let separateStatements = UpsertStrategy(skipping: .antiJoin, replacing: .deleteThenInsert, picking: .rowNumber)
}
