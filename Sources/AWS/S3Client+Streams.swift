extension S3Client {
    /// The object at `location` as a blocking byte stream, its download started now; at most
    /// about `bufferCapacity` bytes of it wait in memory.
    public func openObject(_ location: S3Location, bufferCapacity: Int = 1 << 20) -> S3ObjectStream {
        S3ObjectStream(client: self, location: location, bufferCapacity: bufferCapacity)
    }

    /// A prefetcher over `objects`, read in that order, `requestsInFlight` downloads ahead;
    /// with `isComplete` false, more are added with `S3Prefetcher.add` until `finish`.
    public func prefetch(_ objects: [S3Location], isComplete: Bool = true, requestsInFlight: Int = 32,
                         bufferPerObject: Int = 1 << 20) -> S3Prefetcher {
        S3Prefetcher(client: self, objects: objects, isComplete: isComplete, requestsInFlight: requestsInFlight,
                     bufferPerObject: bufferPerObject)
    }
}
