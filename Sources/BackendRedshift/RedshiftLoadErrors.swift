import Core
import LibPQ
import PostgresFamily

/// Reads what Redshift recorded about rejected lines, instead of its "check stl_load_errors":
/// from `stl_load_errors` on provisioned clusters, `sys_load_error_detail` on those that have it.
enum RedshiftLoadErrors {
    /// Rejections of the last COPY of this session, as `FILE:LINE: column: reason`.
    static let lastCopyInSession = [
        """
        SELECT TRIM("filename"), "line_number", TRIM("colname"), TRIM("err_reason")
        FROM "stl_load_errors"
        WHERE "session" = PG_BACKEND_PID()
            AND "query" = (SELECT MAX("query") FROM "stl_load_errors" WHERE "session" = PG_BACKEND_PID())
        ORDER BY "line_number"
        LIMIT 100
        """,
        """
        SELECT TRIM("file_name"), "line_number", TRIM("column_name"), TRIM("error_message")
        FROM "sys_load_error_detail"
        WHERE "session_id" = PG_BACKEND_PID()
            AND "query_id" = (SELECT MAX("query_id") FROM "sys_load_error_detail" WHERE "session_id" = PG_BACKEND_PID())
        ORDER BY "line_number"
        LIMIT 100
        """,
    ]

    /// Rejections of the COPY just run, inside its transaction.
    static let lastCopy = """
        SELECT TRIM("filename"), "line_number", TRIM("colname"), TRIM("err_reason")
        FROM "stl_load_errors"
        WHERE "query" = PG_LAST_COPY_ID()
        ORDER BY "line_number"
        LIMIT 100
        """

    /// Rows the COPY just run loaded.
    static let lastCopyCount = "SELECT PG_LAST_COPY_COUNT()"

    /// The records of the first of `queries` that answers with any, each query in its own
    /// statement outside a transaction, so one the cluster lacks costs nothing.
    static func records(_ connection: PQConnection, queries: [String]) -> [RejectedRecord] {
        for query in queries {
            guard let rows = try? connection.execute(query).rows, !rows.isEmpty else { continue }
            return rows.map(record)
        }
        return []
    }

    /// One row of a load-error query as a rejected record.
    static func record(_ row: [String?]) -> RejectedRecord {
        let column = row[2].flatMap { $0.isEmpty ? nil : "column \($0): " } ?? ""
        return RejectedRecord(file: row[0] ?? "?", line: Int(row[1] ?? "") ?? 0, reason: column + (row[3] ?? "rejected"))
    }
}
