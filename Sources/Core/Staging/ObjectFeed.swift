import Foundation

/// The objects of a dataset, handed out to the threads that parse them: a thread of its own
/// lists them into a bounded queue as the listing goes, and each call to ``next()`` takes the
/// next one and opens it. Objects are opened one at a time, in listing order, which a source
/// that downloads ahead of its reader (S3) relies on.
final class ObjectFeed<Source: ObjectSource>: @unchecked Sendable {
    /// An object handed out: its place in the listing, its name in messages, and its stream.
    struct Item {
        /// How many objects were handed out before it.
        let ordinal: Int
        /// `FILE` in `FILE:LINE: reason`.
        let name: String
        /// The object's bytes.
        let stream: any ByteStream
    }

    private let source: Source
    private let dataset: Dataset
    private let listed: BoundedQueue<Source.Object>
    /// Held while an object is taken and opened, so that objects open in listing order.
    private let handing = NSLock()
    private var handedOut = 0
    private let listing = DispatchGroup()
    /// Time spent listing folders; complete once ``wait()`` returns.
    private(set) var walkingTime = Duration.zero

    /// A feed of `dataset`'s objects in `source`, holding up to `capacity` listed objects not
    /// yet handed out.
    init(source: Source, dataset: Dataset, capacity: Int) {
        self.source = source
        self.dataset = dataset
        self.listed = BoundedQueue(capacity: capacity)
    }

    /// Starts listing on a thread of its own; `failed` is called there with the error that
    /// stops the listing, if one does (not when ``stop()`` does).
    func start(failed: @escaping @Sendable (any Error) -> Void) {
        listing.enter()
        let lister = Thread { [self] in
            do {
                try source.forEachObject(of: dataset, walking: &walkingTime) { object in
                    guard listed.send(object) else { throw CancellationError() }
                }
            } catch is CancellationError {
            } catch {
                failed(error)
            }
            listed.finish()
            listing.leave()
        }
        lister.start()
    }

    /// The next object, opened; `nil` once every object was handed out or the feed stopped.
    /// Waits while the listing has found no further object yet.
    func next() throws -> Item? {
        try handing.withLock {
            guard let object = listed.receive() else { return nil }
            defer { handedOut += 1 }
            return Item(ordinal: handedOut, name: source.name(of: object), stream: try source.open(object))
        }
    }

    /// Hands out no more objects, and ends the listing at its next object.
    func stop() { listed.cancel() }

    /// Waits for the listing thread to end.
    func wait() { listing.wait() }
}
