/// What ``RedshiftUploadStager/upload()`` did: how many of the folder's files went up and how
/// many were there already, and the same for the files COPY reads them by (the jsonpaths
/// descriptor, when the folder has none of its own, and the manifests).
public struct RedshiftUploadReport: Sendable, Equatable {
    /// Where the folder went, `s3://bucket/prefix/`.
    public let destination: String
    /// The folder's files: its `.json` data and its own jsonpaths descriptor, if it has one.
    public let files: Int
    /// Those of them sent, the others being there already with the same content.
    public let filesUploaded: Int
    /// The bytes of the files sent.
    public let bytesUploaded: Int64
    /// The files written for COPY: a manifest per dataset, and the standard jsonpaths
    /// descriptor when the folder has none.
    public let copyFiles: Int
    /// Those of them sent.
    public let copyFilesUploaded: Int
    /// The region the COPY names (`REGION`): configured, or the bucket's when it differs from
    /// the cluster's; nil when the COPY names none.
    public let region: String?
    /// How long uploading took, checks of what was there included.
    public let duration: Duration
}
