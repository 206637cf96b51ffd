import Foundation

/// Why staging local JSON failed. Every case names the file or folder at fault.
public enum StagingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The source folder, or one of its data folders, does not exist or is not a folder.
    case missingFolder(String)
    /// A data folder holds no `.json` file.
    case noJSONFiles(String)
    /// The source folder has neither `song_data/` nor `log_data/`.
    case noDataFolders(String)
    /// A file or folder could not be read.
    case unreadable(file: String, reason: String)
    /// The jsonpaths descriptor cannot be used.
    case badJSONPaths(file: String, reason: String)
    /// More records were rejected than allowed; nothing was loaded.
    case tooManyRejections(table: String, allowed: Int, rejected: [RejectedRecord])

    /// One line saying what went wrong and where.
    public var description: String {
        switch self {
        case .missingFolder(let path):
            "\(path): no such folder"
        case .noJSONFiles(let path):
            "\(path): no .json files in this folder or below it"
        case .noDataFolders(let path):
            "\(path): no song_data/ or log_data/ folder in it"
        case .unreadable(let file, let reason):
            "\(file): cannot read: \(reason)"
        case .badJSONPaths(let file, let reason):
            "\(file): \(reason)"
        case .tooManyRejections(let table, let allowed, let rejected):
            "\(table): \(rejected.count) \(rejected.count == 1 ? "record" : "records") rejected, "
                + "more than the \(allowed) allowed (--max-errors); nothing was loaded"
        }
    }

    /// The text of a system error, without Foundation's decoration.
    package static func describe(_ error: any Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return (error as NSError).localizedDescription
    }
}

extension StagingError: RecordRejectingError {
    /// The records rejected, when more were than allowed.
    public var rejectedRecords: [RejectedRecord] {
        if case .tooManyRejections(_, _, let rejected) = self { rejected } else { [] }
    }
}
