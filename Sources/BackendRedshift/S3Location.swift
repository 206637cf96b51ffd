import Core

/// The S3 prefixes of a data set in the public layout, as Sparkify's `dwh.cfg` names them.
public struct S3Location: Sendable, Hashable {
    /// The prefix of the song files, such as `s3://udacity-dend/song_data`.
    public let songData: String
    /// The prefix of the event logs, such as `s3://udacity-dend/log_data`.
    public let logData: String
    /// The jsonpaths descriptor of the events, such as `s3://udacity-dend/log_json_path.json`.
    public let logJSONPaths: String
    /// The bucket's AWS region when it differs from the cluster's, such as `us-west-2`.
    public let region: String?

    /// Creates a location.
    public init(songData: String, logData: String, logJSONPaths: String, region: String?) {
        self.songData = songData
        self.logData = logData
        self.logJSONPaths = logJSONPaths
        self.region = region
    }

    /// The prefix holding `dataset`.
    public func prefix(of dataset: Dataset) -> String {
        switch dataset {
        case .songs: songData
        case .events: logData
        }
    }
}
