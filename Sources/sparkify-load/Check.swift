import ArgumentParser
import Core

/// `sparkify-load check`: the data-quality checks.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the star schema: every table has rows, every songplay's user is in users, and (on Redshift, which does not enforce keys) no key is NULL or repeated."
    )

    @OptionGroup var warehouse: WarehouseOptions
    @OptionGroup var options: DryRunOption

    func validate() throws {
        try warehouse.validate(source: nil)
    }

    func run() throws {
        try JobRunner(job: .check, options: warehouse, source: nil, dryRun: options.dryRun, progress: nil).run()
    }
}
