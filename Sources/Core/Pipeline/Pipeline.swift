/// Runs a ``Job`` against a ``Warehouse``: the steps in order, the load in one transaction.
public struct Pipeline {
    /// The warehouse loaded.
    public let warehouse: any Warehouse
    /// What fills the staging tables; needed by jobs that read raw data.
    public let stager: (any Stager)?

    /// A pipeline into `warehouse`, staged by `stager`.
    public init(warehouse: any Warehouse, stager: (any Stager)? = nil) {
        self.warehouse = warehouse
        self.stager = stager
    }

    /// Every statement `job` would run, each ending in `;`, without connecting.
    public func dryRun(_ job: Job) throws -> [String] {
        let renderer = SQLRenderer(dialect: warehouse.dialect)
        return try job.steps.flatMap { step in
            if case .stage(let dataset) = step {
                return try requiredStager.stagingStatements(dataset)
            }
            return step.statements(for: warehouse.dialect)!.map(renderer.render)
        }.map { $0 + ";" }
    }

    /// Runs `job`. Loads run in one transaction: if staging rejects too many records, a
    /// statement fails or a check fails, the warehouse is left exactly as it was.
    @discardableResult
    public func run(_ job: Job) throws -> RunReport {
        let clock = ContinuousClock()
        let start = clock.now
        try warehouse.open()
        var report = RunReport(job: job)
        switch job {
        case .check:
            let missing = try missingTables(StarSchema.starTables)
            guard missing.isEmpty else { throw WarehouseError.noStarSchema(location: warehouse.location, missing: missing) }
            try perform(job.steps, into: &report)
        case .etl:
            let missing = try missingTables(StarSchema.allTables)
            guard missing.isEmpty else { throw WarehouseError.missingTables(location: warehouse.location, tables: missing) }
            do {
                try warehouse.transaction { try perform(job.steps, into: &report) }
            } catch {
                throw stager?.explainFailure(error) ?? error
            }
        case .load, .createTables:
            do {
                try warehouse.transaction {
                    try perform(job.steps, into: &report)
                    guard report.checksPassed else { throw WarehouseError.checksFailed(report.checks) }
                }
            } catch {
                throw stager?.explainFailure(error) ?? error
            }
        }
        report.totalTime = clock.now - start
        return report
    }

    /// The names of those of `tables` the warehouse lacks.
    private func missingTables(_ tables: [Table]) throws -> [String] {
        let existing = try warehouse.existingTables()
        return tables.map(\.name).filter { !existing.contains($0) }
    }

    private func perform(_ steps: [LoadStep], into report: inout RunReport) throws {
        let renderer = SQLRenderer(dialect: warehouse.dialect)
        let clock = ContinuousClock()
        for step in steps {
            try LoadInterruption.shared.check()
            let start = clock.now
            switch step {
            case .stage(let dataset):
                report.staging.append(try requiredStager.stage(dataset))
            case .transform(let transform):
                var written = 0
                for statement in transform.statements(for: warehouse.dialect) {
                    written = try warehouse.execute(renderer.render(statement))
                }
                if transform.target.role == .staging {
                    // Engines count an intermediate's upserts differently; report what it holds.
                    let count = SQLSelect([.init(.countRows)], from: .table(transform.target.name))
                    written = Int(try warehouse.queryInteger(renderer.render(.select(count))))
                }
                report.transforms.append(.init(table: transform.target.name, rowsWritten: written, duration: clock.now - start))
            case .check(let check):
                for statement in step.statements(for: warehouse.dialect)! {
                    let count = try warehouse.queryInteger(renderer.render(statement))
                    report.checks.append(CheckResult(check: check, count: count))
                }
                report.checkTime += clock.now - start
            case .configureLoad, .dropTable, .createTable, .emptyTable, .analyze:
                for statement in step.statements(for: warehouse.dialect)! {
                    try warehouse.execute(renderer.render(statement))
                }
                report.setupTime += clock.now - start
            }
        }
    }

    private var requiredStager: any Stager {
        guard let stager else { preconditionFailure("a job that stages needs a stager") }
        return stager
    }
}
