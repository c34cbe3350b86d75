/// A naming culture for demo users: name lists, name order, usual time zones and native language.
struct DemoCulture: Sendable {
    /// The language the user writes in when not writing English; nil for English speakers.
    let language: DemoLanguage?
    let masculineGivenNames: [String]
    let feminineGivenNames: [String]
    let familyNames: [String]
    /// Feminine forms of `familyNames`, index for index, for languages that inflect surnames.
    let feminineFamilyNames: [String]?
    let familyNameFirst: Bool
    /// What goes between the two names: a space, or nothing in Chinese and Korean.
    let separator: String
    let utcOffsetsMinutes: [Int]

    var givenNameCount: Int { masculineGivenNames.count + feminineGivenNames.count }

    /// Distinct full names the lists can form.
    var nameCount: Int { givenNameCount * familyNames.count }

    /// Returns the name numbered `ordinal`. Ordinals below `nameCount` give distinct names, and
    /// larger ones repeat them, as names repeat in real user lists.
    func name(ordinal: Int) -> String {
        let pair = ordinal % nameCount
        let givenIndex = pair % givenNameCount

        // Shifting the family index by the given index spreads each given name over all surnames.
        let familyIndex = (pair / givenNameCount + givenIndex * 3) % familyNames.count

        let isFeminine = givenIndex >= masculineGivenNames.count
        let given = isFeminine
            ? feminineGivenNames[givenIndex - masculineGivenNames.count]
            : masculineGivenNames[givenIndex]
        let family = isFeminine
            ? (feminineFamilyNames?[familyIndex] ?? familyNames[familyIndex])
            : familyNames[familyIndex]
        return familyNameFirst ? family + separator + given : given + separator + family
    }
}

extension DemoCulture {
    /// Cultures in the order users are dealt them. The first twelve entries are all different, so
    /// even the default twelve users cover Latin, CJK, right-to-left, Cyrillic and Devanagari
    /// names. Later entries repeat the larger cultures.
    static let rotation: [DemoCultureID] = [
        .english, .chinese, .spanish, .arabic, .japanese, .hindi, .russian, .hebrew,
        .german, .korean, .french, .ukrainian, .english, .portuguese, .vietnamese, .chinese,
        .english, .spanish, .japanese, .arabic, .hindi, .english, .english,
    ]

