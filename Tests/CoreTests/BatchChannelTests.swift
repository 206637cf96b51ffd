@testable import Core
import Foundation
import Testing

@Suite("A batch channel fed by several threads")
struct BatchChannelTests {
    /// A batch of one row holding `value`.
    static func batch(_ value: Int64) -> StagedBatch {
        var batch = StagedBatch(columnCount: 1)
        batch.append(value)
        return batch
    }

    /// A semaphore signalled when a writer on a thread of its own receives the channel's end
    /// (`nil`) rather than a batch.
    static func signalWhenReceivingEnds(_ channel: BatchChannel) -> DispatchSemaphore {
        let ended = DispatchSemaphore(value: 0)
        Thread {
            if channel.receive() == nil { ended.signal() }
        }.start()
        return ended
    }

    @Test("Every batch of every producer arrives once; the channel ends when the last producer finishes")
    func severalProducers() {
        let channel = BatchChannel(capacity: 2, producers: 3)
        for producer in 0..<3 {
            Thread {
                for index in 0..<500 { _ = channel.send(Self.batch(Int64(producer * 1000 + index))) }
                channel.finish()
            }.start()
        }
        var received: [Int64] = []
        while let batch = channel.receive() {
            batch.withRows { rows in
                if case .integer(let value) = rows[0, 0] { received.append(value) }
            }
        }
        let expected = (0..<3).flatMap { producer in (0..<500).map { Int64(producer * 1000 + $0) } }
        #expect(received.sorted() == expected)
    }

    @Test("Until every producer has finished, the writer waits")
    func waitsForEveryProducer() {
        let channel = BatchChannel(capacity: 2, producers: 2)
        channel.finish()
        let ended = Self.signalWhenReceivingEnds(channel)
        #expect(ended.wait(timeout: .now() + 0.2) == .timedOut)
        channel.finish()
        #expect(ended.wait(timeout: .now() + 10) == .success)
    }

    @Test("Cancelling releases a writer waiting for a batch, and refuses every batch after")
    func cancelReleasesTheWriter() {
        let channel = BatchChannel(capacity: 2, producers: 1)
        let released = Self.signalWhenReceivingEnds(channel)
        #expect(released.wait(timeout: .now() + 0.2) == .timedOut)
        channel.cancel()
        #expect(released.wait(timeout: .now() + 10) == .success)
        #expect(!channel.send(Self.batch(1)))
        #expect(channel.receive() == nil)
    }

    @Test("A recycled batch comes back empty, with its storage")
    func recycling() {
        let channel = BatchChannel(capacity: 1, producers: 1)
        var batch = StagedBatch(columnCount: 1)
        for value in 0..<100 { batch.append(Int64(value)) }
        channel.recycle(batch)
        let reused = channel.reusableBatch(columnCount: 1)
        #expect(reused.isEmpty && reused.fields.capacity >= 100)
    }
}
