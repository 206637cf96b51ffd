import Core

/// Runs or dry-runs one job and prints what it did; every failure becomes a ``CommandFailure``.
struct JobRunner {
    let job: Job
    let options: WarehouseOptions
    let source: SourceOptions?
    let dryRun: Bool

    func run() throws {
        do {
            let (warehouse, dataSource) = try options.target(
                createsFile: job == .load || job == .createTables,
                folder: job.readsSource ? source?.sourceDirectory : nil
            )
            let pipeline = Pipeline(warehouse: warehouse, source: dataSource, maxErrors: source?.maxErrors ?? 0)
            if dryRun {
                print(try pipeline.dryRun(job).joined(separator: "\n\n"))
                return
            }
            defer { warehouse.close() }
            let report = try pipeline.run(job)
            report.rejected.forEach { SparkifyLoad.printError($0.description) }
            print(ReportPrinter(report: report, warehouse: warehouse.location, source: dataSource?.description).text)
            if !report.checksPassed {
                throw WarehouseError.checksFailed(report.checks)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(error)
        }
    }
}
