/// Watches a job as it goes, for a live progress display; called from the pipeline's thread,
/// from staging's parsing threads (several at once), and from the steps that talk to S3.
public protocol ProgressObserver: AnyObject, Sendable {
    /// Staging of `table` begins.
    func stagingBegan(_ table: String)
    /// One more object of the table being staged was read: its bytes and records.
    func staged(bytes: Int, records: Int)
    /// A named step (a transform, the checks) begins.
    func stepBegan(_ name: String)
    /// A listing of `location` begins, which is all that goes on meanwhile (a dry run's).
    func listingBegan(_ location: String)
    /// The listing found `objects` more objects, of `bytes` bytes.
    func listed(objects: Int, bytes: Int64)
    /// Uploading `files` files of `bytes` bytes in all to `destination` begins.
    func uploadBegan(_ destination: String, files: Int, bytes: Int64)
    /// One more file of `bytes` bytes is done: sent, or `skipped` as its content was there.
    func uploaded(bytes: Int64, skipped: Bool)
    /// The job, or a part of it that prints a line of its own next, is done: whatever is
    /// shown goes away.
    func finished()
}
