import Foundation

/// The records that the parsing threads reject, counted together against the number allowed,
/// each kept with its object's place in the listing so that they are reported in the same
/// order whichever thread found them, and when.
final class RejectionLedger: @unchecked Sendable {
    /// How many records may be rejected before staging fails.
    let allowed: Int
    private let lock = NSLock()
    /// Every record with its object's ordinal, in the order they were added.
    private var entries: [(ordinal: Int, record: RejectedRecord)] = []

    /// A ledger that fails staging once more than `allowed` records are rejected.
    init(allowed: Int) {
        self.allowed = allowed
    }

    /// Adds `record`, found in the object at `ordinal` in the listing; `true` when it is the
    /// first record more than allowed. Records of one object are added in the order it holds
    /// them, by the one thread that reads it.
    func add(_ record: RejectedRecord, ordinal: Int) -> Bool {
        lock.withLock {
            entries.append((ordinal, record))
            return entries.count - 1 == allowed
        }
    }

    /// Whether more records were rejected than allowed.
    var isOverLimit: Bool {
        lock.withLock { entries.count > allowed }
    }

    /// The records in listing order (objects as listed, each one's records in the order it
    /// holds them), at most `allowed + 1`: those a reader of the objects one by one would have
    /// reported. That is exact once every object begun has been read to its end, or to its
    /// own rejection past the number allowed.
    var records: [RejectedRecord] {
        let entries = lock.withLock { self.entries }
        let ordered = entries.indices.sorted { (entries[$0].ordinal, $0) < (entries[$1].ordinal, $1) }
        let reported = entries.count > allowed ? ordered.prefix(allowed + 1) : ordered[...]
        return reported.map { entries[$0].record }
    }
}
