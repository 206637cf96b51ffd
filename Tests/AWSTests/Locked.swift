import Foundation

/// A value shared between concurrent tests, behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&value) }
    }
}

extension Locked where Value == Int {
    /// The next number, from 1.
    func next() -> Int {
        withLock { value in
            value += 1
            return value
        }
    }
}
