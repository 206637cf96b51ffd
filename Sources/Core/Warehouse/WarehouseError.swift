/// Failures of the pipeline that are not the engine's own errors.
public enum WarehouseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Tables the job needs are missing: the warehouse was never created.
    case missingTables(location: String, tables: [String])
    /// The warehouse holds no star schema to check.
    case noStarSchema(location: String, missing: [String])
    /// A query meant to yield one integer yielded something else.
    case unexpectedResult(sql: String)
    /// Data-quality checks failed; the load was rolled back.
    case checksFailed([CheckResult])
    /// The warehouse cannot read this kind of source.
    case unsupportedSource(warehouse: String, source: String)
    /// The warehouse's server could not be reached or refused the connection.
    case cannotConnect(location: String, reason: String)
    /// Tables the job writes exist without columns it needs, each named `table.column`: an
    /// older version of the loader made them.
    case outdatedTables(location: String, missingColumns: [String])

    /// One line saying what went wrong.
    public var description: String {
        switch self {
        case .missingTables(let location, let tables):
            "\(location) has no \(tables.joined(separator: ", ")): run `sparkify-load create-tables` first"
        case .noStarSchema(let location, let missing):
            "\(location) holds no star schema (no \(missing.joined(separator: ", "))): load data into it with "
                + "`sparkify-load SOURCE_DIR`, or create empty tables with `sparkify-load create-tables`"
        case .unexpectedResult(let sql):
            "expected one integer from: \(sql)"
        case .checksFailed(let results):
            "data-quality checks failed: "
                + results.filter { !$0.passed }.map { "\($0.check.table): \($0.check.name) (found \($0.count))" }.joined(separator: "; ")
        case .unsupportedSource(let warehouse, let source):
            "\(warehouse) cannot load from \(source)"
        case .cannotConnect(let location, let reason):
            "cannot connect to \(location): \(reason)"
        case .outdatedTables(let location, let missing):
            "\(location) was made by an older sparkify-load: its tables lack "
                + (missing.count > 5 ? missing.prefix(4).joined(separator: ", ") + " and \(missing.count - 4) more columns"
                                     : missing.joined(separator: ", "))
                + "; `sparkify-load create-tables` makes every table afresh, empty; then load all of the data again"
        }
    }
}
