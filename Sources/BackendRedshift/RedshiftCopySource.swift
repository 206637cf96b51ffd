import Core

/// Where Redshift's COPY reads a data set from, as Sparkify's `dwh.cfg` names it: a prefix (or
/// a manifest) per dataset, the jsonpaths descriptor of the events, and the bucket's region
/// when it differs from the cluster's.
public struct RedshiftCopySource: Sendable, Hashable {
    /// The prefix of the song files, such as `s3://udacity-dend/song_data`; with
    /// `usesManifests`, the manifest listing them.
    public let songData: String
    /// The prefix of the event logs, such as `s3://udacity-dend/log_data`; with
    /// `usesManifests`, the manifest listing them.
    public let logData: String
    /// The jsonpaths descriptor of the events, such as `s3://udacity-dend/log_json_path.json`.
    public let logJSONPaths: String
    /// The bucket's AWS region when it differs from the cluster's, such as `us-west-2`.
    public let region: String?
    /// Whether `songData` and `logData` are manifests (COPY's `MANIFEST`), which name the
    /// exact objects to read, rather than prefixes, which take every object below them.
    public let usesManifests: Bool

    /// Creates a location.
    public init(songData: String, logData: String, logJSONPaths: String, region: String?, usesManifests: Bool = false) {
        self.songData = songData
        self.logData = logData
        self.logJSONPaths = logJSONPaths
        self.region = region
        self.usesManifests = usesManifests
    }

    /// The same location in `region`.
    public func naming(region: String) -> RedshiftCopySource {
        RedshiftCopySource(songData: songData, logData: logData, logJSONPaths: logJSONPaths, region: region, usesManifests: usesManifests)
    }

    /// The prefix (or manifest) of `dataset`.
    public func prefix(of dataset: Dataset) -> String {
        switch dataset {
        case .songs: songData
        case .events: logData
        }
    }
}
