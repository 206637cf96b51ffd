import CLibPQ

/// The rows of a statement's result, read in text format, with their column types.
public struct PQResult: Sendable {
    /// PostgreSQL type ids of the columns.
    public let columnTypes: [UInt32]
    /// The values, row by row; `nil` is NULL.
    public let rows: [[String?]]
    /// Rows the statement changed or returned, as the server counts them.
    public let affectedRows: Int

    /// Reads `result` and frees it; throws the error a failed result holds.
    init(_ result: OpaquePointer?, connection: OpaquePointer, statement: String) throws(PQError) {
        guard let result else { throw PQError(connection: connection, statement: statement) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            break
        default:
            throw PQError(result: result, statement: statement)
        }
        let columns = PQnfields(result), count = PQntuples(result)
        columnTypes = (0..<columns).map { PQftype(result, $0) }
        rows = (0..<count).map { row in
            (0..<columns).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }
}
