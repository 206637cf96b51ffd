import Foundation

/// The upload's report once it has run, shared by the copies of a stager.
final class UploadState: @unchecked Sendable {
    private let lock = NSLock()
    private var report: RedshiftUploadReport?

    /// The report, running `upload` first if no call has succeeded yet.
    func once(_ upload: () throws -> RedshiftUploadReport) throws -> RedshiftUploadReport {
        try lock.withLock {
            if let report { return report }
            let made = try upload()
            report = made
            return made
        }
    }
}
