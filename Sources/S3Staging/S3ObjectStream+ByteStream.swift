import AWS
import Core

/// An S3 object is read by the staging reader as a local file is: its blocking `read(into:)`,
/// which throws an `AWSError` naming `s3://bucket/key` when the download fails for good.
extension S3ObjectStream: ByteStream {}
