import NIOCore

/// A request's body: nothing, bytes in memory, or a range of a local file streamed from disk.
enum AWSRequestBody: Sendable {
    case empty
    case bytes(ByteBuffer)
    case file(path: String, offset: Int64, length: Int64)

    /// The number of bytes sent.
    var length: Int64 {
        switch self {
        case .empty: 0
        case .bytes(let buffer): Int64(buffer.readableBytes)
        case .file(_, _, let length): length
        }
    }
}
