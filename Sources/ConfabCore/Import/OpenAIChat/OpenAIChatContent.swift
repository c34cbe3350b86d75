import Foundation

/// The `content` of an OpenAI chat message as display text and attachments.
///
/// `content` is a string, an array of parts, or null. Text parts (`text`, `input_text`,
/// `output_text`) and refusals become text. Images, audio and files become a placeholder and an
/// attachment, and any other part becomes `Placeholder.unsupported`. Parts are joined with line
/// breaks.
struct OpenAIChatContent {
    /// Display text pieces in the order the parts came.
    var pieces: [String] = []
    var attachments: [ImportedAttachment] = []
    /// True when the display text contains everything the content had: a string, null, or only
    /// text parts. Otherwise the content is kept raw on the turn.
    var isFullyRendered = true

    init(_ content: JSONValue?) {
        switch content {
        case nil, .null?:
            break
        case let .string(text)?:
            pieces.append(text)
        case let .array(parts)?:
            for part in parts {
                append(part)
            }
        case let .object(object)?:
            // A single part outside an array.
            append(.object(object))
        case let .bool(flag)?:
            pieces.append(flag ? "true" : "false")
            isFullyRendered = false
        case let .number(number)?:
            pieces.append(JSONValue.number(number).serialized())
            isFullyRendered = false
        }
    }

    private mutating func append(_ part: JSONValue) {
        if case let .string(text) = part {
            pieces.append(text)
            return
        }

        let type = part["type"]?.stringValue
        switch type {
        case "text", "input_text", "output_text", nil:
            // A part without a type is read as text when it has some.
            if let text = part["text"]?.stringValue {
                pieces.append(text)
            } else {
                appendUnsupported(type)
            }
        case "refusal":
            pieces.append(part["refusal"]?.stringValue ?? "")
        case "image_url", "input_image":
            appendImage(part)
        case "input_audio":
            appendAudio(part["input_audio"])
        case "file", "input_file":
            appendFile(part["file"] ?? part)
        default:
            appendUnsupported(type)
        }
    }

    private mutating func appendImage(_ part: JSONValue) {
        isFullyRendered = false
        let location = part["image_url"]?["url"]?.stringValue ?? part["image_url"]?.stringValue

        guard let location else {
            let fileID = part["file_id"]?.stringValue
            pieces.append(Placeholder.image())
            attachments.append(ImportedAttachment(reference: fileID))
            return
        }

        if let dataURI = DataURI(location) {
            pieces.append(Placeholder.image())
            attachments.append(ImportedAttachment(mimeType: dataURI.mimeType, sizeBytes: dataURI.decodedSize, reference: dataURI.mimeType))
            return
        }

        let name = OpenAIChatContent.fileName(inURL: location)
        pieces.append(Placeholder.image(name))
        attachments.append(ImportedAttachment(name: name, reference: location))
    }

    private mutating func appendAudio(_ audio: JSONValue?) {
        isFullyRendered = false
        let format = audio?["format"]?.stringValue
        let size = audio?["data"]?.stringValue.map { DataURI.decodedBase64Size(of: $0.utf8) }
        pieces.append(Placeholder.audio())
        attachments.append(ImportedAttachment(mimeType: format.map { "audio/" + $0 }, sizeBytes: size))
    }

    private mutating func appendFile(_ file: JSONValue) {
        isFullyRendered = false
        let name = file["filename"]?.stringValue
        let dataURI = file["file_data"]?.stringValue.flatMap(DataURI.init)
        let reference = file["file_id"]?.stringValue ?? file["file_url"]?.stringValue ?? dataURI?.mimeType
        pieces.append(Placeholder.file(name))
        attachments.append(ImportedAttachment(name: name, mimeType: dataURI?.mimeType, sizeBytes: dataURI?.decodedSize, reference: reference))
    }

    private mutating func appendUnsupported(_ type: String?) {
        isFullyRendered = false
        pieces.append(Placeholder.unsupported(type ?? "untyped part"))
    }

    /// Returns the last path component of an http(s) URL, such as `cat.png`, or nil when there is none.
    static func fileName(inURL text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return nil
        }
        let name = url.lastPathComponent
        return name.isEmpty || name == "/" ? nil : name
    }
}
