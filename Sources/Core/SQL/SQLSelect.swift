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

    /// A `LEFT JOIN … ON …`.
    public struct LeftJoin: Sendable, Hashable {
        /// The joined source.
        public let source: Source
        /// The join condition.
        public let condition: SQLExpression

        /// `LEFT JOIN source ON condition`.
        public static func left(_ source: Source, on condition: SQLExpression) -> LeftJoin {
            LeftJoin(source: source, condition: condition)
        }
    }

    /// Whether duplicate rows are removed.
    public var isDistinct: Bool
    /// The select list.
    public var items: [Item]
    /// The `FROM` source.
    public var from: Source?
    /// Left joins, in order.
    public var joins: [LeftJoin]
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
        joins: [LeftJoin] = [],
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
