import Foundation

/// Runs a ``Job`` against a ``Warehouse``: the steps in order, the load in one transaction.
public struct Pipeline {
    /// The warehouse loaded.
    public let warehouse: any Warehouse
    /// What fills the staging tables; needed by jobs that read raw data.
    public let stager: (any Stager)?
    /// The backend and the loader's version, as the `loads` table records them.
    public let backend: String, toolVersion: String
    /// What shows the job's progress, if anything does.
    public var progress: (any ProgressObserver)?

    /// A pipeline into `warehouse`, staged by `stager`; its loads are recorded as made by
    /// `backend` with the loader at `toolVersion`.
    public init(warehouse: any Warehouse, stager: (any Stager)? = nil, backend: String = "", toolVersion: String = "") {
        self.warehouse = warehouse
        self.stager = stager
        self.backend = backend
        self.toolVersion = toolVersion
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
            let missing = missingTables(StarSchema.starTables, in: try warehouse.existingColumns())
            guard missing.isEmpty else { throw WarehouseError.noStarSchema(location: warehouse.location, missing: missing) }
            try perform(job.steps, into: &report)
        case .etl:
            let existing = try warehouse.existingColumns()
            let missing = missingTables(StarSchema.allTables, in: existing)
            guard missing.isEmpty else { throw WarehouseError.missingTables(location: warehouse.location, tables: missing) }
            try requireCurrentColumns(in: existing)
            try recorded(job, into: &report)
        case .load:
            try requireCurrentColumns(in: try warehouse.existingColumns())
            try recorded(job, into: &report)
        case .createTables:
            try warehouse.transaction { try perform(job.steps, into: &report) }
        }
        report.totalTime = clock.now - start
        return report
    }

    /// Runs a job that loads data in one transaction, recording it in `loads`: inside the
    /// transaction when it commits; after the rollback, as failed, when it does not.
    private func recorded(_ job: Job, into report: inout RunReport) throws {
        let started = Date()
        let renderer = SQLRenderer(dialect: warehouse.dialect)
        do {
            try warehouse.transaction {
                try perform(job.steps, into: &report)
                guard report.checksPassed else { throw WarehouseError.checksFailed(report.checks) }
                try warehouse.execute(renderer.render(record(of: report, started: started, error: nil).statement()))
            }
        } catch {
            let explained = stager?.explainFailure(error) ?? error
            // A warehouse whose tables the failed load was to create has nowhere to record it.
            if (try? warehouse.existingTables().contains(StarSchema.loads.name)) == true {
                var failed = record(of: report, started: started, error: MessageText.escaping("\(explained)"))
                if case StagingError.tooManyRejections(let table, _, let rejected) = explained {
                    failed.staging.append(StagingReport(table: table, files: nil, bytes: nil, rows: 0, rejected: rejected,
                                                        discoverTime: .zero, readTime: .zero, writeTime: .zero))
                }
                _ = try? warehouse.execute(renderer.render(failed.statement()))
            }
            throw explained
        }
    }

    /// The record of a load that started at `started` and ends now, with `error` if it failed.
    private func record(of report: RunReport, started: Date, error: String?) -> LoadRecord {
        var written: [String: Int] = [:]
        for outcome in report.transforms where StarSchema.starTables.contains(where: { $0.name == outcome.table }) {
            written[outcome.table] = outcome.rowsWritten
        }
        return LoadRecord(
            startedAt: LoadRecord.timestamp(started), finishedAt: LoadRecord.timestamp(Date()),
            status: error == nil ? .loaded : .failed, error: error, backend: backend, source: stager?.source ?? "",
            toolVersion: toolVersion, staging: report.staging, written: written
        )
    }

    /// Throws ``WarehouseError/outdatedTables(location:missingColumns:)`` when a table the
    /// load writes is among `existing` (the warehouse's tables and their columns) without a
    /// column it needs, before the load begins: such a table was made by an older version of
    /// the loader, and the load would fail half-way.
    private func requireCurrentColumns(in existing: [String: Set<String>]) throws {
        var missing: [String] = []
        for table in StarSchema.allTables {
            guard let columns = existing[table.name] else { continue }
            missing += table.columnNames.filter { !columns.contains($0) }.map { "\(table.name).\($0)" }
        }
        guard missing.isEmpty else { throw WarehouseError.outdatedTables(location: warehouse.location, missingColumns: missing) }
    }

    /// The names of those of `tables` that are not among `existing`.
    private func missingTables(_ tables: [Table], in existing: [String: Set<String>]) -> [String] {
        tables.map(\.name).filter { existing[$0] == nil }
    }

    private func perform(_ steps: [LoadStep], into report: inout RunReport) throws {
        let renderer = SQLRenderer(dialect: warehouse.dialect)
        let clock = ContinuousClock()
        defer { progress?.finished() }
        for step in steps {
            try LoadInterruption.shared.check()
            let start = clock.now
            switch step {
            case .stage(let dataset):
                progress?.stagingBegan(dataset.stagingTable.name)
                report.staging.append(try requiredStager.stage(dataset))
            case .transform(let transform):
                progress?.stepBegan("transform \(transform.name)")
                var written = 0
                for statement in transform.statements(for: warehouse.dialect) {
                    written = try warehouse.execute(renderer.render(statement))
                }
                if transform.target.role == .staging {
                    // Engines count an intermediate's upserts differently; report what it holds.
                    let count = SQLSelect([.init(.countRows)], from: .table(transform.target.name))
                    written = Int(try warehouse.queryInteger(renderer.render(.select(count))))
                }
                report.transforms.append(.init(table: transform.name, rowsWritten: written, duration: clock.now - start))
            case .check(let check):
                if let dataset = check.fedBy, report.job.readsSource,
                   report.staging.first(where: { $0.table == dataset.stagingTable.name })?.rows == 0 {
                    continue
                }
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
