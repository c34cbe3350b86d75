#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONStreamReader {
    /// Reads one value per line from the current position to the end of the file.
    ///
    /// Each line is parsed on its own, so a broken line cannot swallow the lines after it.
    /// Blank lines are skipped; a carriage return before the line feed is whitespace.
    func readLines(
        onLineError: (JSONLineError) -> Void,
        _ body: (JSONValue, JSONElementLocation) throws -> Void
    ) throws {
        while let lineEnd = try findLineEnd() {
            let lineStart = buffer.start
            let isLastLine = lineEnd == buffer.end && buffer.isAtEndOfFile
            let lineNumber = line
            var parsed: (JSONValue, JSONElementLocation, TextRepairs)?

            do throws(JSONParseFailure) {
                let (value, repairs) = try withLineParser(from: lineStart, to: lineEnd) { parser throws(JSONParseFailure) -> (JSONValue, JSONElementLocation)? in
                    parser.skipByteOrderMark()
                    parser.skipWhitespace()
                    if parser.isAtEnd { return nil }

                    let location = JSONElementLocation(byteOffset: buffer.offset(of: parser.position), line: lineNumber, index: elementCount)
                    let value = try parser.parseValue()
                    parser.skipWhitespace()
                    if !parser.isAtEnd {
                        throw parser.syntaxError("unexpected data after the value", at: parser.position)
                    }
                    return (value, location)
                }
                if let (element, location) = value {
                    parsed = (element, location, repairs)
                }
            } catch .endOfInput {
                let message = isLastLine ? "file ends inside a value" : "line ends inside a value"
                onLineError(JSONLineError(line: lineNumber, byteOffset: buffer.offset(of: lineEnd), message: message))
            } catch let .syntax(message, position, _) {
                onLineError(JSONLineError(line: lineNumber, byteOffset: buffer.offset(of: position), message: message))
            }

            buffer.start = min(lineEnd + 1, buffer.end)
            bytesConsumed = buffer.offset(of: buffer.start)
            line += 1

            if let (value, location, lineRepairs) = parsed {
                repairs += lineRepairs
                elementCount += 1
                try body(value, location)
            }
        }
    }

    /// Returns the index of the line feed that ends the line at `buffer.start`, or `buffer.end`
    /// for a last line without one, reading more of the file until the whole line is in the
    /// buffer. Returns nil at the end of the file.
    private func findLineEnd() throws(JSONReadError) -> Int? {
        var searchStart = buffer.start
        while true {
            if let found = memchr(buffer.storage + searchStart, Int32(ASCII.lineFeed), buffer.end - searchStart) {
                return buffer.storage.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if buffer.isAtEndOfFile {
                return buffer.start < buffer.end ? buffer.end : nil
            }

            let searchedCount = buffer.end - buffer.start
            try buffer.readMore()
            searchStart = buffer.start + searchedCount
        }
    }
}
