/// One step from staging into the star, described once and rendered by any dialect: the rows
/// to write into a table and what happens to rows whose key exists or repeats.
public struct Transform: Sendable {
    /// What happens to rows whose key (the target's primary key) exists or repeats.
    public enum Mode: Sendable, Hashable {
        /// Every row of the select is written.
        case append
        /// Every row of the select is written, with `column` (which the select leaves out)
        /// numbering the rows one after another in `order`, from one above `after` (a scalar
        /// subquery or a constant).
        case appendNumbered(column: String, after: SQLExpression, order: [SQLOrdering])
        /// Rows whose key the target already has are skipped, and so are repeats among the
        /// incoming rows: the rows are wholly determined by their key.
        case insertMissing
        /// One row per value of `key`, a unique key of the target: of rows sharing it, the
        /// first in `order`. The target is a staging table, empty before the transform, holding
        /// every column the order reads.
        case firstPerKey(key: [String], order: [SQLOrdering])
        /// Incoming rows, one per key, replace the target's rows with the same key; others stay.
        case replaceByKey
        /// One row per key of the target, which keeps rows across loads: of the target's row
        /// and the incoming rows with that key, the first in `order`. The target holds every
        /// column the order reads.
        case keepFirstPerKey(order: [SQLOrdering])
        /// The target's rows where `condition` holds are deleted; the select is not used.
        case removeWhere(SQLExpression)
    }

    /// The table written.
    public let target: Table
    /// The rows to write: the target's insertable columns (every column, if
    /// ``writesIdentity``), in order, named as them.
    public let select: SQLSelect
    /// What happens to rows whose key exists or repeats.
    public let mode: Mode
    /// Whether the rows carry the target's identity column: the loader numbers them itself.
    public let writesIdentity: Bool
    /// How reports name the step: the target's name, unless a second step writes it.
    public let name: String

    /// Creates a transform, named `name` in reports (by default, the target's name).
    public init(into target: Table, _ select: SQLSelect, mode: Mode, writesIdentity: Bool = false, named name: String? = nil) {
        self.target = target
        self.select = select
        self.mode = mode
        self.writesIdentity = writesIdentity
        self.name = name ?? target.name
    }

    /// A transform that deletes the target's rows where `condition` holds, named `name`.
    public init(removingFrom target: Table, where condition: SQLExpression, named name: String) {
        self.init(into: target, SQLSelect([]), mode: .removeWhere(condition), named: name)
    }

