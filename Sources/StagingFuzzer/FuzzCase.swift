import Core

/// One fuzz input, decoded: two header bytes that say how the reader is fed, then the bytes of
/// the file it reads.
///
/// Header byte 0 picks the reader's starting buffer size from its low six bits (1 to 64 bytes),
/// or 4096 bytes when its high bit is set; its bit 6 picks the table read in those chunks
/// (events when clear, songs when set; the other table's read is checked whole only). Header
/// byte 1, with byte 0 as a seed, picks the chunks the stream hands out: 1 to 8 sizes (its
/// high three bits), each from 1 to 32 bytes at most (its low five bits), used in turn. So
/// every buffer refill position and every buffer growth is reachable, and the fuzzer can
/// change how the bytes arrive without changing them.
struct FuzzCase {
    /// The bytes of the file the reader reads.
    let payload: [UInt8]
    /// The size the reader's buffer starts at.
    let bufferCapacity: Int
    /// The largest number of bytes each read of the stream gives, in turn.
    let chunkSizes: [Int]
    /// The table whose read is fed in those chunks.
    let chunkedDataset: Dataset

    /// Decodes `input`; an input shorter than the header is all payload, read a byte at a time.
    init(_ input: [UInt8]) {
        guard input.count >= 2 else {
            self.payload = input
            self.bufferCapacity = 1
            self.chunkSizes = [1]
            self.chunkedDataset = .events
            return
        }
        let first = input[0], second = input[1]
        self.payload = Array(input[2...])
        self.bufferCapacity = first & 0x80 != 0 ? 4096 : 1 + Int(first & 0x3F)
        self.chunkedDataset = first & 0x40 != 0 ? .songs : .events
        let largest = 1 + Int(second & 0x1F)
        var state = UInt32(first) << 8 | UInt32(second) | 0x1_0000
        self.chunkSizes = (0...Int(second >> 5)).map { _ in
            // xorshift32: a fixed sequence per header, spread over 1...largest.
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return 1 + Int(state % UInt32(largest))
        }
    }
}
