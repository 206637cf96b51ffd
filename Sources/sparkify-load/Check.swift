import ArgumentParser
import Core

/// `sparkify-load check`: the data-quality checks.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the star schema: every table has rows, no NULL or duplicate keys, every songplay's user is in users."
    )

    @OptionGroup var warehouse: WarehouseOptions
    @OptionGroup var options: DryRunOption

    func run() throws {
        try JobRunner(job: .check, options: warehouse, source: nil, dryRun: options.dryRun).run()
    }
}
