import Foundation
import NIOCore

extension S3Client {
    /// Uploads the local file at `path` to `location` unless an object with the same content
    /// is already there, and says which it did.
    ///
    /// The same content means the same size and the same SHA-256, which every upload stores
    /// as `x-amz-meta-sha256`; for an object without it (written by another tool) a
    /// single-part ETag is compared with the file's MD5. A file of `multipartThreshold` bytes
    /// or more goes up in parts of `partSize` bytes (larger when the file would need more than
    /// S3's 10,000 parts), `partsInFlight` at a time, each signed with its own SHA-256; a failed
    /// multipart upload is aborted, so no parts are left behind to pay for. Smaller files are
    /// one PutObject. Either way the body is streamed from disk.
    public func upload(file path: String, to location: S3Location, contentType: String? = nil,
                       multipartThreshold: Int64 = 64 << 20, partSize: Int64 = 16 << 20,
                       partsInFlight: Int = 4) async throws -> S3UploadOutcome {
        let size: Int64
        do {
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        } catch {
            throw AWSError(resource: path, code: "FileError", message: "cannot be read")
        }
        let isMultipart = size >= multipartThreshold
        let partSize = max(partSize, 5 << 20, (size + 9_999) / 10_000)
        let digest = try FileDigest(path: path, partSize: isMultipart ? partSize : nil)
        if let existing = try await existingHead(location), existing.size == digest.size {
            if let stored = existing.metadata["sha256"] {
                if stored == digest.sha256 { return .skipped }
            } else if !existing.eTag.contains("-"), try existing.eTag == FileDigest.md5(path: path) {
                return .skipped
            }
        }
        let headers = Self.objectHeaders(contentType: contentType, metadata: ["sha256": digest.sha256])
        guard isMultipart else {
            var put = Operation(method: "PUT", location: location, isObject: true, headers: headers)
            put.body = .file(path: path, offset: 0, length: digest.size)
            put.payload = .sha256(digest.sha256)
            _ = try await perform(put)
            return .uploaded(parts: 1)
        }
        try await uploadParts(of: path, digest: digest, partSize: partSize, to: location, headers: headers,
                              partsInFlight: max(1, partsInFlight))
        return .uploaded(parts: digest.partSHA256.count)
    }

    /// The head of the object at `location`, or nil when there is none, or when the
    /// credentials may write but not read it (then it is uploaded regardless).
    private func existingHead(_ location: S3Location) async throws -> S3ObjectHead? {
        do {
            return try await headObject(location)
        } catch let error as AWSError where ["NoSuchKey", "NotFound", "AccessDenied", "Forbidden"].contains(error.code) {
            return nil
        }
    }

    /// A multipart upload: create, the parts a few at a time, complete; abort on any failure.
    private func uploadParts(of path: String, digest: FileDigest, partSize: Int64, to location: S3Location,
                             headers: [(name: String, value: String)], partsInFlight: Int) async throws {
        let create = Operation(method: "POST", location: location, isObject: true, query: [("uploads", "")], headers: headers)
        let (_, created) = try await perform(create)
        guard let uploadID = try XMLTree.parse(Data(created.readableBytesView), resource: create.resource)["UploadId"], !uploadID.isEmpty else {
            throw AWSError(resource: create.resource, code: "InvalidResponse", message: "CreateMultipartUpload returned no UploadId")
        }
        do {
            let partCount = digest.partSHA256.count
            let eTags = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                var eTags = [String](repeating: "", count: partCount)
                var next = 0
                func startNext() {
                    let index = next
                    next += 1
                    let offset = Int64(index) * partSize
                    var part = Operation(method: "PUT", location: location, isObject: true,
                                         query: [("partNumber", String(index + 1)), ("uploadId", uploadID)])
                    part.body = .file(path: path, offset: offset, length: min(partSize, digest.size - offset))
                    part.payload = .sha256(digest.partSHA256[index])
                    group.addTask {
                        let (headers, _) = try await self.perform(part)
                        guard let eTag = headers.first(name: "etag"), !eTag.isEmpty else {
                            throw AWSError(resource: part.resource, code: "InvalidResponse", message: "UploadPart \(index + 1) returned no ETag")
                        }
                        return (index, eTag)
                    }
                }
                while next < min(partsInFlight, partCount) { startNext() }
                while let (index, eTag) = try await group.next() {
                    eTags[index] = eTag
                    if next < partCount { startNext() }
                }
                return eTags
            }
            let parts = eTags.enumerated().map { "<Part><PartNumber>\($0.offset + 1)</PartNumber><ETag>\($0.element.xmlEscaped)</ETag></Part>" }
            let xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + parts.joined() + "</CompleteMultipartUpload>"
            var complete = Operation(method: "POST", location: location, isObject: true, query: [("uploadId", uploadID)])
            complete.body = .bytes(ByteBuffer(string: xml))
            complete.payload = .bytes(Array(xml.utf8))
            _ = try await perform(complete)
        } catch {
            let abort = Operation(method: "DELETE", location: location, isObject: true, query: [("uploadId", uploadID)])
            // Not a child task: the abort must run even when the upload was cancelled.
            _ = await Task { try? await self.perform(abort) }.value
            throw error
        }
    }
}
