/// The everyday domains: cooking, travel, writing, and learning languages.
extension DemoDomain {
    static let cooking = DemoDomain(
        id: .cooking,
        terms: DemoPool(zipf: [
            "sourdough", "ramen", "risotto", "meal prep", "curry", "fermentation", "knife skills", "sous vide",
            "gluten-free baking", "pasta dough", "stock", "marinades", "caramelisation", "vegan desserts",
            "kimchi", "tortillas", "roast chicken", "dumplings", "spice blends", "food safety", "cast iron",
        ]),
        titles: DemoPool(zipf: [
            "«focus» recipe", "Dinner for «small»", "Fixing my «focus»", "«emoji» «focus» ideas",
            "Substitute for «food»", "Weeknight «food» dinner",
        ]),
        requests: DemoPool(zipf: [
            "Give me a simple «focus» recipe for «small» people.",
            "My «focus» always turns out «rare». What am I doing wrong?",
            "What can I cook with «food», «food» and rice?",
            "Can I substitute «food» for «food»?",
            "Plan a week of vegetarian dinners under 30 minutes each.",
            "How long does cooked «food» keep in the fridge?",
            "Does my «focus» look done? Photo attached.",
        ]),
        longRequests: DemoPool(uniform: [
            "Write me a complete guide to «focus», from equipment to troubleshooting, with several recipes. Very detailed please.",
        ]),
        followUps: DemoPool(zipf: [
            "Can I make it the day before?", "What if I don't have «food»?", "How do I make it spicier?",
            "Can you scale it to «small» servings?", "Is it freezer-friendly?", "What wine goes with it?",
        ]),
        sentences: DemoPool(zipf: [
            "Salt the water generously; it's the only chance to season the pasta itself.",
            "Let the dough rest for «small» hours so the gluten relaxes.",
            "Brown the «food» in batches, or it steams instead of searing.",
            "Add acid at the end — a squeeze of lemon brightens the whole dish.",
            "Weigh flour instead of using cups for consistent results.",
            "Cooked «food» keeps 3–4 days in the fridge in a sealed container.",
            "Toast the spices in a dry pan until fragrant before adding liquid.",
            "If it's too salty, add more unsalted base rather than sugar.",
            "An instant-read thermometer takes the guesswork out: 74 °C for chicken.",
            "With «focus», patience matters more than fancy equipment.",
            "Swap «food» for «food» if you can't find it locally.",
            "Keep a «rare» note of what you changed each time you bake.",
        ]),
        listItems: DemoPool(zipf: [
            "«small»00 g «food»", "2 tbsp olive oil", "1 onion, finely chopped", "«small» cloves garlic",
            "salt and pepper to taste", "1 tsp smoked paprika", "a handful of fresh herbs", "200 ml stock",
            "zest of 1 lemon", "Preheat the oven to 200 °C.",
        ]),
        headings: DemoPool(zipf: [
            "Ingredients", "Method", "Timing", "Variations", "Storage", "Troubleshooting", "Serving suggestions",
        ]),
        table: DemoTable(
            header: ["Ingredient", "Amount", "Notes"],
            rows: [
                "«food» | «small»00 g | room temperature", "olive oil | 2 tbsp | extra virgin",
                "«food» | «small» pieces | roughly chopped", "salt | 1 tsp | adjust at the end",
                "water | 350 ml | lukewarm", "«food» | 1 cup | optional",
            ],
            isOrdered: false),
        codeLanguages: [],
        tools: [.recipeSearch],
        paste: nil,
        attachments: [
            DemoAttachmentKind(names: ["IMG_4821.jpg", "dough.jpg", "dinner.heic"],
                               mimeType: "image/jpeg", placeholder: .image, sizes: 300_000...4_000_000),
        ],
        tags: ["recipes", "🍳 cooking", "meal-prep", "weekend", "family"])

