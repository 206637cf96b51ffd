/// A dialect-neutral `SELECT`.
public struct SQLSelect: Sendable, Hashable {
    /// One expression of the select list, with an optional alias.
    public struct Item: Sendable, Hashable {
        /// The selected value.
        public let expression: SQLExpression
        /// The name it is given, if any.
        public let alias: String?

        /// Selects `expression`, named `alias`.
        public init(_ expression: SQLExpression, as alias: String? = nil) {
            self.expression = expression
            self.alias = alias
        }
    }

    /// What a `FROM` or a join reads.
    public indirect enum Source: Sendable, Hashable {
        /// A table, optionally under an alias.
        case table(String, as: String? = nil)
        /// A derived table; engines require it to be named.
        case subquery(SQLSelect, as: String)
    }

    /// A `[LEFT] JOIN … ON …`.
    public struct Join: Sendable, Hashable {
        /// Whether rows without a match are kept, with NULLs (`LEFT JOIN`).
        public let keepsUnmatched: Bool
        /// The joined source.
        public let source: Source
        /// The join condition.
        public let condition: SQLExpression

        /// `LEFT JOIN source ON condition`.
        public static func left(_ source: Source, on condition: SQLExpression) -> Join {
            Join(keepsUnmatched: true, source: source, condition: condition)
        }

        /// `JOIN source ON condition`.
        public static func inner(_ source: Source, on condition: SQLExpression) -> Join {
            Join(keepsUnmatched: false, source: source, condition: condition)
        }
    }

    /// Whether duplicate rows are removed.
    public var isDistinct: Bool
    /// The select list.
    public var items: [Item]
    /// The `FROM` source.
    public var from: Source?
    /// Joins, in order.
    public var joins: [Join]
    /// The `WHERE` condition.
    public var filter: SQLExpression?
    /// The `GROUP BY` terms.
    public var groupBy: [SQLExpression]
    /// The `HAVING` condition.
    public var having: SQLExpression?
    /// The `ORDER BY` terms.
    public var orderBy: [SQLOrdering]

    /// Creates a select; only the select list is required.
    public init(
        distinct: Bool = false,
        _ items: [Item],
        from: Source? = nil,
        joins: [Join] = [],
        where filter: SQLExpression? = nil,
        groupBy: [SQLExpression] = [],
        having: SQLExpression? = nil,
        orderBy: [SQLOrdering] = []
    ) {
        self.isDistinct = distinct
        self.items = items
        self.from = from
        self.joins = joins
        self.filter = filter
        self.groupBy = groupBy
        self.having = having
        self.orderBy = orderBy
    }
}
