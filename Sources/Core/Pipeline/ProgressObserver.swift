/// Watches a job as it goes, for a live progress display; called from the pipeline's thread
/// and from staging's parsing threads, several at once.
public protocol ProgressObserver: AnyObject, Sendable {
    /// Staging of `table` begins.
    func stagingBegan(_ table: String)
    /// One more object of the table being staged was read: its bytes and records.
    func staged(bytes: Int, records: Int)
    /// A named step (a transform, the checks) begins.
    func stepBegan(_ name: String)
    /// The job is done: whatever is shown goes away.
    func finished()
}