    static let travel = DemoDomain(
        id: .travel,
        terms: DemoPool(zipf: [
            "itinerary", "budget", "rail pass", "visa", "packing list", "day trips", "jet lag", "street food",
            "hostels", "museum passes", "travel insurance", "local SIM", "road trip", "ferries", "hiking trails",
            "airport transfers", "tipping", "night trains", "car rental", "accessible travel",
        ]),
        titles: DemoPool(zipf: [
            "«flag» «place» trip plan", "«small» days in «place»", "«place» «focus»", "Weekend in «place»",
            "Packing for «place»", "«place» → «city» by train",
        ]),
        requests: DemoPool(zipf: [
            "Plan «small» days in «place» for a couple who like food and museums.",
            "What's the cheapest way to get from «place» to «city»?",
            "Do I need a visa for «place» with an EU passport?",
            "Is «place» worth visiting in November?",
            "What should I pack for a «small»-day hiking trip near «place»?",
            "Suggest day trips from «place» by train.",
            "How much should I budget per day in «place»?",
        ]),
        longRequests: DemoPool(uniform: [
            "Write a detailed two-week «place» travel guide for us: neighbourhoods, food, day trips, budget and practical tips. As long as needed.",
        ]),
        followUps: DemoPool(zipf: [
            "What if it rains?", "Can you make it cheaper?", "Is it safe at night?", "How do we get there from the airport?",
            "Can you add a day in «city»?", "What about «term»?",
        ]),
        sentences: DemoPool(zipf: [
            "When it comes to «focus», plan early: prices rise sharply in summer.",
            "Mornings are quieter at the big sights, so start early.",
            "The train to «city» takes about «small» hours and beats flying once you count transfers.",
            "Carry some cash: smaller restaurants in «place» often don't take cards.",
            "Check visa rules on the official government site, since they change.",
            "A museum pass pays off if you visit three or more museums.",
            "Stay near a metro station rather than in the centre to save money.",
            "The weather in «place» can change fast, so pack layers.",
            "«flag» «place» is best explored on foot.",
            "Leave one afternoon unplanned; it's often the highlight.",
            "Tipping isn't expected everywhere, but rounding up is appreciated.",
            "The «rare» viewpoint at sunset is worth the climb.",
        ]),
        listItems: DemoPool(zipf: [
            "Passport valid for six months", "Power adapter", "Offline maps of «place»", "Comfortable walking shoes",
            "Travel insurance documents", "Reusable water bottle", "Copies of bookings", "Try «food» at the market",
        ]),
        headings: DemoPool(zipf: [
            "Overview", "Getting there", "Where to stay", "Day by day", "Food", "Budget", "Practical tips",
            "Alternatives",
        ]),
        table: DemoTable(
            header: ["Day", "Morning", "Afternoon", "Evening"],
            rows: [
                "1 | Arrive, check in | Old town walk | Dinner near the hotel",
                "2 | Main museum | «food» at the market | Sunset viewpoint",
                "3 | Day trip to «city» | Hike or beach | Street food tour",
                "4 | Neighbourhood cafés | Shopping | Live music",
                "5 | Slow morning | Cooking class | Farewell dinner",
                "6 | Pack up | Airport transfer | —",
            ],
            isOrdered: true),
        codeLanguages: [],
        tools: [.webSearch, .weather],
        paste: nil,
        attachments: [
            DemoAttachmentKind(names: ["boarding_pass.pdf", "booking.pdf", "map.png"],
                               mimeType: "application/pdf", placeholder: .file, sizes: 50_000...800_000),
        ],
        tags: ["travel", "✈️ trips", "summer", "family", "bucket-list"])

