/// One step of a ``Job``. Running and dry-running walk the same steps, so a dry run prints
/// exactly what a run executes.
public enum LoadStep: Sendable {
    /// Apply the dialect's settings for a load's transaction.
    case configureLoad
    /// Drop a table if it exists.
    case dropTable(Table)
    /// Create a table and the indexes it needs.
    case createTable(Table, ifNotExists: Bool)
    /// Delete every row of a table.
    case emptyTable(Table)
    /// Stage a dataset from the source into its staging table.
    case stage(Dataset)
    /// Refresh the planner's statistics of a freshly staged table, where the dialect wants it.
    case analyze(Table)
    /// Run a transform into the star.
    case transform(Transform)
    /// Run a data-quality check, unless the dialect's keys already guarantee it.
    case check(QualityCheck)

    /// The step's statements in `dialect`; `nil` for staging, which the warehouse carries out.
    public func statements(for dialect: any SQLDialect) -> [SQLStatement]? {
        switch self {
        case .configureLoad:
            dialect.loadSettings.map { .setLocal(name: $0.name, value: $0.value) }
        case .dropTable(let table):
            [.dropTable(table.name)]
        case .createTable(let table, let ifNotExists):
            [.createTable(table, ifNotExists: ifNotExists)]
                + (dialect.joinsByIndexLookups ? table.indexes.map { .createIndex($0, on: table.name) } : [])
        case .emptyTable(let table):
            [dialect.truncatesInTransactions ? .truncate(table.name) : .delete(from: table.name, where: nil)]
        case .stage:
            nil
        case .analyze(let table):
            dialect.analyzesStagedTables ? [.analyze(table.name)] : []
        case .transform(let transform):
            transform.statements(for: dialect)
        case .check(let check):
            check.runs(in: dialect) ? [.select(check.query)] : []
        }
    }
}
