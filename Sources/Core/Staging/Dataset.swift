/// One of the two kinds of raw data Sparkify keeps, each staged into its own table.
public enum Dataset: String, Sendable, Hashable {
    /// Song metadata: one JSON object per file under `song_data/`.
    case songs
    /// Event logs: JSON Lines under `log_data/`.
    case events

    /// The staging table this data lands in.
    public var stagingTable: Table {
        switch self {
        case .songs: StarSchema.stagingSongs
        case .events: StarSchema.stagingEvents
        }
    }

    /// The folder holding this data, below a source root.
    public var folderName: String {
        switch self {
        case .songs: "song_data"
        case .events: "log_data"
        }
    }
}
