import AWS
import BackendRedshift
import Core

/// A failure reported to the user: lines of detail, one line of message, an exit status.
struct CommandFailure: Error {
    /// Lines printed before the message, such as each rejected record.
    let details: [String]
    /// What went wrong, in one line.
    let message: String
    /// The exit status, following sysexits(3).
    let status: Int32

    /// Exit status for data that cannot be loaded as it is (EX_DATAERR).
    static let dataError: Int32 = 65
    /// Exit status for a source that is missing (EX_NOINPUT).
    static let noInput: Int32 = 66
    /// Exit status for settings that cannot be used (EX_CONFIG).
    static let configError: Int32 = 78

    /// The failure that `error`, thrown while running a job, is for the user.
    init(_ error: any Error) {
        switch error {
        case let rejecting as RecordRejectingError where !rejecting.rejectedRecords.isEmpty:
            self.init(details: rejecting.rejectedRecords.map(\.description), message: "\(error)", status: Self.dataError)
        case WarehouseError.checksFailed:
            self.init(details: [], message: "\(error)", status: Self.dataError)
        case StagingError.missingFolder, StagingError.noJSONFiles, StagingError.noDataFolders:
            self.init(details: [], message: "\(error)", status: Self.noInput)
        case is RedshiftSettingsError:
            self.init(details: [], message: "\(error)", status: Self.configError)
        case let aws as AWSError where aws.code == "NoSuchBucket":
            self.init(details: [], message: "\(error)", status: Self.noInput)
        case let aws as AWSError where ["InvalidConfiguration", "InvalidS3URL"].contains(aws.code):
            self.init(details: [], message: "\(error)", status: Self.configError)
        default:
            self.init(details: [], message: "\(error)", status: 1)
        }
    }

    /// The failure of a job stopped by `signal`: it changed nothing, and the status is the
    /// shell's for a process ended by that signal (130 for SIGINT, 143 for SIGTERM).
    init(interruptedBy signal: Int32, job: Job) {
        let outcome = job == .check ? "" : ": the transaction was rolled back, and the warehouse is as it was"
        self.init(details: [], message: "interrupted by \(SignalGuard.name(of: signal))\(outcome)", status: 128 + signal)
    }

    /// A failure of `message` with `status`.
    init(message: String, status: Int32) {
        self.init(details: [], message: message, status: status)
    }

    private init(details: [String], message: String, status: Int32) {
        self.details = details
        self.message = message
        self.status = status
    }
}
