import Foundation

/// The reading side of staging: parses the objects in order into batches, sending them down
/// the channel, while a thread of its own lists them; runs on its own thread.
final class StagingReader<Source: ObjectSource>: @unchecked Sendable {
    private let source: Source
    private let dataset: Dataset
    private let table: Table
    private let maxErrors: Int
    private let channel: BatchChannel
    private var decoder: RecordDecoder
    /// Records rejected so far.
    private(set) var rejected: [RejectedRecord] = []
    /// Objects read.
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

    private let progress: (any ProgressObserver)?

    init(source: Source, dataset: Dataset, plan: StagingPlan, maxErrors: Int, channel: BatchChannel,
         progress: (any ProgressObserver)?) {
        self.progress = progress
        self.source = source
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

    /// Reads every object as the listing goes; records the error that stops it, if any.
    /// Always finishes the channel.
    func run() {
        let clock = ContinuousClock()
        let start = clock.now
        let listed = BoundedQueue<Source.Object>(capacity: RecordStager<Source>.queuedFiles)
        let listingDone = DispatchSemaphore(value: 0)
        let lister = Thread { [self] in
            do {
                try source.forEachObject(of: dataset, walking: &walkingTime) { file in
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
                let name = source.name(of: file)
                var records = 0
                let read = try reader.read(source.open(file), scanObject: { scanner throws(ScanFailure) in
                    try decoder.scanObject(&scanner)
                }, accept: { record in
                    records += 1
                    if let reason = decoder.appendRow(from: record.bytes, to: &batch) {
                        try reject(RejectedRecord(file: name, line: record.line, reason: reason))
                    } else if batch.rowCount >= RecordStager<Source>.batchRows || batch.textByteCount >= RecordStager<Source>.batchTextBytes {
                        guard channel.send(batch) else { throw CancellationError() }
                        batch = channel.reusableBatch(columnCount: table.columns.count)
                    }
                }, reject: { record, reason in
                    records += 1
                    try reject(RejectedRecord(file: name, line: record.line, reason: reason))
                })
                bytes += read
                progress?.staged(bytes: read, records: records)
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
