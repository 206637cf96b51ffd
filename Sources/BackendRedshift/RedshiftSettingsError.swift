/// Why `dwh.cfg` cannot be used. Every case names the file, and the section and key at fault;
/// none shows a value of `DB_PASSWORD`.
public enum RedshiftSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// There is no file at the path.
    case missingFile(String)
    /// The file could not be read.
    case unreadable(String, String)
    /// A line is not INI.
    case malformed(String, Int, String)
    /// A required setting is in neither the file nor the environment.
    case missing(String, section: String, key: String, alternatives: [String])
    /// A setting has a value it cannot have.
    case invalid(String, section: String, key: String, reason: String)
    /// A load without a local folder has no `[S3]` data to COPY.
    case noS3Data(String)

    /// One line saying what is wrong and where.
    public var description: String {
        switch self {
        case .missingFile(let path):
            "\(path): no such file; copy dwh.cfg.example to dwh.cfg and fill it in, or name another with --config"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .malformed(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        case .missing(let path, let section, let key, let alternatives):
            "\(path): [\(section)] \(key) is missing (or set \(alternatives.joined(separator: " or ")))"
        case .invalid(let path, let section, let key, let reason):
            "\(path): [\(section)] \(key) \(reason)"
        case .noS3Data(let path):
            "\(path): [S3] LOG_DATA, LOG_JSONPATH and SONG_DATA are not set (nor SPARKIFY_S3_…): set them to load from S3, or name a local folder to upload"
        }
    }
}
