import AWS
import Core
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SourceFolder {
    /// The `.json` files of `dataset` (those a local load reads, in its order) as uploads
    /// under `root` in the same layout: `ROOT/song_data/…` or `ROOT/log_data/…`. Throws naming
    /// a file whose name is not UTF-8, which an S3 key must be.
    public func uploadItems(of dataset: Dataset, to root: S3Location) throws -> [S3UploadItem] {
        try files(of: dataset).map { try uploadItem(for: $0.path, to: root) }
    }

    /// The folder's jsonpaths descriptor as an upload to `ROOT/log_json_path.json`; nil when
    /// the folder has none.
    public func descriptorUploadItem(to root: S3Location) throws -> S3UploadItem? {
        let descriptor = path.appending(Self.jsonPathsFileName)
        guard descriptor.status() != nil else { return nil }
        return try uploadItem(for: descriptor, to: root)
    }

    /// The upload of the file at `file`, inside the folder, to its place under `root`.
    private func uploadItem(for file: LocalPath, to root: S3Location) throws -> S3UploadItem {
        guard let local = String(validating: file.bytes, as: UTF8.self),
              let relative = String(validating: file.bytes[(path.bytes.count + 1)...], as: UTF8.self) else {
            throw StagingError.unreadable(file: file.description, reason: "its name is not UTF-8, which an S3 key must be")
        }
        return S3UploadItem(path: local, name: file.description, location: S3Location(bucket: root.bucket, key: root.asFolder.key + relative),
                            size: Int64(file.status()?.st_size ?? 0))
    }
}
