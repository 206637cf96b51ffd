/// A dialect-neutral SQL scalar expression; ``SQLRenderer`` turns it into a dialect's text.
public indirect enum SQLExpression: Sendable, Hashable {
    /// A column, optionally qualified by a table name or alias.
    case column(String, of: String? = nil)
    /// The SQL NULL.
    case null
    /// A whole-number literal.
    case integer(Int64)
    /// A floating-point literal.
    case double(Double)
    /// A text literal.
    case text(String)
    /// `left operator right`.
    case binary(SQLExpression, SQLBinaryOperator, SQLExpression)
    /// `NOT operand`.
    case not(SQLExpression)
    /// `operand IS NULL`.
    case isNull(SQLExpression)
    /// `operand IS NOT NULL`.
    case isNotNull(SQLExpression)
    /// A standard function applied to arguments.
    case function(SQLFunction, [SQLExpression])
    /// `COUNT(*)`.
    case countRows
    /// `CAST(operand AS type)`.
    case cast(SQLExpression, ColumnType)
    /// Text compared byte by byte, whatever the database's collation.
    case binaryText(SQLExpression)
    /// The UTC timestamp `operand` milliseconds after the Unix epoch, milliseconds kept.
    case timestampFromEpochMilliseconds(SQLExpression)
    /// One calendar part of a timestamp.
    case datePart(DatePart, of: SQLExpression)
    /// `ROW_NUMBER() OVER (PARTITION BY … ORDER BY …)`.
    case rowNumber(partitionBy: [SQLExpression], orderBy: [SQLOrdering])
    /// `EXISTS (subquery)`.
    case exists(SQLSelect)
    /// `operand IN (subquery)`.
    case inSubquery(SQLExpression, SQLSelect)
    /// `(subquery)`: the one value of a subquery of one row and one column.
    case scalar(SQLSelect)
    /// `CASE WHEN condition THEN value ELSE otherwise END`.
    case caseWhen(SQLExpression, then: SQLExpression, else: SQLExpression)

    /// `self = other`.
    public func equals(_ other: SQLExpression) -> SQLExpression { .binary(self, .equal, other) }

    /// `self AND other`.
    public func and(_ other: SQLExpression) -> SQLExpression { .binary(self, .and, other) }

    /// `self OR other`.
    public func or(_ other: SQLExpression) -> SQLExpression { .binary(self, .or, other) }

    /// The expression with every unqualified column qualified by `table`.
    public func qualified(by table: String) -> SQLExpression {
        switch self {
        case .column(let name, nil): .column(name, of: table)
        case .binary(let left, let op, let right): .binary(left.qualified(by: table), op, right.qualified(by: table))
        case .not(let operand): .not(operand.qualified(by: table))
        case .isNull(let operand): .isNull(operand.qualified(by: table))
        case .isNotNull(let operand): .isNotNull(operand.qualified(by: table))
        case .function(let function, let arguments): .function(function, arguments.map { $0.qualified(by: table) })
        case .cast(let operand, let type): .cast(operand.qualified(by: table), type)
        case .binaryText(let operand): .binaryText(operand.qualified(by: table))
        case .timestampFromEpochMilliseconds(let operand): .timestampFromEpochMilliseconds(operand.qualified(by: table))
        case .datePart(let part, let operand): .datePart(part, of: operand.qualified(by: table))
        case .caseWhen(let condition, let value, let otherwise):
            .caseWhen(condition.qualified(by: table), then: value.qualified(by: table), else: otherwise.qualified(by: table))
        default: self
        }
    }

    /// `self AND other AND …`, or `nil` when there is nothing to join.
    public static func all(_ conditions: [SQLExpression]) -> SQLExpression? {
        conditions.dropFirst().reduce(conditions.first) { joined, next in joined?.and(next) }
    }
}

/// A binary SQL operator.
public enum SQLBinaryOperator: String, Sendable, Hashable {
    /// `=`
    case equal = "="
    /// `<>`
    case notEqual = "<>"
    /// `<`
    case less = "<"
    /// `<=`
    case lessOrEqual = "<="
    /// `>`
    case greater = ">"
    /// `AND`
    case and = "AND"
    /// `OR`
    case or = "OR"
    /// `-`
    case minus = "-"
    /// `+`
    case plus = "+"

    /// Binding strength: a looser operand of a tighter operator needs parentheses.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater: 3
        case .minus, .plus: 4
        }
    }
}

/// A standard SQL function every supported engine spells the same way.
public enum SQLFunction: String, Sendable, Hashable {
    /// `ABS(x)`
    case abs = "ABS"
    /// `COALESCE(x, y, …)`
    case coalesce = "COALESCE"
    /// `MAX(x)`, the aggregate.
    case max = "MAX"
    /// `MIN(x)`, the aggregate.
    case min = "MIN"
}

/// A calendar part of a timestamp, as the `time` dimension stores it.
public enum DatePart: String, Sendable, Hashable {
    /// Hour of the day, 0–23.
    case hour
    /// Day of the month, 1–31.
    case day
    /// ISO-8601 week of the year, 1–53.
    case isoWeek
    /// Month, 1–12.
    case month
    /// Calendar year.
    case year
    /// Day of the week, 0 = Sunday … 6 = Saturday.
    case weekday
}

/// One term of an `ORDER BY`.
public struct SQLOrdering: Sendable, Hashable {
    /// Where an ordering puts NULLs.
    public enum NullPlacement: Sendable, Hashable {
        /// Before every value.
        case first
        /// After every value.
        case last
        /// Nowhere: the expression is never NULL (a key column), so no placement is written
        /// and an engine may read rows in the order of an index on it. SQLite sorts for
        /// `ASC NULLS LAST`, which is not the order of its indexes.
        case neverNull
    }

    /// What to order by.
    public let expression: SQLExpression
    /// Largest first when `true`.
    public let isDescending: Bool
    /// Where NULLs go; always explicit when the expression may be NULL, since engines
    /// disagree on the default.
    public let nulls: NullPlacement

    /// An ordering term.
    public init(expression: SQLExpression, isDescending: Bool, nulls: NullPlacement) {
        self.expression = expression
        self.isDescending = isDescending
        self.nulls = nulls
    }

    /// Smallest first, NULLs last.
    public static func ascending(_ expression: SQLExpression) -> SQLOrdering {
        SQLOrdering(expression: expression, isDescending: false, nulls: .last)
    }

    /// Largest first, NULLs last.
    public static func descending(_ expression: SQLExpression) -> SQLOrdering {
        SQLOrdering(expression: expression, isDescending: true, nulls: .last)
    }

    /// Smallest first, of an expression that is never NULL, such as a key column.
    public static func ascendingNeverNull(_ expression: SQLExpression) -> SQLOrdering {
        SQLOrdering(expression: expression, isDescending: false, nulls: .neverNull)
    }
}
