import Core
import LibPQ

/// A COPY that failed, with the lines Redshift recorded as the reason; the load was rolled back.
public struct RedshiftLoadError: RecordRejectingError, CustomStringConvertible {
    /// The staging table the COPY wrote.
    public let table: String
    /// The S3 prefix it read.
    public let source: String
    /// The server's error.
    public let cause: PQError
    /// The lines Redshift rejected, from its load-error tables.
    public let rejectedRecords: [RejectedRecord]

    /// One line: the table, the source and the server's message.
    public var description: String {
        "\(table): COPY from \(source) failed, nothing was loaded: \(cause.message)"
            + (rejectedRecords.isEmpty ? " (no load errors were recorded for this session)" : "")
    }
}
