import AWS
import Core
import Foundation
import S3Staging

/// Stages a local folder into Redshift: uploads it under an S3 prefix (each file skipped when
/// the same content is there already), then COPYs it from there, through a manifest per
/// dataset that names exactly the folder's files (see ``RedshiftUploadPlan``), with the
/// jsonpaths descriptor uploaded beside them: the folder's own `log_json_path.json`, or the
/// standard one. The COPY names the bucket's `REGION` when it is configured, or when S3 says
/// the bucket is in another region than the cluster.
///
/// The upload runs once, at ``upload()`` or at the first ``stage(_:)``; the command line calls
/// `upload()` before the load's transaction begins, so no transaction stays open while files
/// go up.
public struct RedshiftUploadStager: Stager {
    /// The cluster COPY runs on.
    public let warehouse: RedshiftWarehouse
    /// The client that uploads.
    public let client: S3Client
    /// Lines each COPY may reject, as `MAXERROR`.
    public let maxErrors: Int
    /// The bucket's region, when it is configured (`[S3] REGION`); else it is asked of S3.
    public let region: String?
    /// Told of each file uploaded, for a progress display.
    public let progress: (any ProgressObserver)?
    private let plan: RedshiftUploadPlan
    private let state = UploadState()

    /// A stager that uploads `folder` under `destination` with `client`, then COPYs it into
    /// `warehouse`, tolerating up to `maxErrors` rejected lines per table, telling `progress`
    /// of each file uploaded. Reads the folder's listing now; throws naming a file that cannot
    /// be uploaded or a descriptor that cannot be used.
    public init(warehouse: RedshiftWarehouse, folder: SourceFolder, destination: S3Location, client: S3Client, maxErrors: Int,
                progress: (any ProgressObserver)? = nil) throws {
        self.warehouse = warehouse
        self.client = client
        self.maxErrors = maxErrors
        self.progress = progress
        self.region = warehouse.settings.region
        self.plan = try RedshiftUploadPlan(folder: folder, destination: destination)
    }

    /// `FOLDER (uploaded to s3://bucket/prefix/)`.
    public var source: String { "\(plan.folder.description) (uploaded to \(plan.root))" }

    /// Connects to the cluster, then uploads what is not there yet, once; later calls return
    /// the first one's report.
    @discardableResult
    public func upload() throws -> RedshiftUploadReport {
        try upload(connectingFirst: true)
    }

    /// ``upload()``, connecting to the cluster first or not.
    func upload(connectingFirst: Bool) throws -> RedshiftUploadReport {
        try state.once {
            // A cluster that cannot be reached fails the load before a long upload.
            if connectingFirst { try warehouse.open() }
            return try performUpload()
        }
    }

    /// Uploads (if ``upload()`` has not), then COPYs `dataset` from its manifest; a dataset
    /// the folder has no files of stays empty.
    public func stage(_ dataset: Dataset) throws -> StagingReport {
        let report = try upload()
        let files = plan.dataFiles[dataset] ?? []
        guard !files.isEmpty else {
            return StagingReport(table: dataset.stagingTable.name, files: 0, bytes: 0, rows: 0, rejected: [],
                                 discoverTime: .zero, readTime: .zero, writeTime: .zero)
        }
        let copied = try copyStager(region: report.region).stage(dataset)
        return StagingReport(table: copied.table, files: files.count, bytes: Int(files.map(\.size).reduce(0, +)), rows: copied.rows,
                             rejected: copied.rejected, discoverTime: .zero, readTime: .zero, writeTime: copied.writeTime)
    }