    static let english = DemoCulture(
        language: nil,
        masculineGivenNames: ["James", "Liam", "Noah", "Ethan", "Lucas", "Mason", "Owen", "Caleb", "Marcus", "Dev"],
        feminineGivenNames: ["Emily", "Olivia", "Ava", "Sophia", "Grace", "Chloe", "Harper", "Zoe", "Aaliyah", "Siobhán"],
        familyNames: ["Carter", "Brooks", "O'Brien", "Walker", "Hughes", "Bennett", "Reyes", "Foster",
                      "Murphy", "Okafor", "Turner", "Price", "Sullivan", "Nakamura-Lee", "Adeyemi", "McAllister"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [-300, -360, -480, 0, 600, -240, 60])

    static let spanish = DemoCulture(
        language: .spanish,
        masculineGivenNames: ["Alejandro", "Javier", "Mateo", "Diego", "Andrés", "Íñigo"],
        feminineGivenNames: ["María José", "Lucía", "Camila", "Valentina", "Sofía", "Ximena"],
        familyNames: ["García", "Fernández", "Martínez", "López", "Rodríguez", "Pérez", "Sánchez",
                      "Gómez", "Muñoz", "Ibáñez", "Castillo", "Ortega"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [60, -360, -300, -180])

    static let french = DemoCulture(
        language: .french,
        masculineGivenNames: ["Théo", "Hugo", "Mathéo", "Gabriel", "Raphaël"],
        feminineGivenNames: ["Chloé", "Camille", "Léa", "Inès", "Zoé"],
        familyNames: ["Lefèvre", "Moreau", "Dubois", "Girard", "Rousseau", "Mercier", "Faure", "Lambert"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [60, -300])

    static let german = DemoCulture(
        language: .german,
        masculineGivenNames: ["Jürgen", "Lukas", "Felix", "Jonas", "Maximilian"],
        feminineGivenNames: ["Lena", "Mia", "Hannah", "Sophie", "Marie"],
        familyNames: ["Müller", "Schmidt", "Weiß", "Schneider", "Fischer", "Wagner", "Schäfer", "Krüger"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [60])

    static let portuguese = DemoCulture(
        language: .portuguese,
        masculineGivenNames: ["João", "Tiago", "Gonçalo", "Rafael", "Luís"],
        feminineGivenNames: ["Beatriz", "Mariana", "Inês", "Leonor", "Ana Clara"],
        familyNames: ["Silva", "Gonçalves", "Araújo", "Ferreira", "Costa", "Carvalho", "Rodrigues", "Almeida"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [0, -180])

    static let chinese = DemoCulture(
        language: .chinese,
        masculineGivenNames: ["伟", "磊", "强", "军", "浩然", "子轩"],
        feminineGivenNames: ["芳", "静", "敏", "丽", "婷", "雨涵"],
        familyNames: ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"],
        feminineFamilyNames: nil, familyNameFirst: true, separator: "",
        utcOffsetsMinutes: [480])

    static let japanese = DemoCulture(
        language: .japanese,
        masculineGivenNames: ["蓮", "悠真", "湊", "大翔", "樹"],
        feminineGivenNames: ["陽菜", "結衣", "美咲", "さくら", "葵"],
        familyNames: ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤"],
        feminineFamilyNames: nil, familyNameFirst: true, separator: " ",
        utcOffsetsMinutes: [540])

    static let korean = DemoCulture(
        language: .korean,
        masculineGivenNames: ["민준", "지호", "도윤", "예준"],
        feminineGivenNames: ["서연", "하은", "수아", "지유"],
        familyNames: ["김", "이", "박", "최", "정", "강", "조", "윤"],
        feminineFamilyNames: nil, familyNameFirst: true, separator: "",
        utcOffsetsMinutes: [540])

    static let arabic = DemoCulture(
        language: .arabic,
        masculineGivenNames: ["يوسف", "عمر", "خالد", "أحمد", "كريم"],
        feminineGivenNames: ["فاطمة", "مريم", "ليلى", "نور", "سارة"],
        familyNames: ["الحداد", "المصري", "العلي", "حسن", "الخطيب", "النجار", "السيد", "عبد الله"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [180, 120, 240, 60])

    static let hebrew = DemoCulture(
        language: .hebrew,
        masculineGivenNames: ["איתי", "יונתן", "אורי", "דניאל"],
        feminineGivenNames: ["נועה", "תמר", "מיכל", "שירה"],
        familyNames: ["כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [120])

    static let russian = DemoCulture(
        language: .russian,
        masculineGivenNames: ["Дмитрий", "Сергей", "Алексей", "Иван", "Никита", "Артём"],
        feminineGivenNames: ["Анна", "Екатерина", "Мария", "Ольга", "Татьяна", "Дарья"],
        familyNames: ["Соколов", "Иванов", "Смирнов", "Кузнецов", "Попов", "Волков", "Морозов", "Лебедев"],
        feminineFamilyNames: ["Соколова", "Иванова", "Смирнова", "Кузнецова", "Попова", "Волкова", "Морозова", "Лебедева"],
        familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [180])

    static let ukrainian = DemoCulture(
        language: .ukrainian,
        masculineGivenNames: ["Тарас", "Олексій", "Андрій", "Богдан", "Дмитро"],
        feminineGivenNames: ["Олена", "Ірина", "Оксана", "Юлія", "Наталія"],
        familyNames: ["Коваленко", "Шевчук", "Бондаренко", "Ткаченко", "Кравчук", "Мельник", "Лисенко", "Савчук"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [120])

    static let hindi = DemoCulture(
        language: .hindi,
        masculineGivenNames: ["अर्जुन", "राहुल", "विकास", "आदित्य", "रोहन"],
        feminineGivenNames: ["प्रिया", "अनन्या", "दीपिका", "नेहा", "कविता"],
        familyNames: ["शर्मा", "पटेल", "वर्मा", "गुप्ता", "सिंह", "अग्रवाल", "मेहता", "जोशी"],
        feminineFamilyNames: nil, familyNameFirst: false, separator: " ",
        utcOffsetsMinutes: [330])

    /// Vietnamese names exercise stacked diacritics; these users write in English.
    static let vietnamese = DemoCulture(
        language: nil,
        masculineGivenNames: ["Minh", "Huy", "Khoa", "Đức"],
        feminineGivenNames: ["Hương", "Lan", "Thảo", "Ngọc"],
        familyNames: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"],
        feminineFamilyNames: nil, familyNameFirst: true, separator: " ",
        utcOffsetsMinutes: [420])
}

enum DemoCultureID: Sendable, CaseIterable {
    case english, spanish, french, german, portuguese, chinese, japanese, korean
    case arabic, hebrew, russian, ukrainian, hindi, vietnamese

    var culture: DemoCulture {
        switch self {
        case .english: .english
        case .spanish: .spanish
        case .french: .french
        case .german: .german
        case .portuguese: .portuguese
        case .chinese: .chinese
        case .japanese: .japanese
        case .korean: .korean
        case .arabic: .arabic
        case .hebrew: .hebrew
        case .russian: .russian
        case .ukrainian: .ukrainian
        case .hindi: .hindi
        case .vietnamese: .vietnamese
        }
    }
}
