import CNcursesw
import ConfabCore
import Glibc

/// The real terminal, driven through ncurses: setup, input, size and teardown.
///
/// Only the thread that created it may use it, because ncurses is not thread-safe.
final class CursesTerminal {
    let charset: TerminalSanitizer.Options.Charset
    let localeMessage: String?
    /// The colours the terminal has; monochrome when it has none or colour is turned off.
    let colorDepth: ColorDepth
    /// Whether palette index -1 means the terminal's own colour (`use_default_colors`).
    let hasDefaultColors: Bool
    let renderer: CursesRenderer
    /// The pipe that the signal handlers write signal numbers to.
    let signalPipe: WakePipe

    private let screenHandle: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var isShutDown = false

    static let inputDescriptor: Int32 = 0
    static let outputDescriptor: Int32 = 1
    /// Milliseconds ncurses waits after Esc for the rest of a key's sequence. Its default, one
    /// second, makes Esc feel broken.
    static let escapeDelay: Int32 = 25
    /// The maximum number of characters taken from the terminal in one read, so that a flood
    /// of input (a large paste) cannot keep the loop from drawing.
    static let maximumBatch = 4096

    init(options: ConsoleOptions) throws(ConsoleError) {
        guard isatty(CursesTerminal.inputDescriptor) == 1, isatty(CursesTerminal.outputDescriptor) == 1 else {
            throw .notATerminal
        }

        let locale = LocaleSetup.configure(environment: options.environment)
        charset = locale.charset
        localeMessage = locale.message

        signalPipe = try WakePipe()
        TerminalGuard.install(signalPipe: signalPipe.writeDescriptor, terminalDescriptor: CursesTerminal.outputDescriptor)

        guard let screenHandle = confab_newterm_stdio(), let window = confab_stdscr() else {
            TerminalGuard.uninstall()
            throw .unknownTerminal(options.environment["TERM"])
        }
        self.screenHandle = screenHandle
        self.window = window

        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(CursesTerminal.escapeDelay)
        curs_set(0)

        let wantsColor = !options.noColor && has_colors()
        if wantsColor, start_color() == OK {
            colorDepth = ColorDepth(terminalColors: Int(confab_colors()))
            hasDefaultColors = use_default_colors() == OK
        } else {
            colorDepth = .monochrome
            hasDefaultColors = false
        }

        if options.mouse {
            mousemask(confab_wheel_up_mask() | confab_wheel_down_mask(), nil)
            mouseinterval(0)
        }
        renderer = CursesRenderer(window: window, colorPairLimit: Int(confab_color_pairs()), hasDefaultColors: hasDefaultColors)
        TerminalGuard.setRestoreBytes(CursesTerminal.restoreBytes(mouse: options.mouse))
        TerminalGuard.setActive(true)
    }

    deinit {
        shutdown()
    }

    /// Ends ncurses and puts the terminal back the way it was. Safe to call more than once.
    func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        TerminalGuard.setLoopRunning(false)
        mousemask(0, nil)
        endwin()
        TerminalGuard.setActive(false)
        delscreen(screenHandle)
        TerminalGuard.uninstall()
    }

    var size: Size {
        Size(width: Int(confab_getmaxx(window)), height: Int(confab_getmaxy(window)))
    }

    /// Asks the terminal for its size and resizes ncurses' screen to match. Returns the size.
    @discardableResult
    func updateSize() -> Size {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if confab_terminal_size(CursesTerminal.outputDescriptor, &rows, &columns) == 0, rows > 0, columns > 0 {
            if Int(rows) != size.height || Int(columns) != size.width {
                resizeterm(rows, columns)
            }
        }
        return size
    }

    /// Reads everything ncurses has for us without blocking.
    func readInput() -> [RawInput] {
        var batch: [RawInput] = []
        var character: wint_t = 0
        while batch.count < CursesTerminal.maximumBatch {
            let result = wget_wch(window, &character)
            if result == OK {
                if let scalar = Unicode.Scalar(UInt32(character)) {
                    batch.append(.scalar(scalar))
                }
            } else if result == KEY_CODE_YES {
                if let input = CursesTerminal.input(forKeyCode: Int32(character)) {
                    batch.append(input)
                }
            } else {
                break
            }
        }
        return batch
    }

    private static func input(forKeyCode code: Int32) -> RawInput? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouseInput()
        case confab_key_f(1)...confab_key_f(24): return .key(.function(Int(code - confab_key_f(0))))
        default: return nil
        }
    }

    private static func mouseInput() -> RawInput? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let position = Point(column: Int(event.x), row: Int(event.y))
        if event.bstate & confab_wheel_up_mask() != 0 {
            return .mouse(MouseEvent(kind: .wheelUp, position: position))
        }
        if event.bstate & confab_wheel_down_mask() != 0 {
            return .mouse(MouseEvent(kind: .wheelDown, position: position))
        }
        return nil
    }

    /// Hands the terminal back to the shell until the user resumes Confab with `fg`.
    func suspend() {
        endwin()
        TerminalGuard.suspendProcess()
        updateSize()
        renderer.requestRepaint()
    }

    /// The bytes that a signal handler writes to restore the terminal: reset attributes, show
    /// the cursor, leave keypad mode and the alternate screen, stop mouse reports.
    private static func restoreBytes(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            bytes += terminfoString(capability)
        }
        if mouse {
            bytes += Array("\u{1B}[?1000l\u{1B}[?1006l".utf8)
        }
        return bytes
    }

    /// Returns the terminal's string capability `name`, without padding marks (`$<5>`).
    private static func terminfoString(_ name: String) -> [UInt8] {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return [] }
        let text = String(cString: value)
        var result: [UInt8] = []
        var rest = Substring(text)
        while let start = rest.range(of: "$<") {
            result += Array(rest[..<start.lowerBound].utf8)
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else {
                rest = rest[start.lowerBound...]
                break
            }
            rest = rest[rest.index(after: end)...]
        }
        result += Array(rest.utf8)
        return result
    }
}
