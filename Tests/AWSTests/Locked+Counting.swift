import AWS

extension Locked where Value == Int {
    /// The next number, from 1.
    func next() -> Int {
        withLock { value in
            value += 1
            return value
        }
    }
}
