import CNcursesw
import Glibc

/// Connects a `Console` to the real terminal: waits for events, passes them to the console, and
/// renders one frame per turn of the loop when something changed.
final class ConsoleRunner {
    private let terminal: CursesTerminal
    private let loop: EventLoop
    private let console: Console
    private var decoder = InputDecoder()
    private let screen: Screen

    init(terminal: CursesTerminal, loop: EventLoop, console: Console) {
        self.terminal = terminal
        self.loop = loop
        self.console = console
        self.screen = Screen(size: terminal.size, charset: terminal.charset)
    }

    func run() -> Int32 {
        console.resize(to: terminal.updateSize())
        TerminalGuard.setLoopRunning(true)
        defer { TerminalGuard.setLoopRunning(false) }

        while !console.isFinished {
            if console.needsDisplay || console.needsRepaint || loop.deliveredResults {
                renderFrame()
            }

            let readiness = loop.wait(inputDescriptor: CursesTerminal.inputDescriptor, signalDescriptor: terminal.signalPipe.readDescriptor)
            if readiness.signals {
                handleSignals()
            }
            if readiness.input {
                handleInput(hungUp: readiness.hungUp)
            }
            if readiness.results {
                loop.deliverResults()
            }
            loop.timers.fireDueTimers()

            if console.wantsSuspend {
                console.wantsSuspend = false
                terminal.suspend()
                console.resize(to: terminal.updateSize())
                console.requestRedraw()
            }
        }
        return console.exitStatus
    }

    private func renderFrame() {
        if console.needsRepaint {
            terminal.renderer.requestRepaint()
        }
        terminal.renderer.setTheme(console.terminalTheme)
        console.draw(into: screen)
        terminal.renderer.render(screen)
        console.needsDisplay = false
        console.needsRepaint = false
        loop.clearDeliveredResults()
    }

    private func handleSignals() {
        for byte in PipeReader.readAll(terminal.signalPipe.readDescriptor) {
            let signal = Int32(byte)
            if signal == SIGWINCH {
                handleResize()
            } else {
                console.terminate(signal: signal)
            }
        }
    }

    private func handleInput(hungUp: Bool) {
        let batch = terminal.readInput()
        if batch.isEmpty && hungUp {
            // The terminal went away; SIGHUP normally arrives too, but do not spin on it.
            console.terminate(signal: SIGHUP)
            return
        }
        for event in decoder.decode(batch) {
            if event == .resize {
                handleResize()
            } else {
                console.handle(event)
            }
        }
    }

    private func handleResize() {
        console.resize(to: terminal.updateSize())
        terminal.renderer.requestRepaint()
    }
}
