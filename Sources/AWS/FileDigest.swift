import Crypto
import Foundation

/// The SHA-256 of a local file, and of each of its parts of `partSize` bytes, in one pass:
/// the whole file's digest is what the upload stores as `x-amz-meta-sha256` and compares on a
/// second upload; the parts' digests sign the parts of a multipart upload.
struct FileDigest: Sendable {
    /// The file's size in bytes.
    let size: Int64
    /// The whole file's SHA-256, lower-case hex.
    let sha256: String
    /// Each part's SHA-256, when parts were asked for.
    let partSHA256: [String]

    /// Reads `path` once, 1 MiB at a time; `partSize` nil for no parts.
    init(path: String, partSize: Int64?) throws {
        let file = FileChunks.OpenFile(path: path)
        var whole = SHA256()
        var part = SHA256()
        var parts = [String]()
        var offset: Int64 = 0
        var inPart: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileChunks.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let want = partSize.map { Int(min(Int64(buffer.count), $0 - inPart)) } ?? buffer.count
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<want]), at: offset)
            if count == 0 { break }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            whole.update(bufferPointer: bytes)
            offset += Int64(count)
            if let partSize {
                part.update(bufferPointer: bytes)
                inPart += Int64(count)
                if inPart == partSize {
                    parts.append(Data(part.finalize()).hexString)
                    part = SHA256()
                    inPart = 0
                }
            }
        }
        if partSize != nil && (inPart > 0 || parts.isEmpty) { parts.append(Data(part.finalize()).hexString) }
        size = offset
        sha256 = Data(whole.finalize()).hexString
        partSHA256 = parts
    }

    /// The MD5 of the file, lower-case hex: the ETag S3 gives a single-part upload.
    static func md5(path: String) throws -> String {
        let file = FileChunks.OpenFile(path: path)
        var md5 = Insecure.MD5()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileChunks.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while true {
            let count = try file.read(into: buffer, at: offset)
            if count == 0 { break }
            md5.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            offset += Int64(count)
        }
        return Data(md5.finalize()).hexString
    }
}
