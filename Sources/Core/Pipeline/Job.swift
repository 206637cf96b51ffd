/// What a run of the pipeline does.
public enum Job: String, Sendable, Hashable, CaseIterable {
    /// Create missing tables, empty staging, stage, transform, check: the whole load, in one
    /// transaction.
    case load
    /// Drop every table and create it again, empty.
    case createTables
    /// Empty staging, stage and transform into tables that already exist, in one transaction.
    case etl
    /// Run the data-quality checks on the star.
    case check

    /// The steps of the job, in order.
    public var steps: [LoadStep] {
        switch self {
        case .load:
            [.configureLoad] + StarSchema.allTables.map { .createTable($0, ifNotExists: true) } + Self.etlSteps
                + QualityChecks.all.map(LoadStep.check)
        case .createTables:
            StarSchema.allTables.reversed().map(LoadStep.dropTable)
                + StarSchema.allTables.map { .createTable($0, ifNotExists: false) }
        case .etl:
            [.configureLoad] + Self.etlSteps
        case .check:
            QualityChecks.all.map(LoadStep.check)
        }
    }

    /// Whether the job reads raw data.
    public var readsSource: Bool { self == .load || self == .etl }

    private static let etlSteps: [LoadStep] =
        StarSchema.stagingTables.map(LoadStep.emptyTable)
            + [Dataset.songs, Dataset.events].map(LoadStep.stage)
            + [StarSchema.stagingSongs, StarSchema.stagingEvents].map(LoadStep.analyze)
            + StarTransforms.all.map(LoadStep.transform)
}
