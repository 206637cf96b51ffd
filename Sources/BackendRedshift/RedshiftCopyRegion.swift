import AWS
import S3Staging

/// The `REGION` a COPY names when `[S3] REGION` is not configured: the bucket's own, as S3
/// tells it (``S3Client/bucketRegion(_:)``), unless it is the cluster's, known from its host
/// name (COPY needs `REGION` only for a bucket in another region).
enum RedshiftCopyRegion {
    /// What a dry run says in place of a `REGION` it does not ask S3 for.
    static let dryRunNote = "-- REGION is added when S3 says the bucket is in another region than the cluster"

    /// The region of `bucket`, asked of S3 with `client`, or nil when it is `clusterRegion`.
    static func discover(bucket: String, client: S3Client, clusterRegion: String?) throws -> String? {
        let bucketRegion = try Blocking.run { try await client.bucketRegion(bucket) }
        return bucketRegion == clusterRegion ? nil : bucketRegion
    }
}
