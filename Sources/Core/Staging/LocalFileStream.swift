#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a local file, read with `read(2)`; closed when released.
final class LocalFileStream: ByteStream {
    private let descriptor: Int32
    private let path: LocalPath

    /// Opens `path` for reading; throws naming the file and the system's reason. Only a
    /// regular file is opened, so a FIFO or a device cannot block the load.
    init(path: LocalPath) throws(StagingError) {
        let descriptor = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { throw .unreadable(file: path.description, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .unreadable(file: path.description, reason: reason)
        }
        if let kind = LocalPath.kind(of: info) {
            close(descriptor)
            throw .unreadable(file: path.description, reason: "\(kind), not a file")
        }
        // Regular files never block; reads go back to blocking mode for clarity.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            guard errno == EINTR else {
                throw StagingError.unreadable(file: path.description, reason: String(cString: strerror(errno)))
            }
        }
    }
}

/// `read(2)`, named apart from ``LocalFileStream/read(into:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
