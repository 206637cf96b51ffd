import ArgumentParser
import Core

/// `sparkify-load load`: the whole load, the default subcommand.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create missing tables, stage <source-dir>, transform it into the star schema and check it, in one transaction (the default)."
    )

    @OptionGroup var warehouse: WarehouseOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var options: DryRunOption

    func run() throws {
        try JobRunner(job: .load, warehouse: warehouse.warehouse(createsFile: true), dryRun: options.dryRun)
            .run(source)
    }
}
