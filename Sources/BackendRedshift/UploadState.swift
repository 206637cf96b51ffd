import Foundation

/// The upload's report once it has run, shared by the copies of a stager.
final class UploadState: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: RedshiftUploadReport?

    /// The report, once an upload has succeeded.
    var report: RedshiftUploadReport? {
        lock.withLock { stored }
    }

    /// The report, running `upload` first if no call has succeeded yet.
    func once(_ upload: () throws -> RedshiftUploadReport) throws -> RedshiftUploadReport {
        try lock.withLock {
            if let stored { return stored }
            let made = try upload()
            stored = made
            return made
        }
    }
}
