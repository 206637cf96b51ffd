import AWS
import Core
import Foundation
import S3Staging

/// What uploading a local folder for COPY sends, worked out from the folder alone: its data
/// files under `ROOT/song_data/` and `ROOT/log_data/`, the jsonpaths descriptor at
/// `ROOT/log_json_path.json` (the folder's own, or the standard one), and a manifest per
/// dataset under `ROOT/manifests/`, naming exactly the files uploaded. COPY reads through the
/// manifests, so objects under the prefix that the folder does not have (an older upload's)
/// are not loaded, and staging reads the same files as a local load of the folder.
struct RedshiftUploadPlan: Sendable {
    /// The folder uploaded.
    let folder: SourceFolder
    /// Where it goes: a bucket and a prefix, empty or ending in `/`.
    let root: S3Location
    /// The data files of each dataset, in the folder's order; empty for a missing data folder.
    let dataFiles: [Dataset: [S3UploadItem]]
    /// The folder's own descriptor, or nil when the standard one is written.
    let ownDescriptor: S3UploadItem?

    /// The plan for `folder` under `destination`; throws naming a file that cannot be read
    /// or named in S3, or a descriptor that cannot be used.
    init(folder: SourceFolder, destination: S3Location) throws {
        self.folder = folder
        self.root = destination.asFolder
        // The descriptor is checked as a local load checks it, before anything is sent.
        _ = try folder.format(of: .events)
        var dataFiles: [Dataset: [S3UploadItem]] = [:]
        for dataset in [Dataset.songs, .events] {
            dataFiles[dataset] = try folder.uploadItems(of: dataset, to: root)
        }
        self.dataFiles = dataFiles
        ownDescriptor = try folder.descriptorUploadItem(to: root)
    }

    /// Where the descriptor goes.
    var descriptorLocation: S3Location {
        S3Location(bucket: root.bucket, key: root.key + SourceFolder.jsonPathsFileName)
    }

    /// Where `dataset`'s manifest goes.
    func manifestLocation(of dataset: Dataset) -> S3Location {
        S3Location(bucket: root.bucket, key: root.key + "manifests/\(dataset.folderName).manifest")
    }

    /// The datasets that have files, each COPYed through its manifest.
    var datasets: [Dataset] {
        [Dataset.songs, .events].filter { !(dataFiles[$0] ?? []).isEmpty }
    }

    /// Where COPY reads from once the plan is uploaded, naming `region`.
    func copySource(region: String?) -> RedshiftCopySource {
        RedshiftCopySource(songData: manifestLocation(of: .songs).description, logData: manifestLocation(of: .events).description,
                           logJSONPaths: descriptorLocation.description, region: region, usesManifests: true)
    }

    /// The manifest of `dataset`: `{"entries": [{"mandatory": true, "url": "s3://…"}, …]}`,
    /// each file of the dataset by its full URL (COPY then fails if one is missing).
    func manifest(of dataset: Dataset) throws -> Data {
        let entries = (dataFiles[dataset] ?? []).map { ["url": $0.location.description, "mandatory": true] as [String: Any] }
        return try JSONSerialization.data(withJSONObject: ["entries": entries], options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The standard descriptor, `{"jsonpaths": ["$['artist']", …]}`, for a folder without one.
    static func standardDescriptor() throws -> Data {
        try JSONSerialization.data(withJSONObject: ["jsonpaths": StagingFormat.standardEventPaths.map(\.description)],
                                   options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