    /// The uploads `dataset` needs, as comments (each file unless the same content is there
    /// already: how many and their bytes, the first few by name; names escaped, so that none
    /// can end a comment), then its COPY. Connects to nothing: a `REGION` that is not
    /// configured is left to the upload, which asks S3 (once it has run, the COPY shown is the
    /// one ``stage(_:)`` runs).
    public func stagingStatements(_ dataset: Dataset) throws -> [String] {
        let files = plan.dataFiles[dataset] ?? []
        guard !files.isEmpty else {
            return ["-- " + MessageText.escaping("no \(dataset.folderName)/ in \(plan.folder.description): \(dataset.stagingTable.name) stays empty")]
        }
        var summary = ListingSummary()
        for file in files {
            summary.add("\(file.name) -> \(file.location)", bytes: file.size)
        }
        let header = "upload to \(plan.root), each file unless an object with the same content is there: \(summary.count) files, \(summary.bytes) bytes in all:"
        var lines = ["-- " + MessageText.escaping(header)] + summary.commentLines
        var uploads: [(String, S3Location)] = []
        if dataset == .events {
            uploads.append((plan.ownDescriptor?.name ?? "the standard jsonpaths descriptor", plan.descriptorLocation))
        }
        uploads.append(("a manifest of these \(files.count) files", plan.manifestLocation(of: dataset)))
        lines += uploads.map { "--   " + MessageText.escaping("\($0.0) -> \($0.1)") }
        let uploaded = state.report
        if region == nil && uploaded == nil {
            lines.append(RedshiftCopyRegion.dryRunNote)
        }
        let copy = try copyStager(region: uploaded?.region ?? region).stagingStatements(dataset)
        return copy.map { (lines + [$0]).joined(separator: "\n") }
    }

    /// A failed COPY, with the lines Redshift recorded for it.
    public func explainFailure(_ error: any Error) -> any Error {
        copyStager(region: region).explainFailure(error)
    }

    private func copyStager(region: String?) -> RedshiftCopyStager {
        RedshiftCopyStager(warehouse: warehouse, location: plan.copySource(region: region), maxErrors: maxErrors)
    }

    /// Writes the manifests (and the standard descriptor, when the folder has none) into a
    /// temporary folder, uploads them with the folder's files, and settles the region.
    private func performUpload() throws -> RedshiftUploadReport {
        let clock = ContinuousClock()
        let start = clock.now
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sparkify-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        func written(_ data: Data, as name: String, to location: S3Location) throws -> S3UploadItem {
            let file = scratch.appendingPathComponent(name)
            try data.write(to: file)
            return S3UploadItem(path: file.path, name: name, location: location, size: Int64(data.count))
        }
        let folderFiles = plan.datasets.flatMap { plan.dataFiles[$0] ?? [] } + (plan.ownDescriptor.map { [$0] } ?? [])
        var copyFiles = try plan.datasets.map { dataset in
            try written(plan.manifest(of: dataset), as: "\(dataset.folderName).manifest", to: plan.manifestLocation(of: dataset))
        }
        if plan.ownDescriptor == nil {
            copyFiles.append(try written(RedshiftUploadPlan.standardDescriptor(), as: SourceFolder.jsonPathsFileName, to: plan.descriptorLocation))
        }
        let outcomes: [S3UploadOutcome]
        do {
            // The line goes before the report of the upload is printed.
            defer { progress?.finished() }
            outcomes = try S3Uploader.upload(folderFiles + copyFiles, with: client, progress: progress, destination: plan.root.description)
        }
        let sent = outcomes.map { $0 != .skipped }
        let sentFolderFiles = zip(folderFiles, sent).filter(\.1).map(\.0)
        return RedshiftUploadReport(
            destination: plan.root.description, files: folderFiles.count, filesUploaded: sentFolderFiles.count,
            bytesUploaded: sentFolderFiles.map(\.size).reduce(0, +), copyFiles: copyFiles.count,
            copyFilesUploaded: sent.dropFirst(folderFiles.count).filter { $0 }.count, region: try copyRegion(),
            duration: clock.now - start
        )
    }

    /// The `REGION` the COPY names: the configured one; else the bucket's, as S3 tells it,
    /// unless it is the cluster's.
    private func copyRegion() throws -> String? {
        if let region { return region }
        return try RedshiftCopyRegion.discover(bucket: plan.root.bucket, client: client, clusterRegion: warehouse.settings.clusterRegion)
    }
}
