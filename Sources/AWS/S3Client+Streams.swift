extension S3Client {
    /// The object at `location` as a blocking byte stream, its download started now; at most
    /// about `bufferCapacity` bytes of it wait in memory.
    public func openObject(_ location: S3Location, bufferCapacity: Int = 1 << 20) -> S3ObjectStream {
        S3ObjectStream(client: self, location: location, size: nil, bufferCapacity: bufferCapacity)
    }

    /// A prefetcher over `objects`, read in that order, `requestsInFlight` downloads ahead;
    /// with `isComplete` false, more are added with `S3Prefetcher.add` until `finish`.
    public func prefetch(_ objects: [S3Location], isComplete: Bool = true, requestsInFlight: Int = 32,
                         bufferPerObject: Int = 1 << 20) -> S3Prefetcher {
        S3Prefetcher(client: self, objects: objects, isComplete: isComplete, requestsInFlight: requestsInFlight,
                     bufferPerObject: bufferPerObject)
    }

    /// A prefetcher over the objects under `location` that `including` accepts, in key order:
    /// the listing runs in the background, page by page, while the first pages are read
    /// already; a listing that fails makes `next()` throw its error after the objects listed
    /// before it. The streams know their sizes.
    public func prefetch(listing location: S3Location, including: @escaping @Sendable (S3ObjectSummary) -> Bool = { _ in true },
                         requestsInFlight: Int = 32, bufferPerObject: Int = 1 << 20) -> S3Prefetcher {
        let prefetcher = S3Prefetcher(client: self, objects: [], isComplete: false, requestsInFlight: requestsInFlight,
                                      bufferPerObject: bufferPerObject)
        Task { [weak prefetcher] in
            do {
                try await listObjects(in: location) { page in
                    guard let prefetcher, !prefetcher.wasCancelled else { throw CancellationError() }
                    prefetcher.add(page.filter(including).map { (S3Location(bucket: location.bucket, key: $0.key), $0.size) })
                }
                prefetcher?.finish()
            } catch {
                prefetcher?.finish(throwing: error)
            }
        }
        return prefetcher
    }
}
