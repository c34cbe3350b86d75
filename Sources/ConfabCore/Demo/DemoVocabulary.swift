/// Word lists shared by every domain. Zipf-weighted lists put the common entries first; the long
/// uniform lists (rare words, identifiers, cities) supply the rare tail of the vocabulary.
enum DemoVocabulary {
    struct Place: Sendable {
        let name: String
        let flag: String
    }

    static let places = DemoPool<Place>(uniform: [
        Place(name: "Lisbon", flag: "🇵🇹"), Place(name: "Porto", flag: "🇵🇹"),
        Place(name: "Kyoto", flag: "🇯🇵"), Place(name: "Tokyo", flag: "🇯🇵"),
        Place(name: "Osaka", flag: "🇯🇵"), Place(name: "Sapporo", flag: "🇯🇵"),
        Place(name: "Seoul", flag: "🇰🇷"), Place(name: "Busan", flag: "🇰🇷"),
        Place(name: "Mexico City", flag: "🇲🇽"), Place(name: "Oaxaca", flag: "🇲🇽"),
        Place(name: "Jaipur", flag: "🇮🇳"), Place(name: "Mumbai", flag: "🇮🇳"),
        Place(name: "Kochi", flag: "🇮🇳"), Place(name: "Lviv", flag: "🇺🇦"),
        Place(name: "Kyiv", flag: "🇺🇦"), Place(name: "Tel Aviv", flag: "🇮🇱"),
        Place(name: "Haifa", flag: "🇮🇱"), Place(name: "Cairo", flag: "🇪🇬"),
        Place(name: "Marrakesh", flag: "🇲🇦"), Place(name: "Rio de Janeiro", flag: "🇧🇷"),
        Place(name: "São Paulo", flag: "🇧🇷"), Place(name: "Berlin", flag: "🇩🇪"),
        Place(name: "Munich", flag: "🇩🇪"), Place(name: "Paris", flag: "🇫🇷"),
        Place(name: "Lyon", flag: "🇫🇷"), Place(name: "Rome", flag: "🇮🇹"),
        Place(name: "Naples", flag: "🇮🇹"), Place(name: "Athens", flag: "🇬🇷"),
        Place(name: "Bangkok", flag: "🇹🇭"), Place(name: "Chiang Mai", flag: "🇹🇭"),
        Place(name: "Hanoi", flag: "🇻🇳"), Place(name: "Hội An", flag: "🇻🇳"),
        Place(name: "Montréal", flag: "🇨🇦"), Place(name: "Vancouver", flag: "🇨🇦"),
        Place(name: "Tromsø", flag: "🇳🇴"), Place(name: "Edinburgh", flag: "🏴󠁧󠁢󠁳󠁣󠁴󠁿"),
        Place(name: "Reykjavík", flag: "🇮🇸"), Place(name: "Buenos Aires", flag: "🇦🇷"),
        Place(name: "Cusco", flag: "🇵🇪"), Place(name: "Istanbul", flag: "🇹🇷"),
        Place(name: "Dubai", flag: "🇦🇪"), Place(name: "Amman", flag: "🇯🇴"),
        Place(name: "Beijing", flag: "🇨🇳"), Place(name: "Chengdu", flag: "🇨🇳"),
        Place(name: "Taipei", flag: "🇹🇼"), Place(name: "Singapore", flag: "🇸🇬"),
        Place(name: "Cape Town", flag: "🇿🇦"), Place(name: "Nairobi", flag: "🇰🇪"),
        Place(name: "New York", flag: "🇺🇸"), Place(name: "New Orleans", flag: "🇺🇸"),
        Place(name: "Kraków", flag: "🇵🇱"), Place(name: "Prague", flag: "🇨🇿"),
        Place(name: "Ljubljana", flag: "🇸🇮"), Place(name: "Tbilisi", flag: "🇬🇪"),
    ])

    static let foods = DemoPool<String>(zipf: [
        "chicken", "rice", "garlic", "tomatoes", "onions", "eggs", "butter", "lemon", "tofu", "chickpeas",
        "spinach", "mushrooms", "potatoes", "salmon", "feta", "coconut milk", "ginger", "miso", "kimchi",
        "halloumi", "lentils", "sweet potatoes", "parmesan", "basil", "tahini", "gochujang", "paneer",
        "za'atar", "sumac", "crème fraîche", "jalapeños", "udon", "soba", "chorizo", "buckwheat", "plantains",
        "cardamom", "saffron", "quinoa", "anchovies", "labneh", "shiitake", "bok choy", "harissa", "masa harina",
    ])

