import AWS
import Core
import S3Staging

extension RedshiftCopySource {
    /// COPY's source for an S3 prefix in Sparkify's layout, named on the command line: every
    /// object below `PREFIX/song_data/` and `PREFIX/log_data/` (the `/` keeps out objects beside
    /// the folders, such as `song_data_old/`), the events read by `logJSONPaths` when the
    /// settings name one (`[S3] LOG_JSONPATH`), else by `PREFIX/log_json_path.json`. The
    /// region is left to be discovered.
    public init(under prefix: S3Location, logJSONPaths: String?) {
        let root = prefix.asFolder
        let folder = { (name: String) in S3Location(bucket: root.bucket, key: root.key + name).description }
        self.init(songData: folder("song_data/"), logData: folder("log_data/"),
                  logJSONPaths: logJSONPaths ?? folder(SourceFolder.jsonPathsFileName), region: nil)
    }
}
