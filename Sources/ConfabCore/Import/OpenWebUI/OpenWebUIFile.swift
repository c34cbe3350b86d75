/// An entry of a message's `files` list: an uploaded file, a pasted image or a knowledge
/// collection. Only its description is kept; an image pasted as a base64 `data:` URL keeps
/// neither the URL nor its bytes.
struct OpenWebUIFile {
    var attachment: ImportedAttachment
    var isImage: Bool

    init(_ entry: JSONValue) {
        let file = entry["file"]
        let meta = file?["meta"]
        let name = entry["name"]?.stringValue ?? file?["filename"]?.stringValue ?? meta?["name"]?.stringValue
        let url = entry["url"]?.stringValue
        let mimeType = meta?["content_type"]?.stringValue ?? entry["content_type"]?.stringValue
            ?? url.flatMap(DataURIRedaction.mediaType(of:))
        let size = entry["size"]?.intValue ?? meta?["size"]?.intValue

        var reference = entry["id"]?.stringValue ?? file?["id"]?.stringValue
        if reference == nil, let url, !DataURIRedaction.isDataURI(url) {
            reference = url
        }

        attachment = ImportedAttachment(name: name, mimeType: mimeType, sizeBytes: size, reference: reference)
        isImage = entry["type"]?.stringValue == "image" || (mimeType?.lowercased().hasPrefix("image/") ?? false)
    }

    var placeholder: String {
        isImage ? Placeholder.image(attachment.name) : Placeholder.file(attachment.name)
    }
}
