@testable import ConfabCore

/// Builders for hand-written ShareGPT records, and runs of the importer over them.
enum ShareGPTFixture {
    /// Returns one record as JSON text, with `turns` given as `(from, value)` pairs.
    static func record(_ id: String?, _ turns: [(String, String)], model: String? = nil) -> String {
        var members: [String] = []
        if let id {
            members.append("\"id\": \(JSONValue.stringLiteral(id))")
        }
        if let model {
            members.append("\"model\": \(JSONValue.stringLiteral(model))")
        }
        let turnTexts = turns.map { from, value in
            "{\"from\": \(JSONValue.stringLiteral(from)), \"value\": \(JSONValue.stringLiteral(value))}"
        }
        members.append("\"conversations\": [\(turnTexts.joined(separator: ", "))]")
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// Returns a record with a human and a gpt turn whose texts name the record ("X_3 asks").
    static func part(_ id: String) -> String {
        record(id, [("human", "\(id) asks"), ("gpt", "\(id) answers")])
    }

    static func array(_ records: [String]) -> String {
        "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    static func lines(_ records: [String]) -> String {
        records.joined(separator: "\n") + "\n"
    }

    /// Writes `text` to a file named `name` and runs the importer on it.
    static func run(_ text: String, name: String = "sample.json") throws -> ImportOutcome {
        try ShareGPTImporter().outcome(reading: text, writtenAs: name)
    }

    static func run(bytes: [UInt8], name: String = "sample.json") throws -> ImportOutcome {
        try ShareGPTImporter().outcome(readingBytes: bytes, writtenAs: name)
    }
}
