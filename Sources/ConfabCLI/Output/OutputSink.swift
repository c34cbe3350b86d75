import Synchronization

/// A destination for text: standard output, standard error, or memory in tests.
///
/// Commands write through a sink instead of calling `print`, so tests capture what a command
/// writes and check it whole. A sink backed by a file descriptor buffers text when the
/// descriptor is not a terminal and writes through when it is, so that a prompt or progress
/// line appears at once. Call `flush()` before the process exits; `CommandRunner.run` does.
///
/// Writing to a closed pipe (`confab list | head`) stops further writes silently.
public final class OutputSink: TextOutputStream, Sendable {
    private enum Destination {
        case fileDescriptor(Int32)
        case memory
    }

    private struct State {
        var buffer: [UInt8] = []
        var isClosed = false
    }

    /// Bytes buffered before a file-descriptor sink writes them out.
    private static let bufferCapacity = 64 * 1024

    private let destination: Destination
    private let state = Mutex(State())
    private let bufferLimit: Int

    /// Whether the sink is a terminal, which decides colours, progress lines and paging.
    public let isTerminal: Bool

    /// The terminal's width in columns, or nil when the sink is not a terminal or the
    /// terminal does not report a size.
    public var terminalColumns: Int? {
        switch destination {
        case let .fileDescriptor(descriptor): isTerminal ? TerminalDevice.columns(descriptor) : nil
        case .memory: memoryColumns
        }
    }

    private let memoryColumns: Int?

    /// A sink for a file descriptor, such as 1 or 2. With `isBuffered`, text is collected up to
    /// 64 KiB before it is written, unless the descriptor is a terminal.
    public init(fileDescriptor: Int32, isBuffered: Bool = true) {
        destination = .fileDescriptor(fileDescriptor)
        isTerminal = TerminalDevice.isTerminal(fileDescriptor)
        bufferLimit = isBuffered && !isTerminal ? Self.bufferCapacity : 0
        memoryColumns = nil
    }

    /// A sink that keeps everything written in memory, for tests. `isTerminal` and
    /// `terminalColumns` are what the sink reports, so tests can act out a terminal.
    public init(memoryWithTerminal isTerminal: Bool = false, terminalColumns: Int? = nil) {
        destination = .memory
        self.isTerminal = isTerminal
        bufferLimit = .max
        memoryColumns = terminalColumns
    }

    public static func standardOutput() -> OutputSink {
        OutputSink(fileDescriptor: 1)
    }

    /// Standard error is not buffered, so a message is written even if the process dies next.
    public static func standardError() -> OutputSink {
        OutputSink(fileDescriptor: 2, isBuffered: false)
    }

    public func write(_ string: String) {
        state.withLock { state in
            guard !state.isClosed else { return }
            state.buffer.append(contentsOf: string.utf8)
            if state.buffer.count > bufferLimit {
                writeBuffer(&state)
            }
        }
    }

    /// Writes `line` followed by a line break.
    public func writeLine(_ line: String = "") {
        write(line + "\n")
    }

    /// Writes buffered text to the file descriptor. Memory sinks keep their text.
    public func flush() {
        state.withLock { state in
            writeBuffer(&state)
        }
    }

    /// Everything written so far, for a memory sink; an empty string for a file descriptor.
    public var text: String {
        guard case .memory = destination else { return "" }
        return state.withLock { String(decoding: $0.buffer, as: UTF8.self) }
    }

    private func writeBuffer(_ state: inout State) {
        guard case let .fileDescriptor(descriptor) = destination, !state.buffer.isEmpty else { return }
        let succeeded = state.buffer.withUnsafeBytes { TerminalDevice.writeAll(descriptor, $0) }
        state.buffer.removeAll(keepingCapacity: true)
        if !succeeded {
            state.isClosed = true
        }
    }
}
