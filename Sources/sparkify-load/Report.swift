import ArgumentParser
import Core
import Foundation
import Presentation

/// `sparkify-load report`: what users are listening to, from the star.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what users listen to: totals, top songs, artists, locations, user agents and users, plays by hour, weekday and day, and plans; as text, JSON or an HTML page with charts."
    )

    @OptionGroup var warehouse: WarehouseOptions

    @Option(help: ArgumentHelp("Rows in each top list.", valueName: "n"))
    var top = 10

    @Option(help: ArgumentHelp("The first day of plays to report (UTC, inclusive).", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("The last day of plays to report (UTC, inclusive).", valueName: "YYYY-MM-DD"))
    var to: String?

    @Flag(help: "Print one JSON object, for scripts.")
    var json = false

    @Option(help: ArgumentHelp("Write a self-contained HTML page with charts to this file.", valueName: "file"))
    var html: String?

    @Flag(help: "Plain ASCII text, whatever the locale.")
    var ascii = false

    /// Exit status for a range with no plays (EX_NOINPUT).
    static let nothingToReport: Int32 = 66

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be 1 or more, not \(top)") }
        for (option, day) in [("--from", from), ("--to", to)] {
            if let day, day.wholeMatch(of: /\d{4}-\d\d-\d\d/) == nil || Self.date(day) == nil {
                throw ValidationError("\(option) takes a day as YYYY-MM-DD, not \(day)")
            }
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if json, html != nil { throw ValidationError("--json and --html are exclusive") }
    }

    func run() throws {
        let report: WarehouseReport?
        let location: String
        do {
            let target = try warehouse.target(createsFile: false, source: nil).warehouse
            defer { target.close() }
            try target.open()
            location = target.location
            let missing = StarSchema.starTables.map(\.name).filter { !((try? target.existingTables())?.contains($0) ?? false) }
            guard missing.isEmpty else { throw WarehouseError.noStarSchema(location: target.location, missing: missing) }
            report = try ReportQueries(from: from, to: to, top: top).read(from: target)
        } catch {
            throw CommandFailure(error)
        }
        guard let report else {
            let range = from == nil && to == nil ? "" : " from \(from ?? "the first play") to \(to ?? "the last play")"
            throw CommandFailure(message: "\(location) has no plays\(range): nothing to report", status: Self.nothingToReport)
        }
        if let html {
            do {
                try ReportPage(report).html.write(to: URL(fileURLWithPath: html), atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure(message: "\(html): cannot write the page: \(StagingError.describe(error))", status: 1)
            }
            SparkifyLoad.printOutput("Wrote the report of \(report.totals.plays) plays to \(html).")
        } else if json {
            FileHandle.standardOutput.write(Data(ReportJSON(report).text.utf8))
        } else {
            let plain = ascii || !TerminalLocale.isUTF8(environment: ProcessInfo.processInfo.environment)
            SparkifyLoad.printOutput(ReportText(report, ascii: plain).text)
        }
    }

    /// The day, if the text names a real one.
    private static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.isLenient = false
        return formatter.date(from: text)
    }
}
