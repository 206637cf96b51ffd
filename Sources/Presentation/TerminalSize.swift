#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of the terminal a file descriptor writes to.
public enum TerminalSize {
    /// The columns of the terminal `fileDescriptor` is, as `ioctl(TIOCGWINSZ)` tells; `nil`
    /// when it is no terminal or does not say.
    public static func columns(of fileDescriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
