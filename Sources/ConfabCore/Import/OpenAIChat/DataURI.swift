import Foundation

/// The header of an RFC 2397 `data:` URI, such as `data:image/png;base64,iVBORw0…`.
///
/// The value keeps the header and the payload's size, never the payload itself.
struct DataURI: Equatable {
    /// The media type, or `text/plain` when the URI leaves it out, as RFC 2397 specifies.
    var mimeType: String
    var isBase64: Bool
    /// The size of the decoded payload in bytes, computed from the length of a base64 payload
    /// without whitespace. For a percent-encoded payload it is the written length.
    var decodedSize: Int
    /// The URI with its payload removed: `data:image/png;base64,…`.
    var redacted: String

    init?(_ text: String) {
        guard text.prefix(5).lowercased() == "data:" else { return nil }
        guard let comma = text.utf8.firstIndex(of: UInt8(ascii: ",")) else { return nil }

        let header = text[text.index(text.startIndex, offsetBy: 5)..<comma]
        let parameters = header.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parameters.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        mimeType = mediaType.isEmpty ? "text/plain" : mediaType.lowercased()
        isBase64 = parameters.dropFirst().contains { $0.lowercased() == "base64" }

        let payload = text.utf8[text.utf8.index(after: comma)...]
        decodedSize = isBase64 ? DataURI.decodedBase64Size(of: payload) : payload.count
        redacted = "data:" + header + ",…"
    }

    /// Returns the number of bytes that base64 text without whitespace decodes to, with or
    /// without `=` padding.
    static func decodedBase64Size(of text: some BidirectionalCollection<UInt8>) -> Int {
        let length = text.count
        let padding = text.reversed().prefix(2).prefix { $0 == UInt8(ascii: "=") }.count
        return max(0, length / 4 * 3 + max(0, length % 4 - 1) - padding)
    }
}
