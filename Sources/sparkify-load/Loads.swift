import ArgumentParser
import Core
import Foundation

/// `sparkify-load loads`: the history of loads, newest first.
struct Loads: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the loads recorded in the warehouse, newest first, failed ones included."
    )

    @OptionGroup var warehouse: WarehouseOptions

    @Option(help: ArgumentHelp("Show only the newest n loads.", valueName: "n"))
    var last: Int?

    @Flag(help: "Print a JSON array of objects, newest first, for scripts.")
    var json = false

    func validate() throws {
        try warehouse.validate(source: nil)
        if let last, last < 1 { throw ValidationError("--last must be 1 or more, not \(last)") }
    }

    func run() throws {
        let entries: [LoadHistory.Entry]
        do {
            let target = try warehouse.target(createsFile: false, source: nil).warehouse
            defer { target.close() }
            try target.open()
            entries = Array(try LoadHistory.entries(in: target).prefix(last ?? Int.max))
        } catch {
            throw CommandFailure(error)
        }
        SparkifyLoad.printOutput(json ? try Self.json(entries) : Self.table(entries))
    }

    /// Aligned columns, one load a line, the error of a failed one after it.
    static func table(_ entries: [LoadHistory.Entry]) -> String {
        guard !entries.isEmpty else { return "No loads recorded." }
        let events = StarSchema.stagingEvents.name
        let rows = entries.map { entry in
            [String(entry.loadID), entry.status, entry.startedAt, entry.finishedAt,
             entry.records[events].map(String.init) ?? "", entry.rejected[events].map(String.init) ?? "",
             entry.rowsWritten[StarSchema.songplays.name].map(String.init) ?? "", entry.source]
        }
        var lines = ReportPrinter.table(header: ["load", "status", "started (UTC)", "finished (UTC)", "events", "rejected",
                                                 "songplays", "source"], rows: rows)
        for (index, entry) in entries.enumerated() {
            if let error = entry.error { lines[index + 1] += "\n      error: \(error)" }
        }
        return lines.joined(separator: "\n")
    }

    /// A JSON array of the entries, each an object with sorted keys.
    static func json(_ entries: [LoadHistory.Entry]) throws -> String {
        let objects: [[String: Any]] = entries.map { entry in
            [
                "load_id": entry.loadID, "status": entry.status, "error": entry.error ?? NSNull(),
                "started_at": entry.startedAt, "finished_at": entry.finishedAt, "backend": entry.backend,
                "source": entry.source, "tool_version": entry.toolVersion, "files": entry.files,
                "records_read": entry.records, "rejected": entry.rejected, "rows_written": entry.rowsWritten,
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
