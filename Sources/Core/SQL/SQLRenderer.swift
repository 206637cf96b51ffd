/// Turns neutral statements into one dialect's SQL text. Rendering is pure: the same
/// statement and dialect always give the same text, and no database is needed.
public struct SQLRenderer: Sendable {
    /// The dialect every name, type, literal and hook is rendered through.
    public let dialect: any SQLDialect

    /// A renderer for `dialect`.
    public init(dialect: any SQLDialect) {
        self.dialect = dialect
    }

    /// The SQL text of `statement`, without a terminating semicolon.
    public func render(_ statement: SQLStatement) -> String {
        switch statement {
        case .createTable(let table, let ifNotExists):
            renderCreateTable(table, ifNotExists: ifNotExists, modifier: dialect.tableModifier(table), temporary: false)
        case .createTemporaryTable(let table):
            renderCreateTable(table, ifNotExists: true, modifier: "TEMP", temporary: true)
        case .createIndex(let index, let table):
            "CREATE INDEX IF NOT EXISTS \(name(index.name)) ON \(name(table)) (\(names(index.columns)))"
        case .dropTable(let table):
            "DROP TABLE IF EXISTS \(name(table))"
        case .truncate(let table):
            "TRUNCATE \(name(table))"
        case .delete(let table, let condition):
            "DELETE FROM \(name(table))" + (condition.map { "\nWHERE " + render($0) } ?? "")
        case .insert(let insert):
            renderInsert(insert)
        case .select(let select):
            render(select)
        case .analyze(let table):
            "ANALYZE \(name(table))"
        case .setLocal(let setting, let value):
            "SET LOCAL \(setting) TO \(dialect.quoteLiteral(value))"
        }
    }

