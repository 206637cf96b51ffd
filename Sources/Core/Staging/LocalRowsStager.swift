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
        try stage(dataset, followedBy: [])
    }

    /// Whether the warehouse runs each of `transforms` over a batch of rows as it is written.
    public func runsBatchByBatch(_ transforms: [Transform], of dataset: Dataset) -> Bool {
        !transforms.isEmpty && transforms.allSatisfy { warehouse.batchStatement(running: $0, over: dataset.stagingTable) != nil }
    }

    /// Reads the dataset's objects and writes their rows through the warehouse's bulk sink,
    /// which runs `transforms` after each batch, over its rows, while the next one is parsed.
    public func stage(_ dataset: Dataset, followedBy transforms: [Transform]) throws -> StagingReport {
        var report: StagingReport?
        let batched = try warehouse.writeRows(into: dataset.stagingTable, followedBy: transforms) { sink in
            report = try reader.stage(dataset, into: &sink)
        }
        return report!.with(batchedTransforms: batched)
    }

    /// The bulk write, after a comment saying how many objects feed it.
    public func stagingStatements(_ dataset: Dataset) throws -> [String] {
        [try reader.describe(dataset, writingEachRowWith: warehouse.bulkWriteStatement(for: dataset.stagingTable))]
    }

    /// The bulk write, then each transform as the warehouse runs it over a batch.
    public func stagingStatements(_ dataset: Dataset, followedBy transforms: [Transform]) throws -> [String] {
        try stagingStatements(dataset) + batchStatements(transforms, of: dataset)
    }

    /// Each of `transforms` as the warehouse runs it over a batch of `dataset`'s rows, after a
    /// comment saying so.
    public func batchStatements(_ transforms: [Transform], of dataset: Dataset) -> [String] {
        transforms.map { transform in
            let statement = warehouse.batchStatement(running: transform, over: dataset.stagingTable)!
            return "-- \(transform.name), after each batch written, over its rows:\n" + statement
        }
    }
}
