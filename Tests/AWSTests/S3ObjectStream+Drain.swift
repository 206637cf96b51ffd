import AWS
import Crypto
import Foundation

extension S3ObjectStream {
    /// Reads the stream to its end in `bufferSize` reads, as a POSIX read loop does; returns
    /// the bytes' count and SHA-256 (hex), or the bytes themselves when `keep`.
    func drain(bufferSize: Int = 64 * 1024, keep: Bool = false) throws -> (count: Int, sha256: String, bytes: Data) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        var hash = SHA256()
        var count = 0
        var bytes = Data()
        while true {
            let read = try read(into: buffer)
            if read == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<read])
            hash.update(bufferPointer: chunk)
            if keep { bytes.append(contentsOf: chunk) }
            count += read
        }
        return (count, TestFile.hex(hash.finalize()), bytes)
    }
}
