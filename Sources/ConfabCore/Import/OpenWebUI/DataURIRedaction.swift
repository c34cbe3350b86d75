/// Replaces base64 `data:` URIs with placeholders, so pasted or generated images never reach the
/// store or its full-text index. Open WebUI keeps them in message `files`, in content and in
/// RAG sources; a single chat can hold tens of megabytes of them.
enum DataURIRedaction {
    private static let scheme = Array("data:".utf8)
    private static let base64Marker = Array(";base64,".utf8)

    /// Returns `text` with every `data:<type>;base64,<payload>` replaced by the placeholder for
    /// its media type; text without one is returned unchanged.
    static func redact(_ text: String) -> String {
        guard text.contains("data:") else { return text }

        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var changed = false
        while index < bytes.count {
            if let (end, mediaType) = dataURI(in: bytes, at: index) {
                output.append(contentsOf: placeholder(for: mediaType).utf8)
                index = end
                changed = true
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// Returns `value` with every string redacted, recursively.
    static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .string(text):
            return .string(redact(text))
        case let .array(elements):
            return .array(elements.map(redact))
        case let .object(object):
            return .object(JSONObject(object.members.map { ($0.key, redact($0.value)) }))
        case .null, .bool, .number:
            return value
        }
    }

    /// Returns whether `text` is a data URI (of any encoding), which is content rather than a reference.
    static func isDataURI(_ text: String) -> Bool {
        text.utf8.prefix(5).elementsEqual(scheme)
    }

    /// Returns the media type a data URI names (`image/png` in `data:image/png;base64,…`), or nil
    /// when it names none.
    static func mediaType(of uri: String) -> String? {
        guard isDataURI(uri) else { return nil }
        let afterScheme = uri.utf8.dropFirst(scheme.count)
        let end = afterScheme.firstIndex { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") } ?? afterScheme.endIndex
        let type = String(decoding: afterScheme[..<end], as: UTF8.self)
        return type.isEmpty ? nil : type
    }

    static func placeholder(for mediaType: String) -> String {
        let type = mediaType.lowercased()
        if type.hasPrefix("image/") { return Placeholder.image() }
        if type.hasPrefix("audio/") { return Placeholder.audio() }
        if type.hasPrefix("video/") { return Placeholder.video() }
        return Placeholder.file()
    }

    /// Finds the end index and media type of a base64 data URI starting at `start`.
    private static func dataURI(in bytes: [UInt8], at start: Int) -> (Int, String)? {
        guard bytes[start] == UInt8(ascii: "d"), start + scheme.count <= bytes.count,
              bytes[start..<start + scheme.count].elementsEqual(scheme) else { return nil }

        // The media type and parameters: up to ";base64," within a short distance.
        var index = start + scheme.count
        let typeStart = index
        while index < bytes.count, index - typeStart < 200, isMediaTypeByte(bytes[index]) {
            if bytes[index...].starts(with: base64Marker) {
                break
            }
            index += 1
        }
        guard bytes[index...].starts(with: base64Marker) else { return nil }
        let mediaTypeEnd = bytes[typeStart..<index].firstIndex(of: UInt8(ascii: ";")) ?? index
        let mediaType = String(decoding: bytes[typeStart..<mediaTypeEnd], as: UTF8.self)

        index += base64Marker.count
        let payloadStart = index
        while index < bytes.count, isBase64Byte(bytes[index]) {
            index += 1
        }
        return index > payloadStart ? (index, mediaType) : nil
    }

    private static func isMediaTypeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "/+-.;=_".utf8.contains(byte)
        }
    }

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
