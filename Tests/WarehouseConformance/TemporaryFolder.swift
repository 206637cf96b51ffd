import Foundation

/// A folder under the system's temporary directory, removed when released.
public final class TemporaryFolder {
    /// The folder's path.
    public let path: String

    /// Creates an empty folder.
    public init() {
        path = NSTemporaryDirectory() + "sparkify-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `relativePath`, creating folders on the way.
    public func write(_ relativePath: String, bytes: [UInt8]) {
        let file = path + "/" + relativePath
        try! FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: file, contents: Data(bytes)), "cannot write \(file)")
    }

    /// Writes `text` as UTF-8 to `relativePath`.
    public func write(_ relativePath: String, _ text: String) {
        write(relativePath, bytes: Array(text.utf8))
    }

    /// Copies the folder at `source` (its contents) into this folder, or into its folder
    /// `relativePath`.
    public func copyContents(of source: String, to relativePath: String = "") {
        let target = relativePath.isEmpty ? path : path + "/" + relativePath
        try! FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for item in try! FileManager.default.contentsOfDirectory(atPath: source) {
            try! FileManager.default.copyItem(atPath: source + "/" + item, toPath: target + "/" + item)
        }
    }

    /// The text of the file at `relativePath`.
    public func read(_ relativePath: String) -> String {
        try! String(contentsOfFile: path + "/" + relativePath, encoding: .utf8)
    }
}
