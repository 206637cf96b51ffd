import Foundation

/// Stages a dataset from an ``ObjectSource`` into a ``StagingSink`` with the semantics of
/// Redshift's COPY for JSON: every warehouse that takes rows stages the same rows from the same
/// objects, wherever they come from.
///
/// Listing, reading and writing overlap: one thread lists the objects, `parsingThreads` others
/// read and parse them into batches (each object whole on one of them, several objects at
/// once), and the calling thread writes the batches into the sink as they come.
public struct RecordStager<Source: ObjectSource> {
    /// Rows in a batch.
    static var batchRows: Int { 4096 }
    /// Text bytes in a batch, at most (about).
    static var batchTextBytes: Int { 1 << 20 }
    /// Batches waiting to be written, at most.
    static var queuedBatches: Int { 4 }
    /// Files listed and waiting to be read, at most.
    static var queuedFiles: Int { 1024 }

    /// The objects read.
    public let source: Source
    /// How many records may be rejected before the load fails, as COPY's MAXERROR.
    public let maxErrors: Int
    /// Told of every object read, for a progress display, from the parsing threads.
    public let progress: (any ProgressObserver)?
    /// How many threads parse objects at once.
    public let parsingThreads: Int

    /// Parsing threads when not told otherwise: one per active core but the one the caller
    /// writes on, at least 1 and at most 4. On 2 cores a second parser fights the writer for
    /// them: measured at 1,000,000 events, two took 0.98 times the wall time for 1.06 times the
    /// CPU (and once 1.11 times the wall time).
    public static var defaultParsingThreads: Int {
        min(4, max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
    }

    /// A stager reading `source` that tolerates up to `maxErrors` rejected records per table,
    /// telling `progress` of every object it reads, parsing on `parsingThreads` threads (at
    /// least one).
    public init(source: Source, maxErrors: Int, progress: (any ProgressObserver)? = nil,
                parsingThreads: Int = Self.defaultParsingThreads) {
        self.source = source
        self.maxErrors = maxErrors
        self.progress = progress
        self.parsingThreads = max(1, parsingThreads)
    }

    /// What staging `dataset` runs, for dry runs: `statement`, the warehouse's statement that
    /// writes each row, after a comment saying how many objects feed it (listed to count them).
    /// Names in the comment are escaped, so that none can end it.
    /// `visit` sees each object as the listing finds it.
    public func describe(_ dataset: Dataset, writingEachRowWith statement: String,
                         visiting visit: (Source.Object) throws -> Void = { _ in }) throws -> String {
        var count = 0
        var walking = Duration.zero
        try source.forEachObject(of: dataset, walking: &walking) { object in
            count += 1
            try visit(object)
        }
        let comment = "one row per JSON object in the \(count) .json files under \(source.location(of: dataset)) (at most \(maxErrors) rejected):"
        return "-- " + MessageText.escaping(comment) + "\n" + statement
    }

    /// Reads every file of `dataset` and writes its rows to `sink`: each file's rows in the
    /// order it holds them, the files' rows interleaved as the parsing threads send them.
    /// Throws ``StagingError/tooManyRejections(table:allowed:rejected:)`` as soon as more than
    /// `maxErrors` records are rejected, with the first `maxErrors + 1` in listing order; the
    /// caller's transaction then undoes what was written. The report's rejected records are
    /// in listing order too, and its read time is the parsing threads' busy time, summed.
    public func stage(_ dataset: Dataset, into sink: inout some StagingSink) throws -> StagingReport {
        let clock = ContinuousClock()
        let format = try source.format(of: dataset)
        let table = dataset.stagingTable
        let reader = StagingReader(source: source, dataset: dataset, plan: StagingPlan(table: table, format: format),
                                   maxErrors: maxErrors, threads: parsingThreads, progress: progress)
        reader.start()

        var rows = 0
        var writeTime = Duration.zero
        var writeError: (any Error)?
        while let batch = reader.channel.receive() {
            let start = clock.now
            do {
                try LoadInterruption.shared.check()
                try sink.write(batch)
            } catch {
                writeError = error
                reader.stop()
                break
            }
            rows += batch.rowCount
            writeTime += clock.now - start
            reader.channel.recycle(batch)
        }
        reader.wait()
        if let writeError { throw writeError }
        if let readError = reader.error { throw readError }
        return StagingReport(
            table: table.name, files: reader.files, bytes: reader.bytes, rows: rows, rejected: reader.rejected,
            discoverTime: reader.walkingTime, readTime: reader.busyTime, writeTime: writeTime
        )
    }
}
