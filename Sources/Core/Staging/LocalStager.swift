import Foundation

/// Stages a dataset from a local ``SourceFolder`` into a warehouse's ``StagingSink``, with the
/// semantics of Redshift's COPY for JSON. The local backends share it, so every local
/// warehouse stages the same rows from the same files.
///
/// Listing, reading and writing overlap: one thread lists the folders, another reads and parses
/// the files into batches, and the calling thread writes the previous batches into the
/// warehouse.
public struct LocalStager {
    /// Rows in a batch.
    static let batchRows = 4096
    /// Text bytes in a batch, at most (about).
    static let batchTextBytes = 1 << 20
    /// Batches waiting to be written, at most.
    static let queuedBatches = 4
    /// Files listed and waiting to be read, at most.
    static let queuedFiles = 1024

    /// The folder read.
    public let folder: SourceFolder
    /// How many records may be rejected before the load fails, as COPY's MAXERROR.
    public let maxErrors: Int

    /// A stager reading `folder` that tolerates up to `maxErrors` rejected records per table.
    public init(folder: SourceFolder, maxErrors: Int) {
        self.folder = folder
        self.maxErrors = maxErrors
    }

    /// What staging `dataset` runs, for dry runs: `statement`, the warehouse's statement that
    /// writes each row, after a comment saying how many files feed it.
    public func describe(_ dataset: Dataset, writingEachRowWith statement: String) throws -> String {
        let files = try folder.files(of: dataset)
        return "-- one row per JSON object in the \(files.count) .json files under \(folder.path.appending(dataset.folderName))"
            + " (at most \(maxErrors) rejected):\n" + statement
    }

    /// Reads every file of `dataset` and writes its rows to `sink`, in file order. Throws
    /// ``StagingError/tooManyRejections(table:allowed:rejected:)`` as soon as more than
    /// `maxErrors` records are rejected; the caller's transaction then undoes what was written.
    public func stage(_ dataset: Dataset, into sink: inout some StagingSink) throws -> StagingReport {
        let clock = ContinuousClock()
        let format = try folder.format(of: dataset)
        let table = dataset.stagingTable
        let channel = BatchChannel(capacity: Self.queuedBatches)
        let reader = StagingReader(folder: folder, dataset: dataset, plan: StagingPlan(table: table, format: format),
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
                try LoadInterruption.shared.check()
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
            table: table.name, files: reader.files, bytes: reader.bytes, rows: rows, rejected: reader.rejected,
            discoverTime: reader.walkingTime, readTime: reader.busyTime, writeTime: writeTime
        )
    }
}

/// The reading side of staging: parses the files in order into batches, sending them down the
/// channel, while a thread of its own lists the folders; runs on its own thread.
final class StagingReader: @unchecked Sendable {
    private let folder: SourceFolder
    private let dataset: Dataset
    private let table: Table
    private let maxErrors: Int
    private let channel: BatchChannel
    private var decoder: RecordDecoder
    /// Records rejected so far.
    private(set) var rejected: [RejectedRecord] = []
    /// Files read.
    private(set) var files = 0
    /// Bytes read.
    private(set) var bytes = 0
    /// Time spent listing folders.
    private(set) var walkingTime = Duration.zero
    /// Time spent reading and parsing, not waiting for the listing.
    private(set) var busyTime = Duration.zero
    /// Why reading stopped early, if it did.
    private(set) var error: (any Error)?
    /// Why listing the folders stopped early, if it did; set before the listing finishes.
    private var listingError: (any Error)?

    init(folder: SourceFolder, dataset: Dataset, plan: StagingPlan, maxErrors: Int, channel: BatchChannel) {
        self.folder = folder
        self.dataset = dataset
        self.table = dataset.stagingTable
        self.maxErrors = maxErrors
        self.channel = channel
        self.decoder = RecordDecoder(plan: plan)
    }

    /// Counts a rejected record; throws once more are rejected than allowed.
    private func reject(_ record: RejectedRecord) throws {
        rejected.append(record)
        if rejected.count > maxErrors {
            throw StagingError.tooManyRejections(table: table.name, allowed: maxErrors, rejected: rejected)
        }
    }

    /// Reads every file as the folders are listed; records the error that stops it, if any.
    /// Always finishes the channel.
    func run() {
        let clock = ContinuousClock()
        let start = clock.now
        let listed = BoundedQueue<SourceFile>(capacity: LocalStager.queuedFiles)
        let listingDone = DispatchSemaphore(value: 0)
        let lister = Thread { [self] in
            do {
                try folder.forEachFile(of: dataset, walking: &walkingTime) { file in
                    guard listed.send(file) else { throw CancellationError() }
                }
            } catch is CancellationError {
            } catch {
                listingError = error
            }
            listed.finish()
            listingDone.signal()
        }
        lister.start()
        var waiting = Duration.zero
        defer {
            listed.cancel()
            listingDone.wait()
            busyTime = clock.now - start - waiting
            channel.finish()
        }
        let reader = JSONRecordReader()
        var batch = channel.reusableBatch(columnCount: table.columns.count)
        do {
            while true {
                let asked = clock.now
                guard let file = listed.receive() else { break }
                waiting += clock.now - asked
                try LoadInterruption.shared.check()
                files += 1
                bytes += try reader.read(LocalFileStream(path: file.path), scanObject: { scanner throws(ScanFailure) in
                    try decoder.scanObject(&scanner)
                }, accept: { record in
                    if let reason = decoder.appendRow(from: record.bytes, to: &batch) {
                        try reject(RejectedRecord(file: file.path.description, line: record.line, reason: reason))
                    } else if batch.rowCount >= LocalStager.batchRows || batch.textByteCount >= LocalStager.batchTextBytes {
                        guard channel.send(batch) else { throw CancellationError() }
                        batch = channel.reusableBatch(columnCount: table.columns.count)
                    }
                }, reject: { record, reason in
                    try reject(RejectedRecord(file: file.path.description, line: record.line, reason: reason))
                })
            }
            // Seen after the listing finished, so it is set by now if the listing failed.
            if let listingError { throw listingError }
            if !batch.isEmpty, !channel.send(batch) { throw CancellationError() }
        } catch is CancellationError {
            return
        } catch {
            self.error = error
        }
    }
}
