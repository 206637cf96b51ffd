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

    /// Erases the line.
    public func finished() {
        clear()
    }
}
