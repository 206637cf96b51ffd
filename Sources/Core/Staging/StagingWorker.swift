import Foundation

/// One parsing thread of staging: takes objects from the feed and parses each one whole with a
/// decoder of its own, filling batches that it sends down the channel as they fill up.
///
/// Used by one thread at a time: the thread that runs it, then the one that reads its figures
/// once it has ended.
final class StagingWorker<Source: ObjectSource>: @unchecked Sendable {
    private let feed: ObjectFeed<Source>
    private let channel: BatchChannel
    private let rejections: RejectionLedger
    private let progress: (any ProgressObserver)?
    private let columnCount: Int
    private var decoder: RecordDecoder
    private let reader = JSONRecordReader()
    private let clock = ContinuousClock()
    /// Time spent waiting for the next object or for room in the channel.
    private var waiting = Duration.zero
    /// Objects read.
    private(set) var files = 0
    /// Bytes read.
    private(set) var bytes = 0
    /// Time spent reading and parsing: the thread's time, less its waits for the next object
    /// and for room in the channel.
    private(set) var busyTime = Duration.zero

    /// A worker parsing the feed's objects by `plan`, counting rejections in `rejections`.
    init(feed: ObjectFeed<Source>, plan: StagingPlan, channel: BatchChannel, rejections: RejectionLedger,
         progress: (any ProgressObserver)?) {
        self.feed = feed
        self.channel = channel
        self.rejections = rejections
        self.progress = progress
        self.columnCount = plan.rules.count
        self.decoder = RecordDecoder(plan: plan)
    }

    /// Parses objects until the feed has no more, then sends the last rows. Throws what stopped
    /// it early: a ``LoadInterrupted``, an error reading an object, or ``CancellationError``
    /// when the channel was cancelled or this object's rejections are past the number allowed.
    func run() throws {
        let start = clock.now
        defer { busyTime = clock.now - start - waiting }
        var batch = channel.reusableBatch(columnCount: columnCount)
        while let object = try nextObject() {
            try LoadInterruption.shared.check()
            try read(object, into: &batch)
        }
        if !batch.isEmpty { try send(batch) }
    }

    private func nextObject() throws -> ObjectFeed<Source>.Item? {
        let asked = clock.now
        defer { waiting += clock.now - asked }
        return try feed.next()
    }

    private func send(_ batch: StagedBatch) throws {
        let asked = clock.now
        let sent = channel.send(batch)
        waiting += clock.now - asked
        guard sent else { throw CancellationError() }
    }

    /// Reads one object's records into `batch`, sending it whenever it is full.
    private func read(_ object: ObjectFeed<Source>.Item, into batch: inout StagedBatch) throws {
        files += 1
        var records = 0
        var rejectedHere = 0
        func reject(line: Int, reason: String) throws {
            rejectedHere += 1
            if rejections.add(RejectedRecord(file: object.name, line: line, reason: reason), ordinal: object.ordinal) {
                feed.stop()
            }
            // Past this, no later record of the object can be among those reported.
            if rejectedHere > rejections.allowed { throw CancellationError() }
        }
        let read = try reader.read(object.stream, scanObject: { scanner throws(ScanFailure) in
            try decoder.scanObject(&scanner)
        }, accept: { record in
            records += 1
            if let reason = decoder.appendRow(from: record.bytes, to: &batch) {
                try reject(line: record.line, reason: reason)
            } else if batch.rowCount >= RecordStager<Source>.batchRows || batch.textByteCount >= RecordStager<Source>.batchTextBytes {
                try send(batch)
                batch = channel.reusableBatch(columnCount: columnCount)
            }
        }, reject: { record, reason in
            records += 1
            try reject(line: record.line, reason: reason)
        })
        bytes += read
        progress?.staged(bytes: read, records: records)
    }
}