    static let writing = DemoDomain(
        id: .writing,
        terms: DemoPool(zipf: [
            "cover letter", "email", "short story", "blog post", "wedding speech", "LinkedIn summary",
            "product description", "essay introduction", "haiku", "resignation letter", "grant proposal",
            "newsletter", "apology email", "opening line", "dialogue", "plot twist", "conclusion",
        ]),
        titles: DemoPool(zipf: [
            "Draft «focus»", "Polish my «focus»", "«focus» ideas", "Shorter «focus»", "Story: the «rare» lighthouse",
            "«focus» for «person»",
        ]),
        requests: DemoPool(zipf: [
            "Help me write a «focus» for a product designer role at a startup.",
            "Can you make this «focus» sound more confident but not arrogant?",
            "Write a short story about a «rare» lighthouse keeper in «place».",
            "Give me five titles for a «focus» about «term».",
            "Rewrite this paragraph in plain English.",
            "I need a polite «focus» asking for a refund.",
            "Write a haiku about «food» and rain.",
        ]),
        longRequests: DemoPool(uniform: [
            "Write a 3,000-word short story about «person», a «rare» lighthouse keeper in «place», in several chapters.",
            "Write a long-form blog post of about 4,000 words on «focus», with headings.",
        ]),
        followUps: DemoPool(zipf: [
            "Make it shorter.", "More formal, please.", "Can you make the ending less sad?", "Add a joke at the start.",
            "Now in British English.", "Give me two more versions.",
        ]),
        sentences: DemoPool(zipf: [
            "Open with the outcome, then give the context.",
            "Cut the first sentence; the second one is the real opening.",
            "Active voice makes the request clearer: «person» approved the budget.",
            "The tone is friendly but still professional.",
            "Each paragraph should make one point.",
            "The lighthouse keeper counted ships the way other people count sheep.",
            "Rain on the window sounded like «rare» applause.",
            "«person» folded the letter twice and never sent it.",
            "End with a clear next step so the reader knows what to do.",
            "Keep it under «number» words so it fits on one screen.",
            "Specific details, like the smell of «food», make the scene real.",
            "Read it aloud; anything you stumble over needs rewriting.",
        ]),
        listItems: DemoPool(zipf: [
            "Lead with the ask.", "Use short sentences.", "Name the reader's benefit.",
            "Remove filler words like \"just\" and \"really\".", "Add one concrete example.", "Check names and dates.",
            "End with a call to action.", "Read it aloud before sending.",
        ]),
        headings: DemoPool(zipf: [
            "Draft", "Chapter 1", "Chapter 2", "Chapter 3", "Revised version", "Notes on tone", "Alternative ending",
            "Outline",
        ]),
        table: DemoTable(
            header: ["Version", "Tone", "Length"],
            rows: [
                "A | formal | «number» words", "B | warm | «number» words", "C | punchy | «small» sentences",
                "D | playful | «number» words",
            ],
            isOrdered: true),
        codeLanguages: [],
        tools: [],
        paste: .draft,
        attachments: [
            DemoAttachmentKind(names: ["draft_v3.docx", "CV.pdf", "speech.docx"],
                               mimeType: "application/pdf", placeholder: .file, sizes: 20_000...600_000),
        ],
        tags: ["writing", "personal", "career", "✍️ drafts"])

    /// Language learning: the focus is the language being learnt, and answers quote phrases from
    /// `DemoPhrasebook` in that language's script.
    static let languages = DemoDomain(
        id: .languages,
        terms: DemoPool(zipf: [
            "pronunciation", "grammar", "vocabulary", "politeness levels", "verb conjugation", "the alphabet",
            "listening practice", "flashcards", "word order", "idioms", "tones", "particles",
        ]),
        titles: DemoPool(zipf: [
            "Learning «focus»", "«focus» phrases for travel", "«focus» «term» question", "Translate to «focus»",
            "«focus» study plan",
        ]),
        requests: DemoPool(zipf: [
            "How do I say a few basic phrases in «focus»?",
            "Can you give me «small» useful phrases for a trip, in «focus»?",
            "What's the difference between formal and informal \"you\" in «focus»?",
            "Translate to «focus»: \"Thank you for your help, see you tomorrow.\"",
            "Make me a study plan for learning «focus» in «small» months.",
            "Is learning «term» in «focus» as hard as people say?",
        ]),
        longRequests: DemoPool(uniform: [
            "Write a complete beginner's course outline for «focus», with lessons, phrases and exercises. Make it long and detailed.",
        ]),
        followUps: DemoPool(zipf: [
            "How do I pronounce that?", "Is that polite enough for a stranger?", "Can you give me more phrases?",
            "How would I answer that?", "What about «term»?",
        ]),
        sentences: DemoPool(zipf: [
            "Practise «small» minutes a day rather than for hours once a week.",
            "The polite form is safer with strangers.",
            "Listen first, then repeat the sentence aloud.",
            "Spaced-repetition flashcards help with vocabulary.",
            "This phrase is informal; use it with friends.",
            "The script looks hard at first, but it is regular.",
            "Pronunciation matters more than perfect grammar at the start.",
            "Native speakers will appreciate the effort even if your «term» needs work.",
        ]),
        listItems: DemoPool(zipf: [
            "Learn the script first.", "Ten new words a day.", "Shadow short audio clips.",
            "Find a conversation partner.", "Label things at home.", "Review «term» every weekend.",
        ]),
        headings: DemoPool(zipf: [
            "Week 1", "Week 2", "Key phrases", "Grammar notes", "Pronunciation", "Practice", "Resources",
        ]),
        table: nil,
        codeLanguages: [],
        tools: [],
        paste: nil,
        attachments: [],
        tags: ["languages", "learning", "travel", "学习"])
}
