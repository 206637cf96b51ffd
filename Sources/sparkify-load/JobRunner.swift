import Core

/// Runs or dry-runs one job and prints what it did; every failure becomes a ``CommandFailure``.
struct JobRunner {
    let job: Job
    let warehouse: any Warehouse
    let dryRun: Bool

    /// Runs the job, reading the folder `sourceOptions` name when the job stages.
    func run(_ sourceOptions: SourceOptions? = nil) throws {
        do {
            let source = try sourceOptions?.source()
            let pipeline = Pipeline(warehouse: warehouse, source: source, maxErrors: sourceOptions?.maxErrors ?? 0)
            if dryRun {
                print(try pipeline.dryRun(job).joined(separator: "\n\n"))
                return
            }
            defer { warehouse.close() }
            let report = try pipeline.run(job)
            report.rejected.forEach { SparkifyLoad.printError($0.description) }
            print(ReportPrinter(report: report, warehouse: warehouse.location, source: source?.description).text)
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
