import ConfabCore
import Foundation

/// `confab import FILE...`: reads exports into the store and prints a summary per file.
enum ImportCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        var options = ImportSession.Options()
        options.format = arguments.string("format").flatMap(ImportFormat.init(rawValue:))
        options.userName = arguments.string("user")
        options.keepPartial = arguments.flag("partial")

        let store = try context.openStore()
        let asJSON = arguments.flag("json")
        var reports: [JSONValue] = []
        var status = ExitStatus.success

        for path in arguments.strings("file") {
            let progress = context.stderr.isTerminal && !arguments.flag("quiet")
                ? ProgressBar(width: context.stderr.terminalColumns ?? 80, unicode: context.charset == .unicode,
                              write: context.stderr.write)
                : nil
            let session = ImportSession(store: store, options: options, progress: progress, isCancelled: context.isCancelled)
            let url = URL(fileURLWithPath: path)
            if let format = options.format, ImportSession.file(url, looksLike: format) == false {
                context.stderr.write("Warning: \(context.safe(path)) does not have the structure of a \(format.rawValue) export; "
                    + "reading it as one because --format was given.\n")
            }
            do {
                let report = try session.run(url)
                if asJSON {
                    reports.append(ImportSummaryText.json(report, imported: true))
                } else {
                    context.stdout.write(ImportSummaryText.text(report, context: context))
                }
                if !report.summary.skipped.isEmpty {
                    context.stderr.write(ImportSummaryText.skippedDetails(report, context: context))
                }
                let summary = report.summary
                if summary.newConversations + summary.updatedConversations + summary.unchangedConversations == 0
                    && !summary.skipped.isEmpty {
                    context.stderr.write("Error: nothing was imported from \(context.safe(path)): every record was skipped.\n")
                    status = ExitStatus.failure
                }
            } catch let rejected as ImportRejected {
                progress?.finished()
                status = ExitStatus.failure
                context.stderr.write("Error: " + context.safe(rejected.description) + "\n")
                if asJSON {
                    reports.append(ImportSummaryText.json(rejected.report, imported: false))
                }
            } catch is CancellationError {
                progress?.finished()
                context.stderr.write("Import of \(context.safe(path)) cancelled; nothing from it was stored.\n")
                return 130
            } catch {
                progress?.finished()
                status = ExitStatus.failure
                context.stderr.write("Error: " + context.safe("\(error)") + "\n")
            }
        }

        if asJSON {
            context.stdout.write(JSONRecords.array(reports))
        }
        return status
    }
}

/// The end-of-import summary, as text and as JSON.
enum ImportSummaryText {
    static func text(_ report: ImportReport, context: CommandContext) -> String {
        let summary = report.summary
        var lines = ["\(context.safe(report.file)) (\(report.format.rawValue)): "
            + "\(summary.newConversations) new, \(summary.updatedConversations) updated, "
            + "\(summary.unchangedConversations) unchanged, \(summary.skipped.count) skipped; "
            + "\(summary.newTurns) turns added in \(String(format: "%.1f", report.seconds)) s"]
        if summary.erasedConversations > 0 {
            lines.append("  \(summary.erasedConversations) conversation(s) skipped because they were erased or anonymised earlier")
        }
        if summary.invalidUTF8 > 0 || summary.loneSurrogates > 0 {
            lines.append("  text repaired: \(summary.invalidUTF8) invalid UTF-8 sequence(s) and "
                + "\(summary.loneSurrogates) lone surrogate(s) replaced by U+FFFD")
        }
        if let failure = report.failure, summary.isPartial {
            lines.append("  partial import: " + context.safe("\(failure)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Formats one line per skipped record, at most 50, for standard error.
    static func skippedDetails(_ report: ImportReport, context: CommandContext) -> String {
        let limit = 50
        var lines = report.summary.skipped.prefix(limit).map { "  skipped " + context.safe($0.description) }
        if report.summary.skipped.count > limit {
            lines.append("  … and \(report.summary.skipped.count - limit) more skipped records (see --json for all)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ report: ImportReport, imported: Bool) -> JSONValue {
        let summary = report.summary
        return JSONRecords.object([
            ("file", .string(report.file)),
            ("format", .string(report.format.rawValue)),
            ("imported", .bool(imported)),
            ("partial", .bool(summary.isPartial)),
            ("new", JSONRecords.number(summary.newConversations)),
            ("updated", JSONRecords.number(summary.updatedConversations)),
            ("unchanged", JSONRecords.number(summary.unchangedConversations)),
            ("erased", JSONRecords.number(summary.erasedConversations)),
            ("skipped", JSONRecords.number(summary.skipped.count)),
            ("turns_added", JSONRecords.number(summary.newTurns)),
            ("invalid_utf8", JSONRecords.number(summary.invalidUTF8)),
            ("lone_surrogates", JSONRecords.number(summary.loneSurrogates)),
            ("seconds", .number(report.seconds)),
            ("failure", report.failure.map { .string("\($0)") } ?? .null),
            ("skipped_records", .array(summary.skipped.map { problem in
                JSONRecords.object([
                    ("file", .string(problem.file)),
                    ("location", .string(problem.location)),
                    ("conversation_id", JSONRecords.string(problem.conversationID)),
                    ("field", JSONRecords.string(problem.field)),
                    ("reason", .string(problem.reason)),
                ])
            })),
        ])
    }
}
