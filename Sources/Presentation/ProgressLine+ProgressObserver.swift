import Core

/// The progress line shows a job's staging and steps as the pipeline reports them.
extension ProgressLine: ProgressObserver {
    /// Shows the staging of `table`; totals are not known before the listing ends.
    public func stagingBegan(_ table: String) {
        beginStaging(table, files: nil, bytes: nil)
    }

    /// Counts one more object read.
    public func staged(bytes: Int, records: Int) {
        addStaged(files: 1, bytes: Int64(bytes), records: Int64(records))
    }

    /// Shows the step with its elapsed time.
    public func stepBegan(_ name: String) {
        beginStep(name)
    }

    /// Shows the listing of `location`.
    public func listingBegan(_ location: String) {
        beginListing(location)
    }

    /// Counts what the listing found.
    public func listed(objects: Int, bytes: Int64) {
        addListed(objects: objects, bytes: bytes)
    }

    /// Shows the upload to `destination`, of its totals.
    public func uploadBegan(_ destination: String, files: Int, bytes: Int64) {
        beginUpload(to: destination, files: files, bytes: bytes)
    }

    /// Counts one more file done.
    public func uploaded(bytes: Int64, skipped: Bool) {
        addUploaded(bytes: bytes, skipped: skipped)
    }

    /// Erases the line.
    public func finished() {
        clear()
    }
}
