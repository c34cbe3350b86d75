import ConfabCore
import Foundation

/// A one-line progress bar for a terminal's standard error, redrawn in place at most ten times a
/// second and erased when the work finishes.
final class ProgressBar: ImportProgressObserver {
    private let write: (String) -> Void
    private let width: Int
    private let unicode: Bool
    private var lastDraw = Date.distantPast
    private var isDrawn = false

    init(width: Int, unicode: Bool, write: @escaping (String) -> Void) {
        self.write = write
        self.width = max(width, 20)
        self.unicode = unicode
    }

    func update(done: Int64, total: Int64, conversations: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now

        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        let figures = String(format: " %3d%% %@ conversations", Int(fraction * 100), ProgressBar.grouped(conversations))
        let barWidth = max(10, min(40, width - figures.count - 3))
        let filled = Int(fraction * Double(barWidth))
        let bar = String(repeating: unicode ? "█" : "#", count: filled)
            + String(repeating: unicode ? "░" : "-", count: barWidth - filled)
        write("\r[" + bar + "]" + figures + "\u{1B}[K")
        isDrawn = true
    }

    func finished() {
        if isDrawn {
            write("\r\u{1B}[K")
            isDrawn = false
        }
    }

    static func grouped(_ number: Int) -> String {
        NumberText.grouped(number)
    }
}
