#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the JSON values of files through one buffer, as COPY reads them: any number of
/// values separated by whitespace (one per line, or pretty-printed over many lines), LF or CRLF
/// line ends, a UTF-8 byte-order mark ignored. Memory stays at the size of the largest value,
/// whatever the size of the file.
final class JSONFileReader {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    /// A reader whose buffer starts at `capacity` bytes and grows only for larger values.
    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        self.buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// Reads every value of `file`. Each object is handed to `object`, which scans it from the
    /// `{` with the given scanner; any other value, and anything that is not JSON, goes to
    /// `reject` with the line where it starts and the reason. After malformed input, reading
    /// resumes at the line after the one where the bad value started, so one broken line of
    /// JSON Lines costs exactly that line. Errors other than ``ScanFailure`` thrown by `object`
    /// or `reject` end the read. Returns the number of bytes read.
    func scan(
        _ file: SourceFile,
        object: (inout JSONScanner) throws -> Void,
        reject: (_ line: Int, _ reason: String) throws -> Void
    ) throws -> Int {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw StagingError.unreadable(file: file.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var input = Input(descriptor: descriptor, path: file.path)
        try refill(&input)
        if input.filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            input.position = 3
            input.lineStart = 3
        }
        while true {
            var scanner = JSONScanner(bytes: buffer, end: input.filled, position: input.position,
                                      line: input.line, lineStart: input.lineStart)
            scanner.skipWhitespace()
            input.advance(to: scanner)
            guard input.position < input.filled else {
                if input.isAtEnd { return input.bytesRead }
                try refill(&input)
                continue
            }
            let start = input
            do {
                if buffer[input.position] == UInt8(ascii: "{") {
                    try object(&scanner)
                } else {
                    let value = try scanner.value()
                    try reject(start.line, "expected a JSON object, found \(value.noun)")
                }
                input.advance(to: scanner)
            } catch ScanFailure.truncated {
                input = start
                guard !input.isAtEnd else {
                    let what = buffer[input.position] == UInt8(ascii: "{") ? "object" : "value"
                    try reject(start.line, "the file ends before this \(what) is complete")
                    return input.bytesRead
                }
                try refill(&input)
            } catch ScanFailure.malformed(let reason, let offset) {
                let column = offset - scanner.lineStart + 1
                let place = scanner.line == start.line ? "column \(column)" : "line \(scanner.line), column \(column)"
                try reject(start.line, "malformed JSON at \(place): \(reason)")
                input = start
                guard try skipLine(&input) else { return input.bytesRead }
            }
        }
    }

    /// Where reading stands in the file and the buffer.
    private struct Input {
        let descriptor: Int32
        let path: String
        /// Bytes of the buffer holding input.
        var filled = 0
        /// The next byte to read in the buffer.
        var position = 0
        /// The line of `position`.
        var line = 1
        /// Where that line starts in the buffer (negative when it started before the buffer).
        var lineStart = 0
        /// Whether the file has no more bytes to give.
        var isAtEnd = false
        /// Bytes read from the file so far.
        var bytesRead = 0

        mutating func advance(to scanner: JSONScanner) {
            position = scanner.position
            line = scanner.line
            lineStart = scanner.lineStart
        }
    }

    /// Moves the unread bytes to the front of the buffer, growing it when they fill it, and
    /// reads more of the file after them.
    private func refill(_ input: inout Input) throws {
        let kept = input.filled - input.position
        if input.position > 0 {
            buffer.update(from: buffer + input.position, count: kept)
            input.lineStart -= input.position
            input.position = 0
            input.filled = kept
        }
        if input.filled == capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: input.filled)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        while true {
            let count = read(input.descriptor, buffer + input.filled, capacity - input.filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw StagingError.unreadable(file: input.path, reason: String(cString: strerror(errno)))
            }
            input.filled += count
            input.bytesRead += count
            input.isAtEnd = count == 0
            return
        }
    }

    /// Moves past the end of the line `input` is on; `false` when the file ends first.
    private func skipLine(_ input: inout Input) throws -> Bool {
        while true {
            if let newline = memchr(buffer + input.position, 0x0A, input.filled - input.position) {
                input.position = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                input.line += 1
                input.lineStart = input.position
                return true
            }
            guard !input.isAtEnd else { return false }
            input.position = input.filled
            try refill(&input)
        }
    }
}
