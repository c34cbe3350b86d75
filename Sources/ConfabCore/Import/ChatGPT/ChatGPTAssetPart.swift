/// One object in the `parts` of a ChatGPT `multimodal_text` message: an uploaded or generated
/// image, a voice recording, a transcription.
enum ChatGPTAssetPart {
    /// Renders the part as a placeholder (or a transcription's text) and names the files it points
    /// to. Everything except a transcription is lossy: sizes, generation prompts and the like stay
    /// only in the raw content.
    static func render(_ part: JSONObject) -> ChatGPTContent {
        let contentType = part["content_type"]?.stringValue ?? ""
        switch contentType {
        case "image_asset_pointer":
            return ChatGPTContent(text: Placeholder.image(), attachments: attachment(part, mediaType: "image"), isLossy: true)
        case "audio_asset_pointer":
            return ChatGPTContent(text: Placeholder.audio(), attachments: attachment(part, mediaType: "audio"), isLossy: true)
        case "real_time_user_audio_video_asset_pointer":
            return renderRealTimeRecording(part)
        case "audio_transcription":
            return ChatGPTContent(text: part["text"]?.stringValue ?? "")
        default:
            return ChatGPTContent(text: Placeholder.unsupported(contentType), isLossy: true)
        }
    }

    /// Renders a voice-mode recording: an audio pointer and, when the camera was on, a video pointer.
    /// Its still frames are kept only in the raw content.
    private static func renderRealTimeRecording(_ part: JSONObject) -> ChatGPTContent {
        var result = ChatGPTContent(text: "", isLossy: true)
        var placeholders: [String] = []
        if case let .object(audio)? = part["audio_asset_pointer"] {
            placeholders.append(Placeholder.audio())
            result.attachments += attachment(audio, mediaType: "audio")
        }
        if case let .object(video)? = part["video_container_asset_pointer"] {
            placeholders.append(Placeholder.video())
            result.attachments += attachment(video, mediaType: "video")
        }
        result.text = placeholders.isEmpty ? Placeholder.audio() : placeholders.joined(separator: "\n")
        return result
    }

    /// Returns the file an asset pointer names, or nothing when it has no `asset_pointer`. A `format`
    /// field (`wav`, `mp4`) becomes the MIME subtype of `mediaType`.
    private static func attachment(_ pointer: JSONObject, mediaType: String) -> [ImportedAttachment] {
        guard let reference = pointer["asset_pointer"]?.stringValue, !reference.isEmpty else { return [] }
        let mimeType = pointer["format"]?.stringValue.map { "\(mediaType)/\($0)" }
        return [ImportedAttachment(mimeType: mimeType, sizeBytes: pointer["size_bytes"]?.intValue, reference: reference)]
    }
}