    /// The SQL text of a query.
    public func render(_ select: SQLSelect) -> String {
        var lines: [String] = []
        let items = select.items.map(render)
        let head = select.isDistinct ? "SELECT DISTINCT" : "SELECT"
        if items.joined(separator: ", ").count + head.count < 80 {
            lines.append(head + " " + items.joined(separator: ", "))
        } else {
            lines.append(head)
            lines.append(items.map { "    " + $0 }.joined(separator: ",\n"))
        }
        if let from = select.from {
            lines.append("FROM " + render(from))
        }
        for join in select.joins {
            lines.append("LEFT JOIN \(render(join.source)) ON \(render(join.condition))")
        }
        if let filter = select.filter {
            lines.append("WHERE " + render(filter))
        }
        if !select.groupBy.isEmpty {
            lines.append("GROUP BY " + select.groupBy.map(render).joined(separator: ", "))
        }
        if let having = select.having {
            lines.append("HAVING " + render(having))
        }
        if !select.orderBy.isEmpty {
            lines.append("ORDER BY " + select.orderBy.map(render).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// The SQL text of an expression.
    public func render(_ expression: SQLExpression) -> String {
        switch expression {
        case .column(let column, let qualifier):
            return (qualifier.map { name($0) + "." } ?? "") + name(column)
        case .null:
            return "NULL"
        case .integer(let value):
            return String(value)
        case .double(let value):
            return String(value)
        case .text(let value):
            return dialect.quoteLiteral(value)
        case .binary(let left, let op, let right):
            return operand(left, of: op, isRight: false) + " \(op.rawValue) " + operand(right, of: op, isRight: true)
        case .not(let operand):
            return "NOT " + parenthesized(operand)
        case .isNull(let operand):
            return parenthesized(operand) + " IS NULL"
        case .isNotNull(let operand):
            return parenthesized(operand) + " IS NOT NULL"
        case .function(let function, let arguments):
            return function.rawValue + "(" + arguments.map(render).joined(separator: ", ") + ")"
        case .countRows:
            return "COUNT(*)"
        case .cast(let operand, let type):
            return dialect.cast(render(operand), to: type)
        case .binaryText(let operand):
            return dialect.binaryText(parenthesized(operand))
        case .timestampFromEpochMilliseconds(let operand):
            return dialect.timestampFromEpochMilliseconds(parenthesized(operand))
        case .datePart(let part, let operand):
            return dialect.datePart(part, of: parenthesized(operand))
        case .rowNumber(let partition, let order):
            var window: [String] = []
            if !partition.isEmpty {
                window.append("PARTITION BY " + partition.map(render).joined(separator: ", "))
            }
            if !order.isEmpty {
                window.append("ORDER BY " + order.map(render).joined(separator: ", "))
            }
            return "ROW_NUMBER() OVER (" + window.joined(separator: " ") + ")"
        case .exists(let select):
            return "EXISTS " + nested(select)
        case .inSubquery(let operand, let select):
            return parenthesized(operand) + " IN " + nested(select)
        case .scalar(let select):
            return nested(select)
        case .caseWhen(let condition, let value, let otherwise):
            return "CASE WHEN " + render(condition) + " THEN " + render(value) + " ELSE " + render(otherwise) + " END"
        }
    }

    private func renderCreateTable(_ table: Table, ifNotExists: Bool, modifier: String?, temporary: Bool) -> String {
        var definitions = table.columns.map { column in
            let type = column.isIdentity ? dialect.identityColumnType(column.type) : dialect.typeName(column.type)
            let nullability = column.isNullable || column.isIdentity ? "" : " NOT NULL"
            return "    \(name(column.name)) \(type)\(nullability)"
        }
        // A staging table's keys serve only to pick one row per key on conflict; where rows are
        // picked by ROW_NUMBER() they would be indexes kept up for nothing. A temporary table's
        // key numbers its rows.
        if temporary || table.role != .staging || dialect.upsertStrategy.picking == .conditionalUpdateOnConflict {
            if !table.primaryKey.isEmpty {
                definitions.append("    PRIMARY KEY (\(names(table.primaryKey)))")
            }
            for unique in table.uniqueKeys {
                definitions.append("    UNIQUE (\(names(unique)))")
            }
        }
        let modifier = modifier.map { $0 + " " } ?? ""
        var sql = "CREATE \(modifier)TABLE \(ifNotExists ? "IF NOT EXISTS " : "")\(name(table.name)) (\n"
            + definitions.joined(separator: ",\n") + "\n)"
        if let attributes = dialect.tableAttributes(table) {
            sql += "\n" + attributes
        }
        return sql
    }

    private func renderInsert(_ insert: SQLInsert) -> String {
        var select = insert.select
        if insert.onConflict != nil, select.filter == nil {
            // Without a WHERE, SQLite reads `ON CONFLICT` after a FROM as a join's ON.
            select.filter = .binary(.integer(1), .equal, .integer(1))
        }
        var sql = "INSERT INTO \(name(insert.table)) (\(names(insert.columns)))\n" + render(select)
        switch insert.onConflict {
        case nil:
            break
        case .doNothing(let key):
            sql += "\nON CONFLICT (\(names(key))) DO NOTHING"
        case .update(let key):
            sql += "\nON CONFLICT (\(names(key))) DO UPDATE SET " + updates(insert.columns, key: key)
        case .updateWhere(let key, let condition):
            sql += "\nON CONFLICT (\(names(key))) DO UPDATE SET " + updates(insert.columns, key: key) + "\nWHERE " + render(condition)
        }
        return sql
    }

    /// `column = EXCLUDED.column` for every column outside the key.
    private func updates(_ columns: [String], key: [String]) -> String {
        columns.filter { !key.contains($0) }.map { "\(name($0)) = EXCLUDED.\(name($0))" }.joined(separator: ", ")
    }

    private func render(_ item: SQLSelect.Item) -> String {
        render(item.expression) + (item.alias.map { " AS " + name($0) } ?? "")
    }

    private func render(_ source: SQLSelect.Source) -> String {
        switch source {
        case .table(let table, let alias):
            name(table) + (alias.map { " AS " + name($0) } ?? "")
        case .subquery(let select, let alias):
            nested(select) + " AS " + name(alias)
        }
    }

    private func render(_ ordering: SQLOrdering) -> String {
        let placement = switch ordering.nulls {
        case .first: " NULLS FIRST"
        case .last: " NULLS LAST"
        case .neverNull: ""
        }
        return render(ordering.expression) + (ordering.isDescending ? " DESC" : " ASC") + placement
    }

    /// A subquery in parentheses, its lines indented one level.
    private func nested(_ select: SQLSelect) -> String {
        let body = render(select).split(separator: "\n", omittingEmptySubsequences: false)
            .map { "    " + $0 }.joined(separator: "\n")
        return "(\n" + body + "\n)"
    }

    /// An operand of a binary operator, in parentheses when it binds more loosely.
    private func operand(_ expression: SQLExpression, of op: SQLBinaryOperator, isRight: Bool) -> String {
        guard case .binary(_, let inner, _) = expression else { return render(expression) }
        let needsParentheses = inner.precedence < op.precedence
            || (inner.precedence == op.precedence && isRight && op != .and && op != .or)
        return needsParentheses ? "(" + render(expression) + ")" : render(expression)
    }

    /// An expression in parentheses unless it is a single term.
    private func parenthesized(_ expression: SQLExpression) -> String {
        switch expression {
        case .binary, .not, .isNull, .isNotNull, .inSubquery:
            "(" + render(expression) + ")"
        default:
            render(expression)
        }
    }

    private func name(_ identifier: String) -> String { dialect.quoteIdentifier(identifier) }

    private func names(_ identifiers: [String]) -> String { identifiers.map(name).joined(separator: ", ") }
}
