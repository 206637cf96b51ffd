import Foundation

/// A folder under the system's temporary directory, removed when released.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "sparkify-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `relativePath`, creating folders on the way.
    func write(_ relativePath: String, bytes: [UInt8]) {
        let file = path + "/" + relativePath
        try! FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
    }

    /// Writes `text` as UTF-8 to `relativePath`.
    func write(_ relativePath: String, _ text: String) {
        write(relativePath, bytes: Array(text.utf8))
    }
}
