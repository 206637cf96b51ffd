import Foundation
import NIOCore

/// A range of a local file as a sequence of buffers of at most 1 MiB, read from disk as the
/// HTTP client asks for them, so a large upload holds little memory.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let path: String
    let offset: Int64
    let length: Int64
    static let chunkSize = 1 << 20

    func makeAsyncIterator() -> Iterator {
        Iterator(file: OpenFile(path: path), offset: offset, end: offset + length)
    }

    struct Iterator: AsyncIteratorProtocol {
        let file: OpenFile
        var offset: Int64
        let end: Int64

        mutating func next() async throws -> ByteBuffer? {
            guard offset < end else { return nil }
            let count = Int(Swift.min(Int64(FileChunks.chunkSize), end - offset))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            let read = try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { bytes in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[..<count]), at: offset)
            }
            guard read == count else {
                throw AWSError(resource: file.path, code: "FileChanged", message: "the file became shorter while it was uploaded")
            }
            offset += Int64(read)
            return buffer
        }
    }

    /// A file descriptor, opened on first read and closed when the upload lets go of it.
    final class OpenFile: @unchecked Sendable {
        let path: String
        private var descriptor: Int32 = -1

        init(path: String) {
            self.path = path
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        /// Fills `bytes` from `offset` (fewer only at the end of the file).
        func read(into bytes: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
            if descriptor < 0 { descriptor = open(path, O_RDONLY | O_CLOEXEC) }
            guard descriptor >= 0 else { throw AWSError(resource: path, code: "FileError", message: String(cString: strerror(errno))) }
            var done = 0
            while done < bytes.count {
                let count = pread(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw AWSError(resource: path, code: "FileError", message: String(cString: strerror(errno))) }
                if count == 0 { break }
                done += count
            }
            return done
        }
    }
}
