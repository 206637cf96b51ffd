/// Stages a dataset from a local ``SourceFolder`` into a warehouse's ``StagingSink``, with the
/// semantics of Redshift's COPY for JSON. The local backends share it, so every local
/// warehouse stages the same rows from the same files.
public struct LocalStager {
    /// Rows handed to the sink at a time.
    static let batchRows = 4096
    /// Text bytes handed to the sink at a time.
    static let batchTextBytes = 1 << 20

    /// The folder read.
    public let folder: SourceFolder
    /// How many records may be rejected before the load fails, as COPY's MAXERROR.
    public let maxErrors: Int

    /// A stager reading `folder` that tolerates up to `maxErrors` rejected records per table.
    public init(folder: SourceFolder, maxErrors: Int) {
        self.folder = folder
        self.maxErrors = maxErrors
    }

    /// Reads every file of `dataset` and writes its rows to `sink`. Throws
    /// ``StagingError/tooManyRejections(table:allowed:rejected:)`` as soon as more than
    /// `maxErrors` records are rejected; the caller's transaction then undoes what was written.
    public func stage(_ dataset: Dataset, into sink: inout some StagingSink) throws -> StagingReport {
        let clock = ContinuousClock()
        let discoveryStart = clock.now
        let files = try folder.files(of: dataset)
        let format = try folder.format(of: dataset)
        let discoverTime = clock.now - discoveryStart

        let table = dataset.stagingTable
        var decoder = RecordDecoder(plan: StagingPlan(table: table, format: format))
        let reader = JSONFileReader()
        var batch = StagedBatch(columnCount: table.columns.count)
        var rejected: [RejectedRecord] = []
        var rows = 0, bytes = 0
        var writeTime = Duration.zero
        let readStart = clock.now

        func flush() throws {
            guard !batch.isEmpty else { return }
            let writeStart = clock.now
            rows += batch.rowCount
            try sink.write(batch)
            batch.removeAll()
            writeTime += clock.now - writeStart
        }
        for file in files {
            func reject(line: Int, reason: String) throws {
                rejected.append(RejectedRecord(file: file.path, line: line, reason: reason))
                if rejected.count > maxErrors {
                    throw StagingError.tooManyRejections(table: table.name, allowed: maxErrors, rejected: rejected)
                }
            }
            bytes += try reader.scan(file, object: { scanner in
                let line = scanner.line
                try decoder.scanObject(&scanner)
                if let reason = decoder.appendRow(from: scanner.bytes, to: &batch) {
                    try reject(line: line, reason: reason)
                } else if batch.rowCount >= Self.batchRows || batch.textByteCount >= Self.batchTextBytes {
                    try flush()
                }
            }, reject: reject)
        }
        try flush()
        return StagingReport(
            table: table.name, files: files.count, bytes: bytes, rows: rows, rejected: rejected,
            discoverTime: discoverTime, readTime: clock.now - readStart - writeTime, writeTime: writeTime
        )
    }
}
