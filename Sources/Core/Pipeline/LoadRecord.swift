import Foundation

/// One row of the `loads` table: when a load ran, from where, what it read and wrote, and
/// whether it was loaded or failed (with the one-line error).
public struct LoadRecord: Sendable {
    /// How the load ended.
    public enum Status: String, Sendable {
        /// Committed.
        case loaded
        /// Rolled back; its star changes are gone, this record stays.
        case failed
    }

    /// When the load started and finished, UTC `YYYY-MM-DD HH:MM:SS.SSS`.
    public var startedAt: String, finishedAt: String
    /// How it ended.
    public var status: Status
    /// The one-line error of a failed load.
    public var error: String?
    /// The backend, such as `sqlite`.
    public var backend: String
    /// Where the data came from, with no secret in it.
    public var source: String
    /// The loader's version.
    public var toolVersion: String
    /// What staging read, per staging table.
    public var staging: [StagingReport]
    /// Rows written per star table.
    public var written: [String: Int]

    /// The statement that records the load under the next `load_id`.
    func statement() -> SQLStatement {
        func count(_ table: Table, _ value: (StagingReport) -> Int?) -> SQLExpression {
            staging.first { $0.table == table.name }.flatMap(value).map { .integer(Int64($0)) } ?? .null
        }
        // A table whose staging stopped at too many rejections read an unknown number.
        func read(_ report: StagingReport) -> Int? {
            report.files == nil && report.rows == 0 ? nil : report.rows + report.rejected.count
        }
        func rows(_ table: Table) -> SQLExpression {
            written[table.name].map { .integer(Int64($0)) } ?? .null
        }
        let values: [SQLExpression] = [
            .scalar(Self.nextLoadID),
            .cast(.text(startedAt), .timestamp), .cast(.text(finishedAt), .timestamp),
            .text(status.rawValue), error.map(SQLExpression.text) ?? .null,
            .text(backend), .text(source), .text(toolVersion),
            count(StarSchema.stagingSongs, \.files), count(StarSchema.stagingSongs, read),
            count(StarSchema.stagingSongs) { $0.rejected.count },
            count(StarSchema.stagingEvents, \.files), count(StarSchema.stagingEvents, read),
            count(StarSchema.stagingEvents) { $0.rejected.count },
            rows(StarSchema.songplays), rows(StarSchema.users), rows(StarSchema.songs), rows(StarSchema.artists), rows(StarSchema.time),
        ]
        let columns = StarSchema.loads.columnNames
        precondition(values.count == columns.count, "one value per column of loads")
        return .insert(SQLInsert(into: StarSchema.loads.name, columns: columns, select: SQLSelect(values.map { .init($0) })))
    }

    /// `SELECT COALESCE(MAX(load_id), 0) + 1 FROM loads`: the id of the load in progress, which
    /// records itself last.
    static let nextLoadID = SQLSelect(
        [.init(.binary(.function(.coalesce, [.function(.max, [.column("load_id")]), .integer(0)]), .plus, .integer(1)))],
        from: .table(StarSchema.loads.name)
    )

    /// `now` as UTC `YYYY-MM-DD HH:MM:SS.SSS`.
    static func timestamp(_ now: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let text = formatter.string(from: now)
        return String(text.prefix(23)).replacingOccurrences(of: "T", with: " ")
    }
}
