import Foundation
@testable import ConfabCore

/// Everything a `JSONStreamReader` produced for one file.
struct StreamOutcome {
    var elements: [JSONValue] = []
    var locations: [JSONElementLocation] = []
    var lineErrors: [JSONLineError] = []
    var error: JSONReadError?
    var layout: JSONStreamReader.Layout?
    var repairs = TextRepairs()
    var bytesConsumed: Int64 = 0
    var fileSize: Int64 = 0
}

/// Writes `bytes` to a new file in the temporary directory and returns its URL.
func makeTemporaryFile(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("confab-json-\(UUID().uuidString).json")
    try Data(bytes).write(to: url)
    return url
}

/// Streams `bytes` through a reader and collects elements, line errors and the final error.
func readStream(
    _ bytes: [UInt8],
    mode: JSONStreamReader.Mode = .automatic,
    bufferCapacity: Int = 1 << 20
) throws -> StreamOutcome {
    let url = try makeTemporaryFile(bytes)
    defer { try? FileManager.default.removeItem(at: url) }

    let reader = try JSONStreamReader(url: url, mode: mode, bufferCapacity: bufferCapacity)
    var outcome = StreamOutcome()
    do {
        try reader.forEachElement(onLineError: { outcome.lineErrors.append($0) }) { value, location in
            outcome.elements.append(value)
            outcome.locations.append(location)
        }
    } catch let error as JSONReadError {
        outcome.error = error
    }
    outcome.layout = reader.layout
    outcome.repairs = reader.repairs
    outcome.bytesConsumed = reader.bytesConsumed
    outcome.fileSize = reader.fileSize
    return outcome
}

func readStream(
    _ text: String,
    mode: JSONStreamReader.Mode = .automatic,
    bufferCapacity: Int = 1 << 20
) throws -> StreamOutcome {
    try readStream(Array(text.utf8), mode: mode, bufferCapacity: bufferCapacity)
}

/// Parses bytes in memory and returns the value and the repairs, or the error.
func parseBytes(_ bytes: [UInt8]) -> (value: JSONValue?, repairs: TextRepairs, error: JSONReadError?) {
    var repairs = TextRepairs()
    do {
        let value = try JSONValue.parse(bytes, repairs: &repairs)
        return (value, repairs, nil)
    } catch {
        return (nil, repairs, error)
    }
}

/// Returns the message of a syntax error, or nil for any other outcome.
func syntaxMessage(_ error: JSONReadError?) -> String? {
    if case let .syntax(message, _, _, _) = error {
        return message
    }
    return nil
}

/// Bytes written as hexadecimal pairs separated by spaces, such as "61 F1 80".
func bytesFromHex(_ text: String) -> [UInt8] {
    text.split(separator: " ").map { UInt8($0, radix: 16)! }
}
