/// One step from staging into the star, described once and rendered by any dialect: the rows
/// to write into a table and what happens to rows already there.
public struct Transform: Sendable {
    /// What happens to the target's existing rows.
    public enum Mode: Sendable, Hashable {
        /// The select yields only rows the target lacks; nothing already there changes.
        case appendNew
        /// Incoming rows replace the rows with the same primary key; others stay.
        case replaceByKey
    }

    /// The table written.
    public let target: Table
    /// The rows to write: the target's insertable columns, in order.
    public let select: SQLSelect
    /// How the rows meet the target's existing rows.
    public let mode: Mode

    /// Creates a transform.
    public init(into target: Table, _ select: SQLSelect, mode: Mode) {
        self.target = target
        self.select = select
        self.mode = mode
    }

    /// The statements that carry out this transform in `dialect`, in order.
    public func statements(for dialect: any SQLDialect) -> [SQLStatement] {
        let columns = target.insertableColumns.map(\.name)
        switch (mode, dialect.upsertStrategy) {
        case (.appendNew, _):
            return [.insert(SQLInsert(into: target.name, columns: columns, select: select))]
        case (.replaceByKey, .onConflictUpdate):
            return [.insert(SQLInsert(into: target.name, columns: columns, select: select, updatingOnConflictWith: target.primaryKey))]
        case (.replaceByKey, .deleteThenInsert):
            precondition(target.primaryKey.count == 1, "delete-then-insert replaces by a single-column key")
            let key = target.primaryKey[0]
            let incomingKeys = SQLSelect([.init(.column(key))], from: .subquery(select, as: "incoming"))
            return [
                .delete(from: target.name, where: .inSubquery(.column(key), incomingKeys)),
                .insert(SQLInsert(into: target.name, columns: columns, select: select)),
            ]
        }
    }
}
