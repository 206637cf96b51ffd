import BackendRedshift
import Core
import Presentation

/// The text a run prints: what was loaded, how many rows, how long each part took.
struct ReportPrinter {
    let report: RunReport
    let warehouse: String
    let source: String?

    var text: String {
        switch report.job {
        case .load, .etl: loadText
        case .createTables: "Created \(StarSchema.allTables.count) tables in \(warehouse) in \(Self.format(report.totalTime))."
        case .check: checkText
        }
    }

    private var loadText: String {
        var lines = ["Loaded \(source ?? "") into \(warehouse) in \(Self.format(report.totalTime)).", ""]
        lines += Self.table(
            header: ["staging", "files", "size", "rows", "rejected", "discover", "read", "write"],
            rows: report.staging.map { staged in
                [staged.table, staged.files.map(String.init) ?? "", staged.bytes.map { NumberText.bytes(Int64($0)) } ?? "", String(staged.rows),
                 String(staged.rejected.count), Self.format(staged.discoverTime), Self.format(staged.readTime),
                 Self.format(staged.writeTime)]
            }
        )
        lines.append("")
        let tableRows = Dictionary(report.tableRows.map { ($0.table, $0.rows) }, uniquingKeysWith: { first, _ in first })
        lines += Self.table(
            header: ["transform", "written", "rows", "time"],
            rows: report.transforms.map { outcome in
                [outcome.table, String(outcome.rowsWritten), tableRows[outcome.table].map(String.init) ?? "",
                 Self.format(outcome.duration)]
            }
        )
        lines.append("")
        var summary = "Setup \(Self.format(report.setupTime))"
        if !report.checks.isEmpty {
            let passed = report.checks.filter(\.passed).count
            summary += "; checks: \(passed) of \(report.checks.count) passed in \(Self.format(report.checkTime))"
        }
        lines.append(summary + ".")
        return lines.joined(separator: "\n")
    }

    private var checkText: String {
        var lines = ["Checked \(warehouse):"]
        for result in report.checks {
            let detail = result.check.countsRows ? " (\(result.count) rows)" : result.passed ? "" : " (found \(result.count))"
            lines.append("  \(result.passed ? "ok  " : "FAIL")  \(result.check.table): \(result.check.name)\(detail)")
        }
        let passed = report.checks.filter(\.passed).count
        lines.append("\(passed) of \(report.checks.count) checks passed in \(Self.format(report.checkTime)).")
        return lines.joined(separator: "\n")
    }

    /// One line on an upload: `Uploaded 3 of 14 files to s3://bucket/prefix/ (11 already there;
    /// 2.9 kB sent) and 2 of 2 files for COPY, in 0.4 s.`
    static func text(of upload: RedshiftUploadReport) -> String {
        let skipped = upload.files - upload.filesUploaded
        let sent = upload.filesUploaded > 0 ? "; \(NumberText.bytes(upload.bytesUploaded)) sent" : ""
        return "Uploaded \(upload.filesUploaded) of \(upload.files) files to \(upload.destination) (\(skipped) already there\(sent))"
            + " and \(upload.copyFilesUploaded) of \(upload.copyFiles) files for COPY, in \(format(upload.duration))."
    }

    /// Columns padded to their widest cell: the first aligned left, the others right.
    static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }

    /// `0.4 ms`, `12 ms`, `1.25 s`.
    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds >= 1 { return "\(rounded(seconds, places: 2)) s" }
        let milliseconds = seconds * 1000
        return milliseconds >= 10 ? "\(Int(milliseconds.rounded())) ms" : "\(rounded(milliseconds, places: 1)) ms"
    }

    private static func rounded(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let fraction = String(scaled % Int(scale))
        return "\(scaled / Int(scale)).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }
}
