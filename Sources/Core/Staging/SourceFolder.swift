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
        var files: [SourceFile] = []
        var walking = Duration.zero
        do {
            try forEachFile(of: dataset, walking: &walking) { files.append($0) }
        } catch {
            throw error as! StagingError
        }
        return files
    }

    /// Calls `visit` with each `.json` file holding `dataset`, in the order of ``files(of:)``,
    /// as the folders are read: a reader can start on the first file before the last folder is
    /// listed. Adds the time spent listing folders to `walking`. Throws when the data folder is
    /// missing or holds no JSON.
    public func forEachFile(of dataset: Dataset, walking: inout Duration, _ visit: (SourceFile) throws -> Void) throws {
        let folder = path + "/" + dataset.folderName
        guard Self.isDirectory(folder) else { throw StagingError.missingFolder(folder) }
        var found = 0
        try Self.walk(folder, walking: &walking) { file in
            found += 1
            try visit(file)
        }
        guard found > 0 else { throw StagingError.noJSONFiles(folder) }
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

    /// Lists `folder`, sorted so that a depth-first walk meets files in the byte order of their
    /// full paths (a folder sorts as its name followed by `/`), and visits the files.
    private static func walk(_ folder: String, walking: inout Duration, _ visit: (SourceFile) throws -> Void) throws {
        let clock = ContinuousClock()
        let start = clock.now
        guard let directory = opendir(folder) else {
            throw StagingError.unreadable(file: folder, reason: String(cString: strerror(errno)))
        }
        var entries: [(sortKey: String, path: String, isFolder: Bool)] = []
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
                    closedir(directory)
                    throw StagingError.unreadable(file: child, reason: String(cString: strerror(errno)))
                }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : type
            }
            if type == Int32(DT_DIR) {
                entries.append((name + "/", child, true))
            } else if type == Int32(DT_REG), name.hasSuffix(".json") {
                entries.append((name, child, false))
            }
        }
        closedir(directory)
        entries.sort { $0.sortKey.utf8.lexicographicallyPrecedes($1.sortKey.utf8) }
        walking += clock.now - start
        for entry in entries {
            if entry.isFolder {
                try walk(entry.path, walking: &walking, visit)
            } else {
                try visit(SourceFile(path: entry.path))
            }
        }
    }
}

/// One JSON file of a ``SourceFolder``.
public struct SourceFile: Sendable, Hashable {
    /// Its path, starting with the source folder as the user named it.
    public let path: String
}
