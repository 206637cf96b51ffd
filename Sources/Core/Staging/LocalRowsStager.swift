/// Stages a source's JSON with the loader's own reader (COPY's semantics, applied once, in
/// Core) into a warehouse that takes rows in bulk: a local folder or an S3 prefix into SQLite
/// or PostgreSQL.
public struct LocalRowsStager<Source: ObjectSource>: Stager {
    /// The reader over the source.
    public let reader: RecordStager<Source>
    /// Where the rows go.
    public let warehouse: any BulkLoadingWarehouse

    /// A stager of `source` into `warehouse`, tolerating up to `maxErrors` rejected records
    /// per table, telling `progress` of every object read.
    public init(source: Source, into warehouse: any BulkLoadingWarehouse, maxErrors: Int, progress: (any ProgressObserver)? = nil) {
        self.reader = RecordStager(source: source, maxErrors: maxErrors, progress: progress)
        self.warehouse = warehouse
    }

    /// The source, as it names itself.
    public var source: String { reader.source.description }

    /// Reads the dataset's objects and writes their rows through the warehouse's bulk sink.
    public func stage(_ dataset: Dataset) throws -> StagingReport {
        var report: StagingReport?
        try warehouse.writeRows(into: dataset.stagingTable) { sink in
            report = try reader.stage(dataset, into: &sink)
        }
        return report!
    }

    /// The bulk write, after a comment saying how many objects feed it.
    public func stagingStatements(_ dataset: Dataset) throws -> [String] {
        [try reader.describe(dataset, writingEachRowWith: warehouse.bulkWriteStatement(for: dataset.stagingTable))]
    }
}
