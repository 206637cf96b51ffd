import Foundation
import Glibc

/// A real pseudo-terminal: the program under test writes to its terminal side (`isatty` is
/// true there, `TIOCGWINSZ` answers with the size set here), and the test reads from the
/// other side every byte written, as a terminal emulator would get them.
final class PseudoTerminal {
    /// The side a terminal emulator holds.
    let controller: Int32
    /// The terminal the program writes to.
    let terminal: Int32

    /// A pseudo-terminal `columns` wide, its output passed through unchanged.
    init(columns: UInt16) throws {
        controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard controller >= 0 else { throw POSIXError(.ENOTTY) }
        // What unlockpt() and ptsname() do, which Swift's Glibc module does not offer: Linux's
        // TIOCSPTLCK (0x40045431) unlocks the terminal side, TIOCGPTN (0x80045430) numbers it.
        var unlocked: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(controller, 0x4004_5431, &unlocked) == 0, ioctl(controller, 0x8004_5430, &number) == 0 else {
            close(controller)
            throw POSIXError(.ENOTTY)
        }
        terminal = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw POSIXError(.ENOTTY) }
        var attributes = termios()
        tcgetattr(terminal, &attributes)
        cfmakeraw(&attributes)
        tcsetattr(terminal, TCSANOW, &attributes)
        resize(columns: columns)
        _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(terminal)
        close(controller)
    }

    /// Sets the terminal's width, as a window being resized does.
    func resize(columns: UInt16) {
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
    }

    /// Every byte written to the terminal since the last read.
    func read() -> [UInt8] {
        Self.readAvailable(controller)
    }

    /// Every byte that can be read from the non-blocking `fileDescriptor` now.
    static func readAvailable(_ fileDescriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return bytes
    }
}
