/// What staging one table did.
public struct StagingReport: Sendable {
    /// The staging table written.
    public let table: String
    /// How many files were read; `nil` when the warehouse read them itself.
    public let files: Int?
    /// How many bytes they held; `nil` when the warehouse read them itself.
    public let bytes: Int?
    /// How many rows were staged.
    public let rows: Int
    /// The records that could not be staged, within the number allowed.
    public let rejected: [RejectedRecord]
    /// Time spent finding the files.
    public let discoverTime: Duration
    /// Time spent reading and parsing JSON: with several threads parsing, their times summed.
    public let readTime: Duration
    /// Time spent writing rows into the warehouse.
    public let writeTime: Duration

    /// Creates a report.
    public init(table: String, files: Int?, bytes: Int?, rows: Int, rejected: [RejectedRecord],
                discoverTime: Duration, readTime: Duration, writeTime: Duration) {
        self.table = table
        self.files = files
        self.bytes = bytes
        self.rows = rows
        self.rejected = rejected
        self.discoverTime = discoverTime
        self.readTime = readTime
        self.writeTime = writeTime
    }
}
