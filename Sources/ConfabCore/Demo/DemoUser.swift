/// One demo account: a stable id, a name from one of the cultures and the habits that shape its
/// conversations.
struct DemoUser: Sendable {
    /// Position among the generated users, from 0.
    let index: Int
    let cultureID: DemoCultureID
    let name: String
    /// Offset of the user's local time from UTC, in minutes.
    let utcOffsetMinutes: Int
    /// The first day of the window on which the user chats; users join over the first 18 months.
    let firstActiveDay: Int
    /// How often the user writes in their own language instead of English, per thousand conversations.
    let nativeLanguagePermille: Int
    /// Index into `DemoModel.catalog` of the model the user picks most of the time.
    let preferredModel: Int

    init(index: Int, seed: UInt64) {
        var random = DemoRandom(seed: seed, stream: .user, index: index)
        let rotation = DemoCulture.rotation
        let slot = index % rotation.count
        let round = index / rotation.count
        let cultureID = rotation[slot]
        let culture = cultureID.culture

        // Number the users of each culture 0, 1, 2, … so that names stay distinct until the
        // culture's lists run out. The seed only rotates which names come first.
        let slotsPerRound = rotation.count(where: { $0 == cultureID })
        let earlierSlots = rotation[..<slot].count(where: { $0 == cultureID })
        let nameShift = Int(SplitMix64.mix(seed) % UInt64(culture.nameCount))
        let ordinal = round * slotsPerRound + earlierSlots + nameShift

        self.index = index
        self.cultureID = cultureID
        self.name = culture.name(ordinal: ordinal)
        self.utcOffsetMinutes = random.element(of: culture.utcOffsetsMinutes)
        self.firstActiveDay = random.int(below: DemoCalendar.dayCount * 3 / 4)
        self.nativeLanguagePermille = culture.language == nil ? 0 : random.int(in: 150...550)
        self.preferredModel = DemoModel.weighted.pickIndex(&random)
    }

    /// The id the store keys the account on: `demo-user-0007` for the seventh user.
    var externalID: String {
        let number = String(index + 1)
        let padding = String(repeating: "0", count: max(0, 4 - number.count))
        return "demo-user-" + padding + number
    }

    var imported: ImportedUser {
        ImportedUser(externalID: externalID, name: name)
    }
}
