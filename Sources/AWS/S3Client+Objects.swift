import AsyncHTTPClient
import Foundation
import NIOCore

extension S3Client {
    /// The object's size, ETag and metadata (HeadObject). A HEAD error has no body, so when
    /// one fails the same object is asked for with a one-byte GET, whose error names S3's code
    /// (NoSuchKey or NoSuchBucket, AccessDenied, SignatureDoesNotMatch, …).
    public func headObject(_ location: S3Location) async throws -> S3ObjectHead {
        do {
            let (headers, _) = try await perform(Operation(method: "HEAD", location: location, isObject: true))
            return S3ObjectHead(headers: headers)
        } catch let headError as AWSError where headError.statusCode != nil {
            let probe = Operation(method: "GET", location: location, isObject: true, headers: [("Range", "bytes=0-0")])
            do {
                _ = try await perform(probe, limit: 1)
            } catch let error as AWSError where error.statusCode != nil && error.code != "InvalidRange" {
                throw error
            } catch {}
            throw headError
        }
    }

    /// The whole object in memory; for small objects (a jsonpaths file, a manifest).
    public func getObjectBytes(_ location: S3Location) async throws -> ByteBuffer {
        var bytes = ByteBuffer()
        _ = try await getObject(location) { bytes.writeImmutableBuffer($0) }
        return bytes
    }

    /// Streams the object to `consume`, chunk by chunk as it arrives: memory stays flat
    /// whatever the size, and the download waits while `consume` does. When the connection
    /// drops, the rest is asked for with a `Range` request (and `If-Match` on the ETag, so a
    /// changed object fails rather than splices); tries without progress are bounded by
    /// `options.maxAttempts`. Returns the object's head.
    @discardableResult
    public func getObject(_ location: S3Location, consume: (ByteBuffer) async throws -> Void) async throws -> S3ObjectHead {
        var head: S3ObjectHead?
        var received: Int64 = 0
        var failures = 0
        while true {
            var operation = Operation(method: "GET", location: location, isObject: true)
            if let head {
                if received >= head.size { return head }
                operation.headers = [("Range", "bytes=\(received)-"), ("If-Match", "\"\(head.eTag)\"")]
            }
            let response = try await options.retrying { try await send(operation) }
            if head == nil { head = S3ObjectHead(headers: response.headers) }
            var skip = response.status.code == 200 ? received : 0
            var iterator = response.body.makeAsyncIterator()
            do {
                while true {
                    let next: ByteBuffer?
                    do {
                        next = try await iterator.next()
                    } catch {
                        let mapped = AWSTransport.transportError(error, resource: operation.resource, endpoint: "S3")
                        guard let interrupted = mapped as? AWSError, interrupted.isRetryable else { throw mapped }
                        throw BodyInterruption(error: interrupted)
                    }
                    guard var chunk = next else { return head! }
                    if skip > 0 {
                        let dropped = Int(min(Int64(chunk.readableBytes), skip))
                        chunk.moveReaderIndex(forwardBy: dropped)
                        skip -= Int64(dropped)
                        if chunk.readableBytes == 0 { continue }
                    }
                    received += Int64(chunk.readableBytes)
                    failures = 0
                    try await consume(chunk)
                }
            } catch let error as BodyInterruption {
                failures += 1
                guard failures < options.maxAttempts else { throw error.error.afterTries(failures) }
                try await Task.sleep(for: options.delay(afterFailures: failures))
            }
        }
    }

    /// Stores `body` as the object (PutObject), with `metadata` as `x-amz-meta-NAME` headers;
    /// returns the new ETag.
    @discardableResult
    public func putObject(_ location: S3Location, body: ByteBuffer, contentType: String? = nil,
                          metadata: [String: String] = [:]) async throws -> String {
        var operation = Operation(method: "PUT", location: location, isObject: true,
                                  headers: Self.objectHeaders(contentType: contentType, metadata: metadata))
        operation.body = .bytes(body)
        operation.payload = .bytes(Data(body.readableBytesView))
        let (headers, _) = try await perform(operation)
        return Self.unquoted(headers.first(name: "etag") ?? "")
    }

    /// Deletes the object (DeleteObject); deleting a missing key succeeds, as in S3.
    public func deleteObject(_ location: S3Location) async throws {
        _ = try await perform(Operation(method: "DELETE", location: location, isObject: true))
    }

    /// The headers of an object being written: its content type and its metadata.
    static func objectHeaders(contentType: String?, metadata: [String: String]) -> [(name: String, value: String)] {
        var headers = metadata.sorted { $0.key < $1.key }.map { (name: "x-amz-meta-" + $0.key.lowercased(), value: $0.value) }
        if let contentType { headers.append(("Content-Type", contentType)) }
        return headers
    }
}

/// A response body that stopped before its end, with the transport's error.
private struct BodyInterruption: Error {
    let error: AWSError
}