    static let rareWords = DemoPool<String>(uniform: [
        "idempotent", "serendipitous", "liminal", "quixotic", "ephemeral", "byzantine", "halcyon", "petrichor",
        "sonorous", "lugubrious", "gossamer", "crepuscular", "mercurial", "perfunctory", "obstreperous",
        "palimpsest", "apocryphal", "vestigial", "tessellated", "anachronistic", "susurrous", "effervescent",
        "labyrinthine", "recalcitrant", "ineffable", "diaphanous", "verdant", "phosphorescent", "quotidian",
        "penumbral", "saturnine", "fugacious", "numinous", "eldritch", "lambent", "mellifluous", "nebulous",
        "pellucid", "ruminative", "sibilant", "tenebrous", "undulating", "wistful", "flaky", "brittle",
        "cursed", "intermittent", "nondeterministic", "sporadic", "finicky", "counterintuitive", "obscure",
        "gnarly", "baroque", "sprawling", "lopsided", "threadbare", "weatherbeaten", "unassuming", "jittery",
        "sluggish", "overengineered", "bespoke", "vintage", "crumbly", "gooey", "smoky", "tangy", "zesty",
        "briny", "fluffy", "chewy", "translucent", "cobalt", "vermilion", "ochre", "cerulean", "chartreuse",
        "ramshackle", "serpentine", "windswept", "moss-covered", "fog-bound", "sun-bleached", "half-forgotten",
    ])

    static let emoji = DemoPool<String>(zipf: [
        "🙂", "😅", "🎉", "🙏", "👍", "🔥", "🤔", "✅", "🚀", "😂", "❤️", "👩‍💻", "🧑🏽‍💻", "👨‍🍳",
        "🧑‍🔬", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🤷‍♀️", "🙌🏾", "1️⃣", "☕", "🍜", "✈️", "🏴‍☠️", "🫠", "🧠",
    ])

    /// First names from every culture, so that stories and examples mention people of many origins.
    static let people = DemoPool<String>(uniform: DemoCultureID.allCases.flatMap {
        $0.culture.masculineGivenNames + $0.culture.feminineGivenNames
    })

    static let identifierVerbs = DemoPool<String>(zipf: [
        "fetch", "parse", "load", "build", "render", "update", "create", "validate", "sync", "merge",
        "encode", "decode", "resolve", "compute", "delete", "normalize", "schedule", "dispatch", "format",
        "flush", "hydrate", "reconcile", "throttle", "retry", "index", "migrate", "serialize", "compact",
        "prefetch", "stream", "enqueue", "split", "aggregate", "refresh", "upload", "verify",
    ])

    static let identifierNouns = DemoPool<String>(uniform: [
        "Invoice", "Cart", "Token", "Session", "User", "Order", "Tile", "Ledger", "Payload", "Config",
        "Cache", "Thumbnail", "Report", "Metric", "Receipt", "Profile", "Message", "Thread", "Node", "Edge",
        "Batch", "Queue", "Snapshot", "Widget", "Feed", "Route", "Schema", "Record", "Event", "Shipment",
        "Coupon", "Avatar", "Playlist", "Track", "Sensor", "Reading", "Quote", "Booking", "Ticket", "Layer",
        "Frame", "Chunk", "Span", "Lease", "Shard", "Tenant", "Webhook", "Blob", "Cursor", "Pixel", "Vertex",
        "Glyph", "Locale", "Budget", "Forecast", "Recipe", "Itinerary", "Manifest",
    ])

    /// Identifier endings in camelCase and in snake_case.
    static let identifierSuffixes = DemoPool<(camel: String, snake: String)>(weighted: [
        (("", ""), 12), (("s", "s"), 4), (("Async", "_async"), 2), (("Batch", "_batch"), 1),
        (("IfNeeded", "_if_needed"), 1), (("V2", "_v2"), 1), (("WithRetry", "_with_retry"), 1),
    ])

    static let fileRoles = DemoPool<String>(zipf: [
        "Service", "View", "Store", "Parser", "Client", "Controller", "Model", "Tests", "Worker", "Router",
    ])

    static let dataFileStems = DemoPool<String>(uniform: [
        "sales", "orders", "customers", "signups", "churn", "inventory", "web_events", "survey_results",
        "payments", "support_tickets", "sensor_readings", "marketing_spend",
    ])
}
