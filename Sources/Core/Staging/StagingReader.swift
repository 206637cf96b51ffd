import Foundation

/// The reading side of staging: lists a dataset's objects on a thread of its own and parses
/// them on `threads` others, each object whole on one of them, all sending batches into one
/// channel, which finishes when the last of them ends.
///
/// Anything that stops one thread stops them all: an error reading an object, an
/// interruption, a failed listing, or ``stop()`` (the writer failed). More rejections than
/// allowed stop the listing too, once the objects begun are read, so that the records
/// reported are those a reader of the objects one by one would have reported.
final class StagingReader<Source: ObjectSource>: @unchecked Sendable {
    /// Where the batches go; the writer receives them here.
    let channel: BatchChannel
    private let table: Table
    private let feed: ObjectFeed<Source>
    private let rejections: RejectionLedger
    private let workers: [StagingWorker<Source>]
    private let running = DispatchGroup()
    private let lock = NSLock()
    private var failure: (any Error)?

    /// A reader of `dataset`'s objects in `source`, parsed by `plan` on `threads` threads,
    /// tolerating up to `maxErrors` rejected records, telling `progress` of every object read.
    init(source: Source, dataset: Dataset, plan: StagingPlan, maxErrors: Int, threads: Int,
         progress: (any ProgressObserver)?) {
        let channel = BatchChannel(capacity: RecordStager<Source>.queuedBatches, producers: threads)
        let feed = ObjectFeed(source: source, dataset: dataset, capacity: RecordStager<Source>.queuedFiles)
        let rejections = RejectionLedger(allowed: maxErrors)
        self.table = dataset.stagingTable
        self.channel = channel
        self.feed = feed
        self.rejections = rejections
        self.workers = (0..<threads).map { _ in
            StagingWorker(feed: feed, plan: plan, channel: channel, rejections: rejections, progress: progress)
        }
    }

    /// Starts listing and parsing.
    func start() {
        feed.start { [self] error in fail(error) }
        for worker in workers {
            running.enter()
            let thread = Thread { [self] in
                do {
                    try worker.run()
                } catch is CancellationError {
                } catch {
                    fail(error)
                }
                channel.finish()
                running.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Stops every thread soon: no more objects are handed out, and the channel is cancelled.
    func stop() {
        feed.stop()
        channel.cancel()
    }

    /// Records the first error that stopped reading, and stops the rest.
    private func fail(_ error: any Error) {
        lock.withLock { failure = failure ?? error }
        stop()
    }

    /// Waits for every thread to end.
    func wait() {
        running.wait()
        feed.stop()
        feed.wait()
    }

    /// Why reading stopped early, if it did: the first error of any thread, or else
    /// ``StagingError/tooManyRejections(table:allowed:rejected:)``. Read after ``wait()``.
    var error: (any Error)? {
        if let failure = lock.withLock({ failure }) { return failure }
        guard rejections.isOverLimit else { return nil }
        return StagingError.tooManyRejections(table: table.name, allowed: rejections.allowed, rejected: rejections.records)
    }

    /// The records rejected, in listing order. Read after ``wait()``.
    var rejected: [RejectedRecord] { rejections.records }

    /// Objects read.
    var files: Int { workers.reduce(0) { $0 + $1.files } }

    /// Bytes read.
    var bytes: Int { workers.reduce(0) { $0 + $1.bytes } }

    /// Time spent listing folders.
    var walkingTime: Duration { feed.walkingTime }

    /// Time the threads spent reading and parsing, summed: with two threads busy, twice the
    /// time that passed.
    var busyTime: Duration { workers.reduce(.zero) { $0 + $1.busyTime } }
}
