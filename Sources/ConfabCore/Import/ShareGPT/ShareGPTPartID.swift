/// A record id of the form `<conversation id>_<n>`, which FastChat's `split_long_conversation.py`
/// gives to the consecutive chunks of one long conversation (`wNBG8Gp_0`, `wNBG8Gp_1`, …).
///
/// Only a suffix of decimal digits after the last underscore is a part number: `my_id` and
/// `abc_x` are whole ids.
struct ShareGPTPartID: Equatable {
    var conversationID: String
    var number: Int

    init?(_ id: String) {
        guard let underscore = id.lastIndex(of: "_") else { return nil }

        let prefix = id[..<underscore]
        let suffix = id[id.index(after: underscore)...]
        guard !prefix.isEmpty, !suffix.isEmpty, suffix.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        // A suffix too long for Int cannot be a chunk number.
        guard let number = Int(suffix) else { return nil }

        conversationID = String(prefix)
        self.number = number
    }
}
