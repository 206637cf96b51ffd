import AWS
import Testing

/// `s3://bucket/prefix` URLs are read as the AWS CLI reads them.
@Suite("S3 URLs")
struct S3LocationTests {
    @Test("Bucket and key; the key is taken as written, spaces, + and Unicode included")
    func parse() throws {
        #expect(try S3Location(url: "s3://udacity-dend/log_data") == S3Location(bucket: "udacity-dend", key: "log_data"))
        #expect(try S3Location(url: "s3://udacity-dend/song_data/A/B/") == S3Location(bucket: "udacity-dend", key: "song_data/A/B/"))
        #expect(try S3Location(url: "s3://udacity-dend") == S3Location(bucket: "udacity-dend", key: ""))
        #expect(try S3Location(url: "s3://udacity-dend/") == S3Location(bucket: "udacity-dend", key: ""))
        #expect(try S3Location(url: "S3://my.bucket/a b+c%20d/ключ") == S3Location(bucket: "my.bucket", key: "a b+c%20d/ключ"))
        #expect(S3Location(bucket: "b-1", key: "x y").description == "s3://b-1/x y")
        #expect(S3Location(bucket: "b-1").description == "s3://b-1/")
    }

    @Test("Not an S3 URL: one line naming it", arguments: [
        ("https://udacity-dend/log_data", "https://udacity-dend/log_data: InvalidS3URL: an S3 location starts with s3://"),
        ("s3:///log_data", "s3:///log_data: InvalidS3URL: no bucket name"),
        ("s3://ab/x", "s3://ab/x: InvalidS3URL: ab is not a bucket name (3 to 63 letters, digits, '.', '-' or '_')"),
        ("s3://-bucket/x", "s3://-bucket/x: InvalidS3URL: -bucket is not a bucket name (3 to 63 letters, digits, '.', '-' or '_')"),
        ("s3://bucket name/x", "s3://bucket name/x: InvalidS3URL: bucket name is not a bucket name (3 to 63 letters, digits, '.', '-' or '_')"),
    ])
    func invalid(url: String, message: String) {
        do {
            _ = try S3Location(url: url)
            Issue.record("\(url) parsed")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
