import Core

/// SQLite's SQL. Timestamps are UTC text `YYYY-MM-DD HH:MM:SS.SSS`, which sorts correctly and
/// which SQLite's date functions read; integers of any width are `INTEGER`.
public struct SQLiteDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `sqlite`.
    public var name: String { "sqlite" }

    /// SQLite's storage class for each neutral type.
    public func typeName(_ type: ColumnType) -> String {
        switch type {
        case .integer, .bigInteger: "INTEGER"
        case .double: "REAL"
        case .text, .timestamp: "TEXT"
        }
    }

    /// `INTEGER`: with the table's single-column `PRIMARY KEY`, the column becomes the rowid,
    /// numbered by SQLite from 1 in insertion order.
    public func identityColumnType(_ type: ColumnType) -> String { "INTEGER" }

    /// SQLite has no distribution or sort clauses.
    public func tableAttributes(_ table: Table) -> String? { nil }

    /// SQLite has indexes.
    public var supportsIndexes: Bool { true }

    /// SQLite enforces keys and has `ON CONFLICT … DO UPDATE`.
    public var upsertStrategy: UpsertStrategy { .onConflictUpdate }

    /// Whole seconds through `strftime`, milliseconds appended with integer arithmetic so no
    /// rounding can touch them; correct before 1970 too.
    public func timestampFromEpochMilliseconds(_ milliseconds: String) -> String {
        let seconds = "\(milliseconds) / 1000 - (\(milliseconds) % 1000 < 0)"
        return "strftime('%Y-%m-%d %H:%M:%S', \(seconds), 'unixepoch') || printf('.%03d', (\(milliseconds) % 1000 + 1000) % 1000)"
    }

    /// `strftime` parts as integers. The ISO week is the ordinal week of the Thursday of the
    /// timestamp's Monday-to-Sunday week, counted in that Thursday's year.
    public func datePart(_ part: DatePart, of timestamp: String) -> String {
        switch part {
        case .hour: "CAST(strftime('%H', \(timestamp)) AS INTEGER)"
        case .day: "CAST(strftime('%d', \(timestamp)) AS INTEGER)"
        case .isoWeek: "(CAST(strftime('%j', \(timestamp), '-3 days', 'weekday 4') AS INTEGER) - 1) / 7 + 1"
        case .month: "CAST(strftime('%m', \(timestamp)) AS INTEGER)"
        case .year: "CAST(strftime('%Y', \(timestamp)) AS INTEGER)"
        case .weekday: "CAST(strftime('%w', \(timestamp)) AS INTEGER)"
        }
    }

    /// SQLite's default collation already compares bytes.
    public func binaryText(_ text: String) -> String { text }
}
