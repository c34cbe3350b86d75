import ConfabCore
@testable import ConfabTUI
import Testing

/// Compares a screen with the expected lines and, on a mismatch, records a line diff that
/// marks each differing row, so the failure shows where the screens part.
func expectScreen(_ screen: Screen, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = screen.lines()
    guard actual != expected else { return }

    var report = ["screen differs (- expected, + actual):"]
    for row in 0..<max(actual.count, expected.count) {
        let want = row < expected.count ? expected[row] : "<no row>"
        let have = row < actual.count ? actual[row] : "<no row>"
        if want == have {
            report.append("  \(row): \(have)")
        } else {
            report.append("- \(row): \(want)")
            report.append("+ \(row): \(have)")
        }
    }
    Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
}

/// Returns every scalar stored in any cell of `screen`.
func allScalars(of screen: Screen) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    for row in 0..<screen.size.height {
        for column in 0..<screen.size.width {
            scalars += screen[column, row].content.unicodeScalars
        }
    }
    return scalars
}

/// Returns whether `scalar` is a control character (C0, DEL, C1) or an invisible format
/// character other than the zero-width joiner.
func isControlOrInvisible(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) {
        return true
    }
    switch scalar.properties.generalCategory {
    case .format:
        return value != 0x200D && TerminalText.width(of: scalar) == 0
    case .lineSeparator, .paragraphSeparator:
        return true
    default:
        return false
    }
}

/// Checks that each row of `screen` takes exactly its width in cells: continuation cells
/// follow each wide character, and nothing spills past the right edge.
func expectConsistentWidths(_ screen: Screen, sourceLocation: SourceLocation = #_sourceLocation) {
    for row in 0..<screen.size.height {
        var column = 0
        while column < screen.size.width {
            let cell = screen[column, row]
            #expect(!cell.isContinuation, "row \(row) column \(column) is a continuation without a wide character before it", sourceLocation: sourceLocation)
            #expect(TerminalText.width(of: cell.content) == cell.width, "row \(row) column \(column): '\(cell.content)' is stored with width \(cell.width)", sourceLocation: sourceLocation)
            if cell.width == 2 {
                #expect(column + 1 < screen.size.width, "row \(row): a wide character spills past the right edge", sourceLocation: sourceLocation)
                if column + 1 < screen.size.width {
                    #expect(screen[column + 1, row].isContinuation, "row \(row) column \(column + 1) should continue a wide character", sourceLocation: sourceLocation)
                }
                column += 2
            } else {
                column += 1
            }
        }
    }
}
