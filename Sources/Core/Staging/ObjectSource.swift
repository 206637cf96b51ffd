/// Where a load's raw JSON comes from, seen as the shared reader needs it: the objects of each
/// dataset, listed in a stable order, each opened as a stream of bytes. A local folder is one;
/// an S3 prefix is another.
public protocol ObjectSource: Sendable {
    /// One object of the source: a file, an S3 object.
    associatedtype Object: Sendable

    /// Where the source is, for messages, such as `samples` or `s3://udacity-dend`.
    var description: String { get }

    /// Where `dataset`'s objects are, for messages, such as `samples/song_data`.
    func location(of dataset: Dataset) -> String

    /// How `dataset`'s keys map onto its staging table.
    func format(of dataset: Dataset) throws -> StagingFormat

    /// Calls `visit` with each object holding `dataset`, in order, as the listing goes, adding
    /// the time spent listing to `walking`. Throws when there is no such data.
    func forEachObject(of dataset: Dataset, walking: inout Duration, _ visit: (Object) throws -> Void) throws

    /// The object's name in messages: `FILE` in `FILE:LINE: reason`.
    func name(of object: Object) -> String

    /// Opens the object for reading.
    func open(_ object: Object) throws -> any ByteStream
}
