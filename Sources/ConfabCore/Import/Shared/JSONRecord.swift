/// One top-level value of a JSON or JSON Lines file, with where it starts.
struct JSONRecord {
    var value: JSONValue
    var location: JSONElementLocation
    var layout: JSONStreamReader.Layout

    /// The location in the form `ImportProblem.location` uses: "line 7, byte 1234".
    var locationDescription: String {
        "line \(location.line), byte \(location.byteOffset)"
    }

    /// Returns a conversation id for a record that has none, the same on every read of the file:
    /// `<file name>:<line>` for JSON Lines and a single value, `<file name>#<index>` for the
    /// elements of an array, where several can share a line.
    func synthesizedID(fileName: String) -> String {
        if layout == .array {
            return "\(fileName)#\(location.index)"
        }
        return "\(fileName):\(location.line)"
    }
}
