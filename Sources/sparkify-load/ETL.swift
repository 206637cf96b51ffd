import ArgumentParser
import Core

/// `sparkify-load etl`: stage and transform into tables that exist.
struct ETL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etl",
        abstract: "Stage <source-dir> and transform it into the existing star schema, in one transaction, without checks."
    )

    @OptionGroup var warehouse: WarehouseOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var options: DryRunOption
    @OptionGroup var display: ProgressOptions

    func validate() throws {
        try source.validate(for: warehouse.backend)
        try warehouse.validate(source: source)
    }

    func run() throws {
        try JobRunner(job: .etl, options: warehouse, source: source, dryRun: options.dryRun, progress: display.line()).run()
    }
}
