import Foundation

/// Stages a dataset from a local ``SourceFolder`` into a warehouse's ``StagingSink``, with the
/// semantics of Redshift's COPY for JSON. The local backends share it, so every local
/// warehouse stages the same rows from the same files.
///
/// Reading and writing overlap: one thread reads and parses the files into batches while the
/// calling thread writes the previous batches into the warehouse.
public struct LocalStager {
    /// Rows in a batch.
    static let batchRows = 4096
    /// Text bytes in a batch, at most (about).
    static let batchTextBytes = 1 << 20
    /// Batches waiting to be written, at most.
    static let queuedBatches = 4

    /// The folder read.
    public let folder: SourceFolder
    /// How many records may be rejected before the load fails, as COPY's MAXERROR.
    public let maxErrors: Int

    /// A stager reading `folder` that tolerates up to `maxErrors` rejected records per table.
    public init(folder: SourceFolder, maxErrors: Int) {
        self.folder = folder
        self.maxErrors = maxErrors
    }

    /// Reads every file of `dataset` and writes its rows to `sink`, in file order. Throws
    /// ``StagingError/tooManyRejections(table:allowed:rejected:)`` as soon as more than
    /// `maxErrors` records are rejected; the caller's transaction then undoes what was written.
    public func stage(_ dataset: Dataset, into sink: inout some StagingSink) throws -> StagingReport {
        let clock = ContinuousClock()
        let discoveryStart = clock.now
        let files = try folder.files(of: dataset)
        let format = try folder.format(of: dataset)
        let discoverTime = clock.now - discoveryStart

        let table = dataset.stagingTable
        let channel = BatchChannel(capacity: Self.queuedBatches)
        let reader = StagingReader(files: files, table: table, plan: StagingPlan(table: table, format: format),
                                   maxErrors: maxErrors, channel: channel)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            reader.run()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()

        var rows = 0
        var writeTime = Duration.zero
        var writeError: (any Error)?
        while let batch = channel.receive() {
            let start = clock.now
            do {
                try sink.write(batch)
            } catch {
                writeError = error
                channel.cancel()
                break
            }
            rows += batch.rowCount
            writeTime += clock.now - start
            channel.recycle(batch)
        }
        done.wait()
        if let writeError { throw writeError }
        if let readError = reader.error { throw readError }
        return StagingReport(
            table: table.name, files: files.count, bytes: reader.bytes, rows: rows, rejected: reader.rejected,
            discoverTime: discoverTime, readTime: reader.busyTime, writeTime: writeTime
        )
    }
}

/// The reading side of staging: parses the files in order into batches and sends them down the
/// channel; runs on its own thread.
final class StagingReader: @unchecked Sendable {
    private let files: [SourceFile]
    private let table: Table
    private let maxErrors: Int
    private let channel: BatchChannel
    private var decoder: RecordDecoder
    /// Records rejected so far.
    private(set) var rejected: [RejectedRecord] = []
    /// Bytes read.
    private(set) var bytes = 0
    /// Time spent reading and parsing.
    private(set) var busyTime = Duration.zero
    /// Why reading stopped early, if it did.
    private(set) var error: (any Error)?

    init(files: [SourceFile], table: Table, plan: StagingPlan, maxErrors: Int, channel: BatchChannel) {
        self.files = files
        self.table = table
        self.maxErrors = maxErrors
        self.channel = channel
        self.decoder = RecordDecoder(plan: plan)
    }

    /// Reads every file; records the error that stops it, if any. Always finishes the channel.
    func run() {
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            busyTime = clock.now - start
            channel.finish()
        }
        let reader = JSONFileReader()
        var batch = channel.reusableBatch(columnCount: table.columns.count)
        do {
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
                    } else if batch.rowCount >= LocalStager.batchRows || batch.textByteCount >= LocalStager.batchTextBytes {
                        guard channel.send(batch) else { throw CancellationError() }
                        batch = channel.reusableBatch(columnCount: table.columns.count)
                    }
                }, reject: reject)
            }
            if !batch.isEmpty, !channel.send(batch) { throw CancellationError() }
        } catch is CancellationError {
            return
        } catch {
            self.error = error
        }
    }
}
