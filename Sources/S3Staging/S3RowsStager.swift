import Core

/// Stages an S3 prefix into a warehouse that takes rows in bulk (SQLite, PostgreSQL): Core's
/// reader over an ``S3Source``, exactly as over a local folder, so the rows, the rejections
/// (named `s3://bucket/key:LINE`) and the counts are those a local copy of the objects gives.
public struct S3RowsStager: Stager {
    /// The rows stager doing the work.
    public let rows: LocalRowsStager<S3Source>

    /// A stager of `source` into `warehouse`, tolerating up to `maxErrors` rejected records
    /// per table, telling `progress` of every object read.
    public init(source: S3Source, into warehouse: any BulkLoadingWarehouse, maxErrors: Int, progress: (any ProgressObserver)? = nil) {
        rows = LocalRowsStager(source: source, into: warehouse, maxErrors: maxErrors, progress: progress)
    }

    /// `s3://bucket/prefix`, which holds no secret.
    public var source: String { rows.source }

    /// Reads the dataset's objects and writes their rows through the warehouse's bulk sink.
    public func stage(_ dataset: Dataset) throws -> StagingReport {
        try rows.stage(dataset)
    }

    /// The bulk write, after comments that sum up the objects it would read: how many and
    /// their bytes, the first few by name and size. Names are escaped, so that no key can end
    /// a comment. The listing shows on the progress line while it runs.
    public func stagingStatements(_ dataset: Dataset) throws -> [String] {
        let reader = rows.reader
        var summary = ListingSummary()
        reader.progress?.listingBegan(reader.source.location(of: dataset) + "/")
        defer { reader.progress?.finished() }
        let statement = try reader.describe(dataset, writingEachRowWith: rows.warehouse.bulkWriteStatement(for: dataset.stagingTable)) { object in
            summary.add("\(reader.source.name(of: object)) (\(object.size) bytes)", bytes: object.size)
            reader.progress?.listed(objects: 1, bytes: object.size)
        }
        let header = "-- reads \(summary.count) objects, \(summary.bytes) bytes in all:"
        return [([header] + summary.commentLines + [statement]).joined(separator: "\n")]
    }
}
