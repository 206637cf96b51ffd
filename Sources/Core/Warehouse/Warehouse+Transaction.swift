/// The one transaction helper every warehouse uses.
extension Warehouse {
    /// Runs `body` in one transaction: commits when it returns; rolls back and rethrows the
    /// first error when it throws, so that a failed load leaves the warehouse as it was.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try beginTransaction()
        do {
            let result = try body()
            try commitTransaction()
            return result
        } catch {
            rollBackTransaction()
            throw error
        }
    }
}
