#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path on the local file system, kept as the bytes the system uses: on Linux a name need
/// not be UTF-8, and such a file must still be found, read and named.
public struct LocalPath: Sendable, Hashable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    /// The path spelled by `string`, as UTF-8.
    public init(_ string: String) {
        self.bytes = Array(string.utf8)
    }

    /// The path of exactly these bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The path as a message shows it: UTF-8 where valid, other bytes as `\xFF`, control
    /// characters escaped, so that no name can forge a line of output.
    public var description: String { MessageText.escaping(bytes: bytes) }

    /// Whether the path is empty.
    public var isEmpty: Bool { bytes.isEmpty }

    /// The path of `name` inside this folder.
    public func appending(_ name: some Collection<UInt8>) -> LocalPath {
        LocalPath(bytes: bytes + [UInt8(ascii: "/")] + name)
    }

    /// The path of `name` inside this folder.
    public func appending(_ name: String) -> LocalPath {
        appending(Array(name.utf8))
    }

    /// The folder that holds the path's last component: `.` for a bare name, `/` for a name
    /// at the root.
    public var parent: LocalPath {
        guard let slash = trimmingTrailingSlash.bytes.lastIndex(of: UInt8(ascii: "/")) else { return LocalPath(".") }
        return slash == 0 ? LocalPath("/") : LocalPath(bytes: Array(bytes[..<slash]))
    }

    /// What kind of thing the status `info` describes, for messages: `a folder`, `a named
    /// pipe (FIFO)`; `nil` for a regular file.
    public static func kind(of info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }

    /// The path without one trailing `/` (the root stays `/`).
    public var trimmingTrailingSlash: LocalPath {
        bytes.count > 1 && bytes.last == UInt8(ascii: "/") ? LocalPath(bytes: Array(bytes.dropLast())) : self
    }

    /// Calls `body` with the path as a C string, for system calls.
    public func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// The file's status, following links; `nil` with `errno` set when there is none.
    public func status() -> stat? {
        var info = stat()
        return withCString { stat($0, &info) } == 0 ? info : nil
    }

    /// Whether a folder is there (following links).
    public var isDirectory: Bool {
        status().map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
    }
}
