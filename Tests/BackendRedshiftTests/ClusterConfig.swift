/// The `[CLUSTER]` and `[IAM_ROLE]` sections of the tests' dwh.cfg, for a cluster at `host`
/// (a provisioned one in us-west-2 unless told), before the `[S3]` section each test writes.
enum ClusterConfig {
    /// The two sections, for a cluster at `host`.
    static func text(host: String = "dwhcluster.abc123.us-west-2.redshift.amazonaws.com") -> String {
        """
        [CLUSTER]
        HOST=\(host)
        DB_NAME=dwh
        DB_USER=dwhuser
        DB_PASSWORD=secret
        [IAM_ROLE]
        ARN=arn:aws:iam::123456789012:role/dwhRole
        """
    }
}
