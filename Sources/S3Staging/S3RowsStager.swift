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

    /// The bulk write, after a comment naming each object it would read and its size. Names
    /// are escaped, so that no key can end a comment.
    public func stagingStatements(_ dataset: Dataset) throws -> [String] {
        let source = rows.reader.source
        var lines: [String] = []
        var walking = Duration.zero
        try source.forEachObject(of: dataset, walking: &walking) { object in
            lines.append("-- reads " + MessageText.escaping("\(source.name(of: object)) (\(object.size) bytes)"))
        }
        return try rows.stagingStatements(dataset).map { (lines + [$0]).joined(separator: "\n") }
    }
}
