/// Where the raw JSON of a load lives.
public enum DataSource: Sendable {
    /// A local folder in the public layout, read by the local backends.
    case folder(SourceFolder)

    /// Where the data is, for messages.
    public var description: String {
        switch self {
        case .folder(let folder): folder.path
        }
    }
}
