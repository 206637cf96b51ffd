import Core
import Dispatch
import Foundation

/// While a job runs, turns SIGINT and SIGTERM into an orderly stop: the first asks the
/// pipeline and the warehouse to stop (the load then rolls back, and a database file it
/// created is removed), and a second one ends the process at once.
final class SignalGuard {
    private let sources: [DispatchSourceSignal]
    private let first = FirstSignal()

    /// Starts watching; `stop` is called, on another thread, with the first signal.
    init(stop: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "sparkify-load.signals")
        let first = first
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                guard first.claim(number) else { return }
                // A second signal of either kind ends the process with its default action.
                signal(SIGINT, SIG_DFL)
                signal(SIGTERM, SIG_DFL)
                LoadInterruption.shared.request(reason: Self.name(of: number))
                stop()
            }
            source.resume()
            return source
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }

    /// The first signal received, if any.
    var receivedSignal: Int32? { first.number }

    /// `SIGINT` or `SIGTERM`.
    static func name(of signal: Int32) -> String {
        signal == SIGINT ? "SIGINT" : "SIGTERM"
    }

    /// The first signal, claimed once.
    private final class FirstSignal: @unchecked Sendable {
        private let lock = NSLock()
        private var claimed: Int32?

        /// Records `number` if no signal came before; whether it did.
        func claim(_ number: Int32) -> Bool {
            lock.withLock {
                guard claimed == nil else { return false }
                claimed = number
                return true
            }
        }

        /// The signal claimed.
        var number: Int32? { lock.withLock { claimed } }
    }
}
