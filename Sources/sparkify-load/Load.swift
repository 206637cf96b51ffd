import ArgumentParser
import Core
import Foundation

/// `sparkify-load load`: the whole load, the default subcommand.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create missing tables, stage <source-dir>, transform it into the star schema and check it, in one transaction (the default)."
    )

    @OptionGroup var warehouse: WarehouseOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var options: DryRunOption
    @OptionGroup var display: ProgressOptions

    /// The arguments and options sections of this command's help, titled as the load's, for
    /// the root command's help: running with no subcommand runs this one.
    static var argumentsHelp: String {
        let help = helpMessage(columns: 80)
        guard let start = help.range(of: "ARGUMENTS:") else { return help }
        return help[start.lowerBound...]
            .replacingOccurrences(of: "ARGUMENTS:", with: "LOAD ARGUMENTS:")
            .replacingOccurrences(of: "\nOPTIONS:", with: "\nLOAD OPTIONS:")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("--help") }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func validate() throws {
        try source.validate(for: warehouse.backend)
        try warehouse.validate(source: source)
    }

    func run() throws {
        try JobRunner(job: .load, options: warehouse, source: source, dryRun: options.dryRun, progress: display.line()).run()
    }
}
