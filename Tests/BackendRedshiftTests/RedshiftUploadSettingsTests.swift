import AWS
@testable import BackendRedshift
import Testing
import WarehouseConformance

/// What dwh.cfg says about uploads: `[S3] UPLOAD_TO`, the `[S3]` data keys needed only without
/// a folder, the cluster's region in its host name, and the `[AWS]` keys of last resort.
@Suite("dwh.cfg for uploads")
struct RedshiftUploadSettingsTests {
    let folder = TemporaryFolder()
    static let cluster = ClusterConfig.text()

    func write(_ text: String) -> String {
        folder.write("dwh.cfg", text)
        return folder.path + "/dwh.cfg"
    }

    @Test("The cluster's region is read from its host name, provisioned or serverless", arguments: [
        ("dwhcluster.abc123.us-west-2.redshift.amazonaws.com", "us-west-2"),
        ("wg.123456789012.eu-central-1.redshift-serverless.amazonaws.com", "eu-central-1"),
        ("dwh.abc.cn-north-1.redshift.amazonaws.com.cn", "cn-north-1"),
        ("127.0.0.1", nil), ("warehouse.example.com", nil), ("abc.redshift.amazonaws.com", nil), ("us-west-2.redshift.example.com", nil),
    ] as [(String, String?)])
    func clusterRegion(host: String, region: String?) {
        #expect(RedshiftSettings.region(ofHost: host) == region)
    }

    @Test("Without the [S3] data keys, only a load without a folder fails, in one line; UPLOAD_TO must be an s3:// URI")
    func uploadOnly() throws {
        let path = write(Self.cluster + "\n[S3]\nUPLOAD_TO='s3://my-bucket/sparkify'\n")
        let settings = try RedshiftSettings(configPath: path, environment: [:])
        #expect(settings.s3 == nil)
        #expect(settings.uploadTo == "s3://my-bucket/sparkify")
        #expect(settings.clusterRegion == "us-west-2")
        #expect(throws: RedshiftSettingsError.noS3Data(path)) { try settings.copySource() }
        let overridden = try RedshiftSettings(configPath: path, environment: ["SPARKIFY_S3_UPLOAD_TO": "s3://other/x"])
        #expect(overridden.uploadTo == "s3://other/x")
        let wrong = write(Self.cluster + "\n[S3]\nUPLOAD_TO=my-bucket/sparkify\n")
        #expect(throws: RedshiftSettingsError.invalid(wrong, section: "S3", key: "UPLOAD_TO", reason: "must be an s3:// URI, not 'my-bucket/sparkify'")) {
            try RedshiftSettings(configPath: wrong, environment: [:])
        }
    }

    @Test("[AWS] KEY and SECRET are the keys of last resort, both or neither; empty ones are none")
    func awsSeed() throws {
        let path = write(Self.cluster + "\n[AWS]\nKEY=AKIAEXAMPLE\nSECRET='s3cr3t/+'\nREGION=eu-west-1\n")
        let seed = try AWSSeed(configPath: path, environment: [:])
        #expect(seed.credentials == AWSCredentials(accessKeyID: "AKIAEXAMPLE", secretAccessKey: "s3cr3t/+"))
        #expect(seed.region == "eu-west-1")
        #expect(seed.label == "\(path) [AWS]")
        let overridden = try AWSSeed(configPath: path, environment: ["SPARKIFY_AWS_SECRET": "other"])
        #expect(overridden.credentials?.secretAccessKey == "other")
        let empty = write("[AWS]\nKEY=\nSECRET=\n[S3]\nREGION=us-west-2\n")
        let none = try AWSSeed(configPath: empty, environment: [:])
        #expect(none.credentials == nil)
        #expect(none.region == "us-west-2")
        let half = write("[AWS]\nSECRET=s\n")
        #expect(throws: RedshiftSettingsError.missing(half, section: "AWS", key: "KEY", alternatives: ["SPARKIFY_AWS_KEY"])) {
            try AWSSeed(configPath: half, environment: [:])
        }
    }
}
