/// The bytes of one object of a source, read in order from the start: a local file, or an S3
/// object. The staging reader pulls from it into its own buffer.
public protocol ByteStream: AnyObject {
    /// Fills the start of `buffer` with the next bytes and returns how many; 0 at the end.
    /// Throws an error naming the object when it cannot be read.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}
