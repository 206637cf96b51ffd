#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A local folder in Sparkify's public layout: `song_data/` and `log_data/` with `.json` files
/// at any depth, and optionally the jsonpaths descriptor `log_json_path.json` at the root.
public struct SourceFolder: Sendable {
    /// The descriptor's file name, at the root of the folder.
    public static let jsonPathsFileName = "log_json_path.json"

    /// The folder as the user named it, used in every message.
    public let path: String

    /// A source folder at `path`; throws when there is no folder there.
    public init(path: String) throws(StagingError) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard Self.isDirectory(trimmed) else { throw .missingFolder(path) }
        self.path = trimmed
    }

    /// The `.json` files holding `dataset`, in a stable order (sorted by path). Hidden files and
    /// folders, such as `.ipynb_checkpoints`, are not data and are skipped.
    public func files(of dataset: Dataset) throws(StagingError) -> [SourceFile] {
        let folder = path + "/" + dataset.folderName
        guard Self.isDirectory(folder) else { throw .missingFolder(folder) }
        var files: [SourceFile] = []
        try Self.collectJSONFiles(in: folder, into: &files)
        guard !files.isEmpty else { throw .noJSONFiles(folder) }
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// How `dataset`'s keys map onto its staging table: songs by key (`'auto'`), events by the
    /// folder's `log_json_path.json`, or by the standard descriptor when the folder has none.
    public func format(of dataset: Dataset) throws(StagingError) -> StagingFormat {
        switch dataset {
        case .songs:
            return .auto
        case .events:
            let descriptor = path + "/" + Self.jsonPathsFileName
            guard access(descriptor, F_OK) == 0 else { return .jsonPaths(StagingFormat.standardEventPaths) }
            return try StagingFormat.jsonPaths(contentsOfFile: descriptor, for: dataset.stagingTable)
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func collectJSONFiles(in folder: String, into files: inout [SourceFile]) throws(StagingError) {
        guard let directory = opendir(folder) else {
            throw .unreadable(file: folder, reason: String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let child = folder + "/" + name
            // The entry's type saves a stat per file; a link or an unknown type is looked up.
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                var info = stat()
                guard stat(child, &info) == 0 else {
                    throw .unreadable(file: child, reason: String(cString: strerror(errno)))
                }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : type
            }
            if type == Int32(DT_DIR) {
                subfolders.append(child)
            } else if type == Int32(DT_REG), name.hasSuffix(".json") {
                files.append(SourceFile(path: child))
            }
        }
        for subfolder in subfolders {
            try collectJSONFiles(in: subfolder, into: &files)
        }
    }
}

/// One JSON file of a ``SourceFolder``.
public struct SourceFile: Sendable, Hashable {
    /// Its path, starting with the source folder as the user named it.
    public let path: String
}