    /// The statements that carry out this transform in `dialect`, in order.
    public func statements(for dialect: any SQLDialect) -> [SQLStatement] {
        let columns = (writesIdentity ? target.columns : target.insertableColumns).map(\.name)
        let key = target.primaryKey
        func insert(_ select: SQLSelect, onConflict: SQLInsert.OnConflict? = nil) -> SQLStatement {
            .insert(SQLInsert(into: target.name, columns: columns, select: select, onConflict: onConflict))
        }
        let incoming = { (alias: String) in SQLSelect.Source.subquery(select, as: alias) }
        let strategy = dialect.upsertStrategy
        switch mode {
        case .append:
            return [insert(select)]

        case .appendNumbered(let column, let after, let order):
            let kept = (writesIdentity ? target.columns : target.insertableColumns).filter { $0.name != column }
            let others = kept.map(\.name)
            guard dialect.numbering == .insertionOrder else {
                var numbered = select
                numbered.items.append(.init(.binary(after, .plus, .rowNumber(partitionBy: [], orderBy: order)), as: column))
                return [.insert(SQLInsert(into: target.name, columns: others + [column], select: numbered))]
            }
            // The scratch table's key numbers the rows from 1 as they come, in order. Once the
            // connection has the temporary table, its name means it rather than any table of
            // the database's own, so emptying it can touch nothing else.
            let scratch = Table("\(target.name)_numbering", role: .staging,
                                columns: [Column("number", .bigInteger, nullable: false)] + kept, primaryKey: ["number"])
            var ordered = select
            ordered.orderBy = order
            let numbered = SQLSelect(others.map { .init(.column($0)) } + [.init(.binary(after, .plus, .column("number")))],
                                     from: .table(scratch.name), orderBy: scratch.keyOrder())
            return [
                .createTemporaryTable(scratch),
                .delete(from: scratch.name, where: nil),
                .insert(SQLInsert(into: scratch.name, columns: others, select: ordered)),
                .insert(SQLInsert(into: target.name, columns: others + [column], select: numbered)),
            ]

        case .insertMissing where strategy.skipping == .onConflictDoNothing:
            return [insert(select, onConflict: .doNothing(key: key))]
        case .insertMissing:
            let existing = SQLSelect([.init(.integer(1))], from: .table(target.name, as: "existing"), where: SQLExpression.all(key.map {
                SQLExpression.column($0, of: "existing").equals(.column($0, of: "incoming"))
            }))
            // In key order, so the target's key index grows at its end instead of all over.
            return [insert(SQLSelect(distinct: true, columns.map { .init(.column($0, of: "incoming")) }, from: incoming("incoming"),
                                     where: .not(.exists(existing)), orderBy: target.keyOrder(of: "incoming")))]

        case .firstPerKey(let unique, let order) where strategy.picking == .conditionalUpdateOnConflict:
            // Rows arrive in any order; a later row replaces the kept one when it comes first.
            let candidates = SQLSelect(columns.map { .init(.column($0)) }, from: incoming("candidates"))
            let precedes = SQLOrdering.precedes(order, incoming: "excluded", existing: target.name)
            return [insert(candidates, onConflict: .updateWhere(key: unique, condition: precedes))]
        case .firstPerKey(let unique, let order):
            let ranked = SQLSelect(
                columns.map { .init(.column($0)) } + [.init(.rowNumber(partitionBy: unique.map { .column($0) }, orderBy: order), as: "key_rank")],
                from: incoming("candidates")
            )
            return [insert(SQLSelect(columns.map { .init(.column($0)) }, from: .subquery(ranked, as: "ranked"),
                                     where: SQLExpression.column("key_rank").equals(.integer(1))))]

        case .replaceByKey where strategy.replacing == .onConflictDoUpdate:
            return [insert(select, onConflict: .update(key: key))]
        case .keepFirstPerKey(let order) where strategy.picking == .conditionalUpdateOnConflict:
            // The conflict keeps whichever of the target's row and each incoming row comes first.
            return Transform(into: target, select, mode: .firstPerKey(key: key, order: order), writesIdentity: writesIdentity)
                .statements(for: dialect)
        case .keepFirstPerKey(let order):
            // Rows the incoming ones come before go; then the first incoming row of each key
            // that has no row left is inserted.
            let sameKey = { (left: String, right: String) in
                SQLExpression.all(key.map { SQLExpression.column($0, of: left).equals(.column($0, of: right)) })!
            }
            let better = SQLSelect([.init(.integer(1))], from: incoming("incoming"), where: sameKey("incoming", target.name)
                .and(SQLOrdering.precedes(order, incoming: "incoming", existing: target.name)))
            let ranked = SQLSelect(
                columns.map { .init(.column($0)) } + [.init(.rowNumber(partitionBy: key.map { .column($0) }, orderBy: order), as: "key_rank")],
                from: incoming("candidates")
            )
            let kept = SQLSelect([.init(.integer(1))], from: .table(target.name, as: "existing"), where: sameKey("existing", "ranked"))
            return [
                .delete(from: target.name, where: .exists(better)),
                insert(SQLSelect(columns.map { .init(.column($0, of: "ranked")) }, from: .subquery(ranked, as: "ranked"),
                                 where: SQLExpression.column("key_rank", of: "ranked").equals(.integer(1)).and(.not(.exists(kept))))),
            ]

        case .removeWhere(let condition):
            return [.delete(from: target.name, where: condition)]

        case .replaceByKey:
            precondition(key.count == 1, "delete-then-insert replaces by a single-column key")
            let incomingKeys = SQLSelect([.init(.column(key[0]))], from: incoming("incoming"))
            return [.delete(from: target.name, where: .inSubquery(.column(key[0]), incomingKeys)), insert(select)]
        }
    }
}
