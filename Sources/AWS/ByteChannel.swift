import Foundation
import NIOCore

/// Bytes handed from an async producer (a download) to a reader on a thread of its own,
/// with backpressure: the producer waits, without holding a thread, once `capacity` bytes
/// are buffered, and goes on as the reader takes them.
final class ByteChannel: @unchecked Sendable {
    private enum End {
        case finished
        case failed(any Error)
    }

    private let condition = NSCondition()
    private var chunks = CircularBuffer<ByteBuffer>()
    private var buffered = 0
    private var end: End?
    private var isClosed = false
    private var spaceWaiter: CheckedContinuation<Void, Never>?
    /// The bytes buffered before the producer waits.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Hands `chunk` to the reader; returns once the buffer is below capacity again. Throws
    /// `CancellationError` when the reader has closed the channel.
    func send(_ chunk: ByteBuffer) async throws {
        guard chunk.readableBytes > 0 else { return }
        let isFull = try condition.withLock {
            guard !isClosed else { throw CancellationError() }
            chunks.append(chunk)
            buffered += chunk.readableBytes
            condition.broadcast()
            return buffered >= capacity
        }
        guard isFull else { return }
        await withCheckedContinuation { continuation in
            condition.lock()
            if buffered < capacity || isClosed {
                condition.unlock()
                continuation.resume()
            } else {
                spaceWaiter = continuation
                condition.unlock()
            }
        }
        if condition.withLock({ isClosed }) { throw CancellationError() }
    }

    /// Ends the bytes: the reader gets 0 after the last, or `error` when there is one.
    func finish(throwing error: (any Error)?) {
        condition.withLock {
            end = error.map { .failed($0) } ?? .finished
            condition.broadcast()
        }
    }

    /// Blocks until bytes arrive, copies as many as fit into `buffer` and returns how many;
    /// 0 at the end. Rethrows the producer's error once the bytes before it are read.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        condition.lock()
        while chunks.isEmpty && end == nil && !isClosed { condition.wait() }
        guard !chunks.isEmpty else {
            defer { condition.unlock() }
            if isClosed { throw CancellationError() }
            if case .failed(let error) = end { throw error }
            return 0
        }
        let first = chunks.startIndex
        let count = min(buffer.count, chunks[first].readableBytes)
        chunks[first].withUnsafeReadableBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<count]))
        }
        chunks[first].moveReaderIndex(forwardBy: count)
        if chunks[first].readableBytes == 0 { chunks.removeFirst() }
        buffered -= count
        var waiter: CheckedContinuation<Void, Never>?
        if buffered < capacity { swap(&waiter, &spaceWaiter) }
        condition.unlock()
        waiter?.resume()
        return count
    }

    /// The reader is done: buffered bytes are dropped and the producer stops.
    func close() {
        condition.lock()
        isClosed = true
        chunks.removeAll()
        buffered = 0
        let waiter = spaceWaiter
        spaceWaiter = nil
        condition.broadcast()
        condition.unlock()
        waiter?.resume()
    }
}
