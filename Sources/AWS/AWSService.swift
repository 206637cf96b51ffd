/// An AWS service as this module calls it: its signing name, the suffix of its endpoint
/// variable (`AWS_ENDPOINT_URL_<ID>`, as the SDKs name them), and where its public endpoint is.
public struct AWSService: Sendable, Hashable {
    /// The SigV4 signing name and endpoint prefix, such as `s3`.
    public let signingName: String
    /// The service id as the SDKs' endpoint variables spell it, such as `S3` or `IAM`.
    public let endpointVariableID: String
    /// The region a global service signs for (`us-east-1` for IAM), or nil for a regional one.
    public let globalRegion: String?
    /// The API version sent with Query-protocol calls (`Version=`), or nil.
    public let queryAPIVersion: String?

    /// A service description.
    public init(signingName: String, endpointVariableID: String, globalRegion: String? = nil, queryAPIVersion: String? = nil) {
        self.signingName = signingName
        self.endpointVariableID = endpointVariableID
        self.globalRegion = globalRegion
        self.queryAPIVersion = queryAPIVersion
    }

    /// Amazon S3.
    public static let s3 = AWSService(signingName: "s3", endpointVariableID: "S3")
    /// IAM, a global service signed for us-east-1 at `iam.amazonaws.com`.
    public static let iam = AWSService(signingName: "iam", endpointVariableID: "IAM", globalRegion: "us-east-1", queryAPIVersion: "2010-05-08")
    /// Amazon Redshift's management API.
    public static let redshift = AWSService(signingName: "redshift", endpointVariableID: "REDSHIFT", queryAPIVersion: "2012-12-01")
    /// Amazon EC2 (security groups, VPCs).
    public static let ec2 = AWSService(signingName: "ec2", endpointVariableID: "EC2", queryAPIVersion: "2016-11-15")
    /// AWS STS (`GetCallerIdentity`).
    public static let sts = AWSService(signingName: "sts", endpointVariableID: "STS", queryAPIVersion: "2011-06-15")

    /// The public endpoint's host in `region`.
    func publicHost(region: String) -> String {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        if globalRegion != nil { return "\(signingName).\(suffix)" }
        return "\(signingName).\(region).\(suffix)"
    }
}
