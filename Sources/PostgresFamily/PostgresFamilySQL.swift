import Core

/// SQL that PostgreSQL and Redshift, which descend from it, spell the same way.
public enum PostgresFamilySQL {
    /// `CAST(EXTRACT(field FROM timestamp) AS INTEGER)`: `WEEK` is the ISO-8601 week and `DOW`
    /// counts from 0 = Sunday in both engines.
    public static func datePart(_ part: DatePart, of timestamp: String) -> String {
        let field = switch part {
        case .hour: "HOUR"
        case .day: "DAY"
        case .isoWeek: "WEEK"
        case .month: "MONTH"
        case .year: "YEAR"
        case .weekday: "DOW"
        }
        return "CAST(EXTRACT(\(field) FROM \(timestamp)) AS INTEGER)"
    }

    /// The names both engines give the neutral numeric and time types.
    public static func typeName(_ type: ColumnType, text: (Int) -> String) -> String {
        switch type {
        case .integer: "INTEGER"
        case .bigInteger: "BIGINT"
        case .double: "DOUBLE PRECISION"
        case .text(let maxBytes): text(maxBytes)
        case .timestamp: "TIMESTAMP"
        }
    }

    /// Each column of the tables in the current schema: its table's name and its own.
    public static let existingColumnsQuery =
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
}
