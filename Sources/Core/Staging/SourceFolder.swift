#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A local folder in Sparkify's public layout: `song_data/` and `log_data/` with `.json` files
/// at any depth, and optionally the jsonpaths descriptor `log_json_path.json` at the root.
/// Names are kept as the system's bytes, so a name that is not UTF-8 is still read.
public struct SourceFolder: Sendable {
    /// The descriptor's file name, at the root of the folder.
    public static let jsonPathsFileName = "log_json_path.json"

    /// The folder as the user named it (without a trailing `/`).
    public let path: LocalPath

    /// A source folder at `path`; throws when there is no folder there, or it has neither
    /// `song_data/` nor `log_data/`.
    public init(path: LocalPath) throws(StagingError) {
        let trimmed = path.trimmingTrailingSlash
        guard trimmed.isDirectory else { throw .missingFolder(path.description) }
        guard [Dataset.songs, .events].contains(where: { trimmed.appending($0.folderName).isDirectory }) else {
            throw .noDataFolders(path.description)
        }
        self.path = trimmed
    }

    /// A source folder at the UTF-8 path `path`; throws when there is no folder there.
    public init(path: String) throws(StagingError) {
        try self.init(path: LocalPath(path))
    }

    /// The `.json` files holding `dataset`, in a stable order (sorted by path). Hidden files and
    /// folders, such as `.ipynb_checkpoints`, are not data and are skipped.
    public func files(of dataset: Dataset) throws(StagingError) -> [SourceFile] {
        var files: [SourceFile] = []
        var walking = Duration.zero
        do {
            try forEachObject(of: dataset, walking: &walking) { files.append($0) }
        } catch {
            throw error as! StagingError
        }
        return files
    }

    /// Calls `visit` with each `.json` file holding `dataset`, in the order of ``files(of:)``,
    /// as the folders are read: a reader can start on the first file before the last folder is
    /// listed. Adds the time spent listing folders to `walking`. A source may lack one of its
    /// data folders (a daily log without songs): then there are no files. Throws when the
    /// data folder holds no JSON.
    public func forEachObject(of dataset: Dataset, walking: inout Duration, _ visit: (SourceFile) throws -> Void) throws {
        let folder = path.appending(dataset.folderName)
        guard folder.isDirectory else { return }
        var found = 0
        try Self.walk(folder, walking: &walking) { file in
            found += 1
            try visit(file)
        }
        guard found > 0 else { throw StagingError.noJSONFiles(folder.description) }
    }

    /// How `dataset`'s keys map onto its staging table: songs by key (`'auto'`), events by the
    /// folder's `log_json_path.json`, or by the standard descriptor when the folder has none.
    /// A descriptor that is there but is not a readable regular file is an error naming it.
    public func format(of dataset: Dataset) throws(StagingError) -> StagingFormat {
        switch dataset {
        case .songs:
            return .auto
        case .events:
            let descriptor = path.appending(Self.jsonPathsFileName)
            var info = stat()
            guard descriptor.withCString({ lstat($0, &info) }) == 0 else {
                guard errno == ENOENT else {
                    throw .unreadable(file: descriptor.description, reason: String(cString: strerror(errno)))
                }
                return .jsonPaths(StagingFormat.standardEventPaths)
            }
            if (info.st_mode & S_IFMT) == S_IFLNK, descriptor.status() == nil {
                throw .unreadable(file: descriptor.description, reason: "a symbolic link to nothing (\(String(cString: strerror(errno))))")
            }
            let stream = try LocalFileStream(path: descriptor)
            var data: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count: Int
                do {
                    count = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
                } catch {
                    throw error as! StagingError
                }
                guard count > 0 else { break }
                data += chunk[..<count]
                guard data.count <= 1 << 20 else { throw .badJSONPaths(file: descriptor.description, reason: "is larger than 1 MiB") }
            }
            return try StagingFormat.jsonPaths(contentsOf: data, file: descriptor.description, for: dataset.stagingTable)
        }
    }

    /// Lists `folder`, sorted so that a depth-first walk meets files in the byte order of their
    /// full paths (a folder sorts as its name followed by `/`), and visits the files.
    private static func walk(_ folder: LocalPath, walking: inout Duration, _ visit: (SourceFile) throws -> Void) throws {
        let clock = ContinuousClock()
        let start = clock.now
        guard let directory = folder.withCString({ opendir($0) }) else {
            throw StagingError.unreadable(file: folder.description, reason: String(cString: strerror(errno)))
        }
        var entries: [(sortKey: [UInt8], path: LocalPath, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                          count: strlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self))))
            }
            guard name.first != UInt8(ascii: ".") else { continue }
            let child = folder.appending(name)
            // The entry's type saves a stat per file; a link or an unknown type is looked up.
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                guard let info = child.status() else {
                    closedir(directory)
                    throw StagingError.unreadable(file: child.description, reason: String(cString: strerror(errno)))
                }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN)
            }
            let isJSON = name.count > 5 && name.suffix(5).elementsEqual(".json".utf8)
            if type == Int32(DT_DIR) {
                entries.append((name + [UInt8(ascii: "/")], child, true))
            } else if isJSON {
                // A .json entry that is not a file (a pipe, a device) is data that cannot be
                // read: it is an error, not something to skip in silence.
                if type != Int32(DT_REG), let info = child.status(), let kind = LocalPath.kind(of: info) {
                    closedir(directory)
                    throw StagingError.unreadable(file: child.description, reason: "\(kind), not a file")
                }
                entries.append((name, child, false))
            }
        }
        closedir(directory)
        entries.sort { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
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
    public let path: LocalPath
}
