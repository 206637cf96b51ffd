@testable import Core
import Foundation
import Testing

@Suite("A bounded queue between two threads")
struct BoundedQueueTests {
    @Test("Values arrive in order, then nil once the producer has finished")
    func inOrder() {
        let queue = BoundedQueue<Int>(capacity: 3)
        let producer = Thread {
            for value in 0..<1000 { _ = queue.send(value) }
            queue.finish()
        }
        producer.start()
        var received: [Int] = []
        while let value = queue.receive() { received.append(value) }
        #expect(received == Array(0..<1000))
        #expect(queue.receive() == nil)
    }

    @Test("A full queue holds the producer until a value is taken")
    func fullQueueWaits() {
        let queue = BoundedQueue<Int>(capacity: 2)
        #expect(queue.send(1) && queue.send(2))
        let sent = DispatchSemaphore(value: 0)
        let producer = Thread {
            _ = queue.send(3)
            sent.signal()
        }
        producer.start()
        #expect(sent.wait(timeout: .now() + 0.2) == .timedOut)
        #expect(queue.receive() == 1)
        #expect(sent.wait(timeout: .now() + 10) == .success)
        queue.finish()
        #expect(queue.receive() == 2 && queue.receive() == 3 && queue.receive() == nil)
    }

    @Test("A value taken is no longer held by the queue, however busy it stays")
    func takenValuesAreReleased() {
        final class Payload {}
        let queue = BoundedQueue<Payload>(capacity: 4)
        weak var taken: Payload?
        do {
            let payload = Payload()
            taken = payload
            #expect(queue.send(payload) && queue.send(Payload()))
            _ = queue.receive()
        }
        #expect(queue.send(Payload()))
        #expect(taken == nil)
    }

    @Test("Cancelling releases a producer waiting on a full queue, and stops it")
    func cancelling() {
        let queue = BoundedQueue<Int>(capacity: 1)
        #expect(queue.send(1))
        let refused = DispatchSemaphore(value: 0)
        let producer = Thread {
            if !queue.send(2) { refused.signal() }
        }
        producer.start()
        queue.cancel()
        #expect(refused.wait(timeout: .now() + 10) == .success)
        #expect(!queue.send(3))
    }
}
