/// How to fill each column of a staging table from a JSON object: the object's top-level keys
/// that matter (the heads), and for each column, its head and the rest of its path.
struct StagingPlan {
    /// How one column is filled.
    struct Rule {
        /// The column filled.
        let column: Column
        /// The index of the top-level key the column's value starts from.
        let head: Int
        /// The path below that key; empty for most columns.
        let rest: [JSONPath.Component]
        /// How messages name the value: the key in quotes, or the JSONPath.
        let source: String
    }

    /// The top-level keys, as UTF-8, that some column reads.
    let keys: [[UInt8]]
    /// One rule per column of the table, in column order.
    let rules: [Rule]
    /// Each rule's head, type and whether it has a rest, apart, so the per-row loop reads plain
    /// values instead of copying rules.
    let heads: [Int]
    let types: [ColumnType]
    let hasRest: [Bool]
    let checks: [ValueCheck?]

    /// The plan for staging `table` in `format`.
    init(table: Table, format: StagingFormat) {
        var heads: [[UInt8]] = []
        var rules: [Rule] = []
        func headIndex(_ key: String) -> Int {
            let bytes = Array(key.utf8)
            if let index = heads.firstIndex(of: bytes) { return index }
            heads.append(bytes)
            return heads.count - 1
        }
        switch format {
        case .auto:
            for column in table.columns {
                rules.append(Rule(column: column, head: headIndex(column.name), rest: [], source: "\"\(column.name)\""))
            }
        case .jsonPaths(let paths):
            precondition(paths.count == table.columns.count, "one path per column")
            for (column, path) in zip(table.columns, paths) {
                guard case .key(let key) = path.components[0] else {
                    preconditionFailure("a record is an object: its paths start with a key")
                }
                let source = path.components.count == 1 ? "\"\(key)\"" : path.description
                rules.append(Rule(column: column, head: headIndex(key), rest: Array(path.components.dropFirst()), source: source))
            }
        }
        self.keys = heads
        self.rules = rules
        self.heads = rules.map(\.head)
        self.types = rules.map(\.column.type)
        self.hasRest = rules.map { !$0.rest.isEmpty }
        self.checks = rules.map(\.column.check)
    }
}
