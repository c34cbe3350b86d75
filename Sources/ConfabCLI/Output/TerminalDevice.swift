#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library calls that output makes on file descriptors, kept in one place.
enum TerminalDevice {
    /// Whether `descriptor` refers to a terminal (`isatty(3)`).
    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The terminal's width in columns from `ioctl(TIOCGWINSZ)`, or nil when `descriptor` is not
    /// a terminal or the terminal reports no size (0, as some pseudo-terminals do).
    static func columns(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Writes all of `bytes` with `write(2)`, retrying after interruptions and partial writes.
    /// Returns false when the descriptor failed, for example with EPIPE after the reader of a
    /// pipe exited.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR {
                    continue
                }
                return false
            }
            offset += written
        }
        return true
    }
}
