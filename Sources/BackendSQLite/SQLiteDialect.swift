import Core

/// SQLite's SQL. Timestamps are UTC text `YYYY-MM-DD HH:MM:SS.SSS`, which sorts correctly and
/// which SQLite's date functions read; integers of any width are `INTEGER`. Timestamps and
/// calendar parts use the functions ``SQLiteWarehouse`` registers on its connection
/// (``SQLiteFunctions``), fast and exact where `strftime` is neither.
public struct SQLiteDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// SQLite's storage class for each neutral type.
    public func typeName(_ type: ColumnType) -> String {
        switch type {
        case .integer, .bigInteger: "INTEGER"
        case .double: "REAL"
        case .text, .timestamp: "TEXT"
        }
    }

    /// The backend's strict `sparkify_integer` for integers, since SQLite's `CAST` turns text
    /// that is no number into 0 where other engines fail; `CAST` otherwise.
    public func cast(_ value: String, to type: ColumnType) -> String {
        switch type {
        case .integer: "\(SQLiteFunctions.integer)(\(value), 32)"
        case .bigInteger: "\(SQLiteFunctions.integer)(\(value), 64)"
        default: "CAST(\(value) AS \(typeName(type)))"
        }
    }

    /// `INTEGER`: with the table's single-column `PRIMARY KEY`, the column becomes the rowid,
    /// numbered by SQLite from 1 in insertion order.
    public func identityColumnType(_ type: ColumnType) -> String { "INTEGER" }

    /// `WITHOUT ROWID` for tables keyed by anything but a single integer: their rows live in
    /// the key's B-tree, one structure to write instead of a table and an index.
    public func tableAttributes(_ table: Table) -> String? {
        let key = table.primaryKey.compactMap { name in table.columns.first { $0.name == name } }
        let isRowid = key.count == 1 && (key[0].type == .integer || key[0].type == .bigInteger)
        return key.isEmpty || isRowid ? nil : "WITHOUT ROWID"
    }

    /// SQLite joins by nested loops, looking each row up in an index.
    public var joinsByIndexLookups: Bool { true }

    /// `ON CONFLICT` throughout: SQLite checks a key as cheaply as it inserts, and applies the
    /// clause row by row, so one statement may update a row it wrote before.
    public var upsertStrategy: UpsertStrategy {
        UpsertStrategy(skipping: .onConflictDoNothing, replacing: .onConflictDoUpdate, picking: .conditionalUpdateOnConflict)
    }

    /// A temporary table's rowid: SQLite gives a row inserted without one the largest plus 1,
    /// so rows inserted in order are numbered in order, where `ROW_NUMBER()` would first copy
    /// every row into a window's buffer.
    public var numbering: NumberingStrategy { .insertionOrder }

    /// SQLite enforces primary keys: every key column is `NOT NULL` or the rowid.
    public var enforcesKeys: Bool { true }

    /// SQLite's planner needs no statistics for the load's queries.
    public var analyzesStagedTables: Bool { false }

    /// The backend's `sparkify_timestamp` function: exact integer formatting of the
    /// milliseconds, correct before 1970 too.
    public func timestampFromEpochMilliseconds(_ milliseconds: String) -> String {
        "\(SQLiteFunctions.timestamp)(\(milliseconds))"
    }

    /// Fixed positions of the stored text for hour, day, month and year; the backend's
    /// functions for the ISO week and the weekday.
    public func datePart(_ part: DatePart, of timestamp: String) -> String {
        switch part {
        case .hour: "CAST(substr(\(timestamp), 12, 2) AS INTEGER)"
        case .day: "CAST(substr(\(timestamp), 9, 2) AS INTEGER)"
        case .isoWeek: "\(SQLiteFunctions.isoWeek)(\(timestamp))"
        case .month: "CAST(substr(\(timestamp), 6, 2) AS INTEGER)"
        case .year: "CAST(substr(\(timestamp), 1, 4) AS INTEGER)"
        case .weekday: "\(SQLiteFunctions.weekday)(\(timestamp))"
        }
    }

    /// SQLite's default collation already compares bytes.
    public func binaryText(_ text: String) -> String { text }
}
