/// A local folder is a source of objects: its `.json` files, read from the disk.
extension SourceFolder: ObjectSource {
    /// The folder as the user named it.
    public var description: String { path.description }

    /// `FOLDER/song_data` or `FOLDER/log_data`.
    public func location(of dataset: Dataset) -> String {
        path.appending(dataset.folderName).description
    }

    /// The file's path, starting with the folder as the user named it.
    public func name(of file: SourceFile) -> String {
        file.path.description
    }

    /// Opens the file; only a regular file is opened.
    public func open(_ file: SourceFile) throws -> any ByteStream {
        try LocalFileStream(path: file.path)
    }
}
