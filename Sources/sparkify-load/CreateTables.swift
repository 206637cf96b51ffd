import ArgumentParser
import Core

/// `sparkify-load create-tables`: drop and recreate every table.
struct CreateTables: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drop every table of the warehouse and create it again, empty."
    )

    @OptionGroup var warehouse: WarehouseOptions
    @OptionGroup var options: DryRunOption

    func validate() throws {
        try warehouse.validate(source: nil)
    }

    func run() throws {
        try JobRunner(job: .createTables, options: warehouse, source: nil, dryRun: options.dryRun, progress: nil).run()
    }
}
