/// The `loads` table read back: every load of a warehouse, newest first.
public enum LoadHistory {
    /// One recorded load.
    public struct Entry: Sendable, Hashable {
        /// The load's number, from 1.
        public var loadID: Int64
        /// `loaded` or `failed`.
        public var status: String
        /// The one-line error of a failed load.
        public var error: String?
        /// When it started and finished, UTC `YYYY-MM-DD HH:MM:SS.SSS`.
        public var startedAt: String, finishedAt: String
        /// The backend, and where the data came from (no secret in it).
        public var backend: String, source: String
        /// The loader's version.
        public var toolVersion: String
        /// Files read, records read and records rejected, by staging table; absent where
        /// unknown.
        public var files: [String: Int64], records: [String: Int64], rejected: [String: Int64]
        /// Rows written, by star table.
        public var rowsWritten: [String: Int64]
    }

    /// Every load recorded in `warehouse`, newest first; throws when it has no `loads` table.
    public static func entries(in warehouse: any Warehouse) throws -> [Entry] {
        guard try warehouse.existingTables().contains(StarSchema.loads.name) else {
            throw WarehouseError.noStarSchema(location: warehouse.location, missing: [StarSchema.loads.name])
        }
        let table = StarSchema.loads
        let select = SQLSelect(table.columns.map { SQLSelect.Item(.column($0.name)) }, from: .table(table.name),
                               orderBy: [.descending(.column("load_id"))])
        return try warehouse.query(SQLRenderer(dialect: warehouse.dialect).render(.select(select))).map { row in
            var values: [String: SQLValue] = [:]
            for (column, value) in zip(table.columnNames, row) { values[column] = value }
            func text(_ column: String) -> String? {
                if case .text(let value) = values[column] { value } else { nil }
            }
            func counts(_ pairs: [(String, String)]) -> [String: Int64] {
                var counts: [String: Int64] = [:]
                for (name, column) in pairs {
                    if case .integer(let value) = values[column] { counts[name] = value }
                }
                return counts
            }
            let songs = StarSchema.stagingSongs.name, events = StarSchema.stagingEvents.name
            guard case .integer(let id) = values["load_id"] else { throw WarehouseError.unexpectedResult(sql: "loads.load_id") }
            return Entry(
                loadID: id, status: text("status") ?? "", error: text("error"),
                startedAt: text("started_at") ?? "", finishedAt: text("finished_at") ?? "",
                backend: text("backend") ?? "", source: text("source") ?? "", toolVersion: text("tool_version") ?? "",
                files: counts([(songs, "song_files"), (events, "event_files")]),
                records: counts([(songs, "song_records"), (events, "event_records")]),
                rejected: counts([(songs, "song_rejected"), (events, "event_rejected")]),
                rowsWritten: counts(StarSchema.starTables.map { ($0.name, "\($0.name)_written") })
            )
        }
    }
}
