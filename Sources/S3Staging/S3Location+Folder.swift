import AWS

extension S3Location {
    /// The location as a folder of keys: its key empty (the bucket's root) or ending in `/`,
    /// so that `s3://bucket/prefix` and `s3://bucket/prefix/` name the same objects.
    package var asFolder: S3Location {
        key.isEmpty || key.hasSuffix("/") ? self : S3Location(bucket: bucket, key: key + "/")
    }
}
