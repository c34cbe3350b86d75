/// Everyday phrases with translations, quoted by language-learning answers and translation requests.
enum DemoPhrasebook {
    struct Translation: Sendable {
        let text: String
        /// A Latin transcription for scripts a learner may not read yet; nil for Latin-script languages.
        let romanization: String?
    }

    struct Phrase: Sendable {
        let english: String
        let translations: [DemoLanguage: Translation]

        func translation(in language: DemoLanguage) -> Translation {
            guard let translation = translations[language] else {
                preconditionFailure("phrase \"\(english)\" has no \(language.englishName) translation")
            }
            return translation
        }
    }

    private static func t(_ text: String, _ romanization: String? = nil) -> Translation {
        Translation(text: text, romanization: romanization)
    }

    static let phrases = DemoPool<Phrase>(zipf: [
        Phrase(english: "Thank you very much", translations: [
            .spanish: t("Muchas gracias"), .french: t("Merci beaucoup"), .german: t("Vielen Dank"),
            .portuguese: t("Muito obrigado"), .chinese: t("非常感谢", "Fēicháng gǎnxiè"),
            .japanese: t("どうもありがとうございます", "Dōmo arigatō gozaimasu"),
            .korean: t("정말 감사합니다", "Jeongmal gamsahamnida"), .arabic: t("شكراً جزيلاً", "Shukran jazīlan"),
            .hebrew: t("תודה רבה", "Toda raba"), .russian: t("Большое спасибо", "Bol'shoye spasibo"),
            .ukrainian: t("Щиро дякую", "Shchyro diakuiu"), .hindi: t("बहुत धन्यवाद", "Bahut dhanyavaad"),
        ]),
        Phrase(english: "Where is the train station?", translations: [
            .spanish: t("¿Dónde está la estación de tren?"), .french: t("Où est la gare ?"),
            .german: t("Wo ist der Bahnhof?"), .portuguese: t("Onde fica a estação de trem?"),
            .chinese: t("火车站在哪里？", "Huǒchēzhàn zài nǎlǐ?"), .japanese: t("駅はどこですか？", "Eki wa doko desu ka?"),
            .korean: t("기차역이 어디예요?", "Gichayeogi eodiyeyo?"), .arabic: t("أين محطة القطار؟", "Ayna maḥaṭṭat al-qiṭār?"),
            .hebrew: t("איפה תחנת הרכבת?", "Eifo tachanat ha-rakevet?"), .russian: t("Где вокзал?", "Gde vokzal?"),
            .ukrainian: t("Де вокзал?", "De vokzal?"), .hindi: t("रेलवे स्टेशन कहाँ है?", "Relve steshan kahaan hai?"),
        ]),
        Phrase(english: "How much does this cost?", translations: [
            .spanish: t("¿Cuánto cuesta esto?"), .french: t("Combien ça coûte ?"), .german: t("Wie viel kostet das?"),
            .portuguese: t("Quanto custa isto?"), .chinese: t("这个多少钱？", "Zhège duōshǎo qián?"),
            .japanese: t("これはいくらですか？", "Kore wa ikura desu ka?"), .korean: t("이거 얼마예요?", "Igeo eolmayeyo?"),
            .arabic: t("بكم هذا؟", "Bikam hādhā?"), .hebrew: t("כמה זה עולה?", "Kama ze ole?"),
            .russian: t("Сколько это стоит?", "Skol'ko eto stoit?"), .ukrainian: t("Скільки це коштує?", "Skilky tse koshtuie?"),
            .hindi: t("यह कितने का है?", "Yah kitne ka hai?"),
        ]),
        Phrase(english: "I don't understand", translations: [
            .spanish: t("No entiendo"), .french: t("Je ne comprends pas"), .german: t("Ich verstehe nicht"),
            .portuguese: t("Não entendo"), .chinese: t("我不明白", "Wǒ bù míngbai"), .japanese: t("わかりません", "Wakarimasen"),
            .korean: t("이해가 안 돼요", "Ihaega an dwaeyo"), .arabic: t("لا أفهم", "Lā afham"),
            .hebrew: t("אני לא מבין", "Ani lo mevin"), .russian: t("Я не понимаю", "Ya ne ponimayu"),
            .ukrainian: t("Я не розумію", "Ya ne rozumiiu"), .hindi: t("मुझे समझ नहीं आया", "Mujhe samajh nahin aaya"),
        ]),
        Phrase(english: "Good morning", translations: [
            .spanish: t("Buenos días"), .french: t("Bonjour"), .german: t("Guten Morgen"), .portuguese: t("Bom dia"),
            .chinese: t("早上好", "Zǎoshang hǎo"), .japanese: t("おはようございます", "Ohayō gozaimasu"),
            .korean: t("좋은 아침이에요", "Joeun achimieyo"), .arabic: t("صباح الخير", "Ṣabāḥ al-khayr"),
            .hebrew: t("בוקר טוב", "Boker tov"), .russian: t("Доброе утро", "Dobroye utro"),
            .ukrainian: t("Доброго ранку", "Dobroho ranku"), .hindi: t("सुप्रभात", "Suprabhaat"),
        ]),
        Phrase(english: "The bill, please", translations: [
            .spanish: t("La cuenta, por favor"), .french: t("L'addition, s'il vous plaît"),
            .german: t("Die Rechnung, bitte"), .portuguese: t("A conta, por favor"),
            .chinese: t("请结账", "Qǐng jiézhàng"), .japanese: t("お会計をお願いします", "O-kaikei o onegaishimasu"),
            .korean: t("계산서 주세요", "Gyesanseo juseyo"), .arabic: t("الحساب من فضلك", "Al-ḥisāb min faḍlik"),
            .hebrew: t("חשבון, בבקשה", "Cheshbon, bevakasha"), .russian: t("Счёт, пожалуйста", "Schyot, pozhaluysta"),
            .ukrainian: t("Рахунок, будь ласка", "Rakhunok, bud laska"), .hindi: t("बिल दीजिए", "Bil dijiye"),
        ]),
        Phrase(english: "Nice to meet you", translations: [
            .spanish: t("Encantado de conocerte"), .french: t("Enchanté"), .german: t("Freut mich"),
            .portuguese: t("Prazer em conhecer você"), .chinese: t("很高兴认识你", "Hěn gāoxìng rènshi nǐ"),
            .japanese: t("はじめまして", "Hajimemashite"), .korean: t("만나서 반가워요", "Mannaseo bangawoyo"),
            .arabic: t("تشرفت بمعرفتك", "Tasharraftu bi-maʿrifatik"), .hebrew: t("נעים מאוד", "Na'im me'od"),
            .russian: t("Приятно познакомиться", "Priyatno poznakomit'sya"),
            .ukrainian: t("Приємно познайомитися", "Pryiemno poznaiomytysia"),
            .hindi: t("आपसे मिलकर खुशी हुई", "Aapse milkar khushi hui"),
        ]),
        Phrase(english: "Could you speak more slowly, please?", translations: [
            .spanish: t("¿Puede hablar más despacio, por favor?"),
            .french: t("Pourriez-vous parler plus lentement, s'il vous plaît ?"),
            .german: t("Könnten Sie bitte langsamer sprechen?"), .portuguese: t("Pode falar mais devagar, por favor?"),
            .chinese: t("请说慢一点", "Qǐng shuō màn yìdiǎn"),
            .japanese: t("もう少しゆっくり話してください", "Mō sukoshi yukkuri hanashite kudasai"),
            .korean: t("조금 천천히 말씀해 주세요", "Jogeum cheoncheonhi malsseumhae juseyo"),
            .arabic: t("هل يمكنك التحدث ببطء من فضلك؟", "Hal yumkinuka at-taḥadduth bi-buṭ' min faḍlik?"),
            .hebrew: t("אפשר לדבר יותר לאט, בבקשה?", "Efshar ledaber yoter le'at, bevakasha?"),
            .russian: t("Говорите, пожалуйста, помедленнее", "Govorite, pozhaluysta, pomedlenneye"),
            .ukrainian: t("Говоріть, будь ласка, повільніше", "Hovorit, bud laska, povilnishe"),
            .hindi: t("कृपया थोड़ा धीरे बोलिए", "Kripya thoda dheere boliye"),
        ]),
    ])
}
