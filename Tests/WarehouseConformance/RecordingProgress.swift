import Core
import Foundation

/// A progress observer that writes down what it is told, in order, for the tests of what
/// reports progress (the line itself is tested on a terminal in PresentationTests).
public final class RecordingProgress: ProgressObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    /// An observer that has been told nothing.
    public init() {}

    /// What it was told, one line an event: `listing s3://b/song_data/`, `listed 1 264`,
    /// `upload s3://b/p/ 17 4200`, `uploaded 264 sent`, `finished`, ….
    public var events: [String] { lock.withLock { recorded } }

    private func record(_ event: String) {
        lock.withLock { recorded.append(event) }
    }

    /// Records `staging TABLE`.
    public func stagingBegan(_ table: String) { record("staging \(table)") }
    /// Records `staged BYTES RECORDS`.
    public func staged(bytes: Int, records: Int) { record("staged \(bytes) \(records)") }
    /// Records `step NAME`.
    public func stepBegan(_ name: String) { record("step \(name)") }
    /// Records `listing LOCATION`.
    public func listingBegan(_ location: String) { record("listing \(location)") }
    /// Records `listed OBJECTS BYTES`.
    public func listed(objects: Int, bytes: Int64) { record("listed \(objects) \(bytes)") }
    /// Records `upload DESTINATION FILES BYTES`.
    public func uploadBegan(_ destination: String, files: Int, bytes: Int64) { record("upload \(destination) \(files) \(bytes)") }
    /// Records `uploaded BYTES sent` or `uploaded BYTES skipped`.
    public func uploaded(bytes: Int64, skipped: Bool) { record("uploaded \(bytes) \(skipped ? "skipped" : "sent")") }
    /// Records `finished`.
    public func finished() { record("finished") }
}
