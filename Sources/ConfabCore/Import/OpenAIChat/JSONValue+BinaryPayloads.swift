extension JSONValue {
    /// Returns the value with every embedded file body replaced by "…", so that raw payloads
    /// kept for a turn never contain images, audio or documents.
    ///
    /// Replaced are the payload of every `data:` URI string (keeping its header), and the base64
    /// strings of OpenAI's `input_audio.data`, `audio.data`, `file_data` and `b64_json` fields.
    func removingBinaryPayloads() -> JSONValue {
        removingBinaryPayloads(key: nil, parentKey: nil)
    }

    private static let base64Keys: Set<String> = ["file_data", "b64_json"]
    private static let audioKeys: Set<String> = ["input_audio", "audio"]

    private func removingBinaryPayloads(key: String?, parentKey: String?) -> JSONValue {
        switch self {
        case let .string(text):
            if let dataURI = DataURI(text) {
                return .string(dataURI.redacted)
            }
            let isBase64Field = key.map { JSONValue.base64Keys.contains($0) } ?? false
            let isAudioData = key == "data" && parentKey.map { JSONValue.audioKeys.contains($0) } == true
            if (isBase64Field || isAudioData) && !text.isEmpty {
                return .string("…")
            }
            return self
        case let .array(elements):
            return .array(elements.map { $0.removingBinaryPayloads(key: nil, parentKey: key) })
        case let .object(object):
            let members = object.members.map { member in
                (key: member.key, value: member.value.removingBinaryPayloads(key: member.key, parentKey: key))
            }
            return .object(JSONObject(members))
        case .null, .bool, .number:
            return self
        }
    }
}
