/// Where local staging writes rows: a warehouse's bulk path into one staging table.
public protocol StagingSink {
    /// Writes every row of `batch`, in order.
    mutating func write(_ batch: StagedBatch) throws
}
