import BackendRedshift
import Core
import Presentation

/// Runs or dry-runs one job and prints what it did; every failure becomes a ``CommandFailure``.
struct JobRunner {
    let job: Job
    let options: WarehouseOptions
    let source: SourceOptions?
    let dryRun: Bool
    /// The live progress line of a load, if it shows one.
    let progress: ProgressLine?

    func run() throws {
        do {
            let (warehouse, stager) = try options.target(
                createsFile: job == .load || job == .createTables,
                source: job.readsSource ? source : nil,
                dryRun: dryRun,
                progress: progress
            )
            var pipeline = Pipeline(warehouse: warehouse, stager: stager, backend: options.backend.rawValue,
                                    toolVersion: SparkifyLoad.configuration.version)
            pipeline.progress = progress
            if dryRun {
                SparkifyLoad.printOutput(try pipeline.dryRun(job).joined(separator: "\n\n"))
                return
            }
            // `interrupt()` is safe from any thread, as the protocol requires.
            nonisolated(unsafe) let interruptible = warehouse
            let signals = SignalGuard { interruptible.interrupt() }
            let report: RunReport
            do {
                defer { warehouse.close() }
                // S3 is asked, and files go up, before the load's transaction begins, so that
                // none stays open meanwhile.
                if let copy = stager as? RedshiftCopyStager, let warning = try copy.discoverRegions() {
                    SparkifyLoad.printError("warning: \(warning)")
                }
                if let upload = stager as? RedshiftUploadStager {
                    SparkifyLoad.printOutput(ReportPrinter.text(of: try upload.upload()))
                }
                report = try pipeline.run(job)
            } catch {
                if let signal = signals.receivedSignal { throw CommandFailure(interruptedBy: signal, job: job) }
                throw error
            }
            report.rejected.forEach { SparkifyLoad.printError($0.description) }
            SparkifyLoad.printOutput(ReportPrinter(report: report, warehouse: warehouse.location, source: stager?.source).text)
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
