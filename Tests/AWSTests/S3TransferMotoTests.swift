import AWS
import AWSTestSupport
import Crypto
import Foundation
import NIOCore
import Testing

/// Uploads, downloads and the blocking readers against moto's server, signatures checked.
@Suite("S3 transfers against a real local S3 (moto)", .enabled(if: MotoServer.isEnabled, MotoServer.skipReason))
struct S3TransferMotoTests {
    @Test("A multipart upload is byte-identical; the same file again is skipped; a changed byte is not")
    func multipartUpload() async throws {
        let (_, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        let file = try TestFile(size: (40 << 20) + 123, seed: 1)
        defer { file.remove() }
        let location = S3Location(bucket: bucket, key: "staging/events.bin")
        let outcome = try await s3.upload(file: file.path, to: location, multipartThreshold: 16 << 20, partSize: 5 << 20)
        #expect(outcome == .uploaded(parts: 9))
        let head = try await s3.headObject(location)
        #expect(head.size == Int64(file.size))
        #expect(head.eTag == (try file.multipartETag(partSize: 5 << 20)))
        #expect(head.metadata["sha256"] == (try file.sha256()))
        var hash = SHA256()
        var count = 0
        try await s3.getObject(location) { chunk in
            hash.update(data: Data(chunk.readableBytesView))
            count += chunk.readableBytes
        }
        #expect(count == file.size)
        #expect(TestFile.hex(hash.finalize()) == (try file.sha256()))
        #expect(try await s3.upload(file: file.path, to: location, multipartThreshold: 16 << 20, partSize: 5 << 20) == .skipped)

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file.path))
        try handle.seek(toOffset: 30 << 20)
        try handle.write(contentsOf: Data([(try file.bytes(at: 30 << 20, count: 1)).first! ^ 0xFF]))
        try handle.close()
        #expect(try await s3.upload(file: file.path, to: location, multipartThreshold: 16 << 20, partSize: 5 << 20) == .uploaded(parts: 9))
        #expect(try await s3.headObject(location).metadata["sha256"] == (try file.sha256()))
    }

    @Test("A small file is one PutObject; an object another tool wrote is compared by its MD5 ETag")
    func singlePartUpload() async throws {
        let (_, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        let file = try TestFile(size: 300_000, seed: 2)
        defer { file.remove() }
        let location = S3Location(bucket: bucket, key: "song_data/A/A/A/TRAAAAW128F429D538.json")
        #expect(try await s3.upload(file: file.path, to: location, contentType: "application/json") == .uploaded(parts: 1))
        #expect(try await s3.headObject(location).contentType == "application/json")
        #expect(try await s3.upload(file: file.path, to: location) == .skipped)
        // Written without x-amz-meta-sha256, as the AWS CLI would: the MD5 ETag decides.
        let foreign = S3Location(bucket: bucket, key: "foreign.bin")
        try await s3.putObject(foreign, body: ByteBuffer(bytes: try file.bytes(at: 0, count: file.size)))
        #expect(try await s3.upload(file: file.path, to: foreign) == .skipped)
        let sameSize = S3Location(bucket: bucket, key: "same-size.bin")
        try await s3.putObject(sameSize, body: ByteBuffer(repeating: 7, count: file.size))
        #expect(try await s3.upload(file: file.path, to: sameSize) == .uploaded(parts: 1))
        #expect(Data(try await s3.getObjectBytes(sameSize).readableBytesView) == (try file.bytes(at: 0, count: file.size)))
    }

    @Test("A connection dropped mid-object is resumed with a Range request, by the stream and by getObject")
    func droppedConnection() async throws {
        let (moto, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        let file = try TestFile(size: 12 << 20, seed: 3)
        defer { file.remove() }
        let location = S3Location(bucket: bucket, key: "big.bin")
        _ = try await s3.upload(file: file.path, to: location)
        let expected = try file.sha256()

        let streamProxy = try InterruptingProxy(upstreamPort: moto.port, cutAfter: 5 << 20)
        let viaStreamProxy = S3Client(configuration: moto.configuration(moto.admin, endpoint: "http://127.0.0.1:\(streamProxy.port)"), options: MotoServer.options)
        let stream = viaStreamProxy.openObject(location)
        let drained = try await OwnThread.run { try stream.drain() }
        #expect(drained.count == file.size)
        #expect(drained.sha256 == expected)
        #expect(streamProxy.cuts == 1)
        #expect(streamProxy.connections >= 2)

        let asyncProxy = try InterruptingProxy(upstreamPort: moto.port, cutAfter: 7 << 20)
        let viaAsyncProxy = S3Client(configuration: moto.configuration(moto.admin, endpoint: "http://127.0.0.1:\(asyncProxy.port)"), options: MotoServer.options)
        var hash = SHA256()
        var count = 0
        try await viaAsyncProxy.getObject(location) { chunk in
            hash.update(data: Data(chunk.readableBytesView))
            count += chunk.readableBytes
        }
        #expect(count == file.size)
        #expect(TestFile.hex(hash.finalize()) == expected)
        #expect(asyncProxy.cuts == 1)
    }

    @Test("A request whose connection drops is sent again; when every try drops, one line says how many were made")
    func retriedRequests() async throws {
        let (moto, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        try await s3.putObject(S3Location(bucket: bucket, key: "k.json"), body: ByteBuffer(string: "{}"))
        let once = try InterruptingProxy(upstreamPort: moto.port, cutAfter: 40)
        let viaOnce = S3Client(configuration: moto.configuration(moto.admin, endpoint: "http://127.0.0.1:\(once.port)"), options: MotoServer.options)
        #expect(try await viaOnce.listObjects(in: S3Location(bucket: bucket)).map(\.key) == ["k.json"])
        #expect(once.cuts == 1)
        let always = try InterruptingProxy(upstreamPort: moto.port, cutAfter: 40, times: 100)
        let viaAlways = S3Client(configuration: moto.configuration(moto.admin, endpoint: "http://127.0.0.1:\(always.port)"), options: MotoServer.options)
        let error = await S3MotoTests.awsError { _ = try await viaAlways.listObjects(in: S3Location(bucket: bucket)) }
        #expect(error?.code == "NetworkError")
        #expect(error?.description.hasPrefix("s3://\(bucket): NetworkError: ") == true)
        #expect(error?.description.hasSuffix("(gave up after \(MotoServer.options.maxAttempts) tries)") == true)
        #expect(always.cuts == MotoServer.options.maxAttempts)
    }

    @Test("A server that is not there is one line, ConnectionRefused, after the client's own connect retries")
    func unreachable() async throws {
        let port = try TCPPort.free()
        let s3 = S3Client(configuration: AWSConfiguration(credentials: AWSCredentials(accessKeyID: "AKIAX", secretAccessKey: "s"), region: "us-east-1",
                                                          endpointOverride: AWSEndpoint(url: "http://127.0.0.1:\(port)")),
                          options: AWSClientOptions(maxAttempts: 3, retryBaseDelay: .milliseconds(10)))
        let error = await S3MotoTests.awsError { _ = try await s3.listObjects(in: S3Location(bucket: "sparkify-none")) }
        #expect(error?.code == "ConnectionRefused")
        #expect(error?.description == "s3://sparkify-none: ConnectionRefused: http://127.0.0.1:\(port) refused the connection (for 10 s)")
    }

    @Test("The prefetcher hands out streams in the order given, small and large, empty and missing")
    func prefetcherOrder() async throws {
        let (_, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        let bodies = (0..<120).map { index -> Data in
            switch index % 40 {
            case 7: Data()
            case 13: Data(repeating: UInt8(index), count: 3 << 20)
            default: Data("{\"song_id\":\"SO\(index)\",\"title\":\"Song \(index)\"}".utf8)
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, body) in bodies.enumerated() {
                if index >= 16 { try await group.next() }
                group.addTask {
                    try await s3.putObject(S3Location(bucket: bucket, key: String(format: "song_data/%03d.json", index)), body: ByteBuffer(bytes: body))
                }
            }
            try await group.waitForAll()
        }
        // Read in reverse key order, with a missing key in the middle.
        var locations = (0..<120).reversed().map { S3Location(bucket: bucket, key: String(format: "song_data/%03d.json", $0)) }
        locations.insert(S3Location(bucket: bucket, key: "song_data/missing.json"), at: 60)
        let prefetcher = s3.prefetch(locations, requestsInFlight: 8, bufferPerObject: 256 << 10)
        let results = try await OwnThread.run { () -> [Result<Data, AWSError>] in
            var results = [Result<Data, AWSError>]()
            while let stream = try prefetcher.next() {
                do {
                    results.append(.success(try stream.drain(bufferSize: 4096, keep: true).bytes))
                } catch let error as AWSError {
                    results.append(.failure(error))
                }
            }
            return results
        }
        #expect(results.count == 121)
        let expected = bodies.reversed().map { Result<Data, AWSError>.success($0) }
        for (index, result) in results.enumerated() {
            if index == 60 {
                guard case .failure(let error) = result else { Issue.record("the missing key read"); continue }
                #expect(error.description.hasPrefix("s3://\(bucket)/song_data/missing.json: NoSuchKey"))
            } else {
                let body = try result.get()
                let want = try expected[index < 60 ? index : index - 1].get()
                #expect(body == want, "object \(index)")
            }
        }
    }

    @Test("Objects added page by page while reading come out in order, then nil after finish")
    func prefetcherPages() async throws {
        let (_, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        let keys = (0..<60).map { String(format: "log_data/2018/11/%02d.json", $0) }
        for key in keys { try await s3.putObject(S3Location(bucket: bucket, key: key), body: ByteBuffer(string: key)) }
        let prefetcher = s3.prefetch([], isComplete: false, requestsInFlight: 5)
        let lister = Task {
            for page in stride(from: 0, to: keys.count, by: 25) {
                try await Task.sleep(for: .milliseconds(50))
                prefetcher.add(keys[page..<min(page + 25, keys.count)].map { S3Location(bucket: bucket, key: $0) })
            }
            prefetcher.finish()
        }
        let read = try await OwnThread.run { () -> [String] in
            var read = [String]()
            while let stream = try prefetcher.next() {
                read.append(String(decoding: try stream.drain(keep: true).bytes, as: UTF8.self))
            }
            return read
        }
        try await lister.value
        #expect(read == keys)
    }

    @Test("A prefetcher over a listing reads what it accepts, in key order, with sizes; a failed listing is its error")
    func prefetcherListing() async throws {
        let (_, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        for index in 0..<30 {
            let key = index % 3 == 0 ? "song_data/\(index).txt" : String(format: "song_data/%02d.json", index)
            try await s3.putObject(S3Location(bucket: bucket, key: key), body: ByteBuffer(string: String(repeating: "x", count: index)))
        }
        let prefetcher = s3.prefetch(listing: S3Location(bucket: bucket, key: "song_data"), including: { $0.key.hasSuffix(".json") })
        let read = try await OwnThread.run { () -> [(String, Int64?, Int)] in
            var read = [(String, Int64?, Int)]()
            while let stream = try prefetcher.next() { read.append((stream.location.key, stream.size, try stream.drain().count)) }
            return read
        }
        let expected = (0..<30).filter { $0 % 3 != 0 }.map { String(format: "song_data/%02d.json", $0) }
        #expect(read.map(\.0) == expected)
        #expect(read.allSatisfy { $0.1 == Int64($0.2) })
        #expect(read.map(\.2) == (0..<30).filter { $0 % 3 != 0 })

        let failing = s3.prefetch(listing: S3Location(bucket: "sparkify-no-such-bucket", key: "song_data"))
        let error = try await OwnThread.run { () -> String in
            do {
                _ = try failing.next()
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(error.hasPrefix("s3://sparkify-no-such-bucket/song_data: NoSuchBucket"))
    }

    @Test("A cancelled prefetcher and a closed stream stop, and say so")
    func cancellation() async throws {
        let (_, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        let location = S3Location(bucket: bucket, key: "large.bin")
        try await s3.putObject(location, body: ByteBuffer(repeating: 1, count: 8 << 20))
        let stream = s3.openObject(location, bufferCapacity: 64 << 10)
        let firstRead = try await OwnThread.run { () -> Int in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1000, alignment: 8)
            defer { buffer.deallocate() }
            return try stream.read(into: buffer)
        }
        #expect(firstRead > 0)
        stream.close()
        let afterClose = try await OwnThread.run { () -> Bool in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1000, alignment: 8)
            defer { buffer.deallocate() }
            do {
                _ = try stream.read(into: buffer)
                return false
            } catch {
                return error is CancellationError
            }
        }
        #expect(afterClose)

        let prefetcher = s3.prefetch(Array(repeating: location, count: 10), requestsInFlight: 4)
        let first = try prefetcher.next()
        #expect(first != nil)
        prefetcher.cancel()
        #expect(throws: CancellationError.self) { _ = try prefetcher.next() }
        first?.close()

        // A reader waiting for objects still to be added is woken by cancel.
        let open = s3.prefetch([], isComplete: false)
        let waiter = Task { try await OwnThread.run { try open.next() } }
        try await Task.sleep(for: .milliseconds(100))
        open.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
    }

    @Test("A bucket's region is found from HeadBucket")
    func bucketRegion() async throws {
        let (moto, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3, region: "eu-west-1")
        let fresh = S3Client(configuration: moto.configuration(moto.admin, region: "us-east-1"), options: MotoServer.options)
        #expect(try await fresh.bucketRegion(bucket) == "eu-west-1")
        let missing = await S3MotoTests.awsError { _ = try await fresh.bucketRegion("sparkify-no-such-bucket") }
        #expect(missing?.code == "NoSuchBucket")
    }

    @Test("A 100 MB object streams through the blocking reader with flat memory (measured in a process of its own)")
    func flatMemory() async throws {
        let (moto, s3) = try await S3MotoTests.client()
        let bucket = try await S3MotoTests.bucket(s3)
        let file = try TestFile(size: 100 << 20, seed: 4)
        defer { file.remove() }
        let location = S3Location(bucket: bucket, key: "song_data/huge.json")
        #expect(try await s3.upload(file: file.path, to: location) == .uploaded(parts: 7))
        let resultPath = NSTemporaryDirectory() + "sparkify-memory-probe-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: resultPath) }
        let probe: [String: String] = ["endpoint": moto.endpoint, "accessKeyID": moto.admin.accessKeyID, "secretAccessKey": moto.admin.secretAccessKey,
                                       "bucket": bucket, "key": location.key, "result": resultPath]
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment[S3StreamMemoryProbe.variable] = String(decoding: try JSONSerialization.data(withJSONObject: probe), as: UTF8.self)
        let environment = childEnvironment
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let run = try await OwnThread.run {
            try ChildProcess.run([executable, "--testing-library", "swift-testing", "--filter", "S3StreamMemoryProbe"], environment: environment)
        }
        let data = try #require(FileManager.default.contents(atPath: resultPath), "the probe wrote nothing: \(run.output) \(run.errors)")
        let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(result["bytes"] as? Int == file.size)
        #expect(result["sha256"] as? String == (try file.sha256()))
        let growth = try #require(result["peakGrowth"] as? Int)
        // 100 MiB went through; the reader holds at most 1 MiB of it, the client a few more.
        #expect(growth < 24 << 20, "peak RSS grew by \(growth >> 20) MiB")
        print("streaming 100 MiB through S3ObjectStream raised peak RSS by \(growth >> 10) KiB")
    }
}

/// The child-process half of `flatMemory`: streams the object it is told of and writes the
/// peak RSS growth. It runs only when `SPARKIFY_AWS_MEMORY_PROBE` is set, so that nothing else
/// in the process (other tests run in parallel) can raise the peak.
@Suite("S3 stream memory probe", .enabled(if: ProcessInfo.processInfo.environment["SPARKIFY_AWS_MEMORY_PROBE"] != nil,
                                          "runs only as the child process of the flat-memory test"))
struct S3StreamMemoryProbe {
    static let variable = "SPARKIFY_AWS_MEMORY_PROBE"

    /// `VmHWM` (peak resident memory) of this process, in bytes.
    static func peakResidentBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])) * 1024
    }

    @Test("Stream the object and record the peak RSS growth")
    func probe() async throws {
        let text = try #require(ProcessInfo.processInfo.environment[Self.variable])
        let probe = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        let s3 = S3Client(configuration: AWSConfiguration(
            credentials: AWSCredentials(accessKeyID: probe["accessKeyID"]!, secretAccessKey: probe["secretAccessKey"]!), region: "us-east-1",
            endpointOverride: AWSEndpoint(url: probe["endpoint"]!)))
        let location = S3Location(bucket: probe["bucket"]!, key: probe["key"]!)
        let before = try Self.peakResidentBytes()
        let stream = s3.openObject(location)
        let drained = try await OwnThread.run { try stream.drain() }
        let after = try Self.peakResidentBytes()
        let result: [String: Any] = ["bytes": drained.count, "sha256": drained.sha256, "peakGrowth": after - before]
        try JSONSerialization.data(withJSONObject: result).write(to: URL(fileURLWithPath: probe["result"]!))
    }
}
