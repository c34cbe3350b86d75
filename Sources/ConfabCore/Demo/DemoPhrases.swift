/// English sentences that glue turns together in every domain: openings, closings, short replies,
/// reasoning notes, error messages and hidden setup prompts.
enum DemoPhrases {
    static let openers = DemoPool<DemoTemplate>(zipf: [
        "Sure!", "Good question.", "Sure — here's how I'd approach «focus».", "Let's break it down.",
        "Here's what I'd do.", "Short answer: it depends on «term».", "Absolutely.", "You're close!",
        "There are a few ways to handle «focus».", "Happy to help with that.", "Great, thanks for the details.",
        "That one trips up a lot of people.", "Here's a cleaner version.", "Let's start with the basics.",
    ])

    /// Sentences that fit an answer in any domain.
    static let connectives = DemoPool<DemoTemplate>(zipf: [
        "The key idea is that «term» and «focus» affect each other.",
        "In practice, «term» matters more than «term».",
        "If you're unsure, start small and adjust.",
        "This is a common source of confusion.",
        "That said, there's no single right answer.",
        "Edge cases are where «term» needs the most care.",
        "The simplest option is usually the best one here.",
        "Most people find this easier after one or two tries.",
        "You can always come back and refine it later.",
        "One «rare» detail that is easy to overlook: «term».",
        "I'd keep «focus» separate from «term» for now.",
    ])

    /// Pieces of sentences put together at random, about a thousand combinations before the terms
    /// are filled in. Long answers draw many of their sentences from these, so they do not cycle
    /// through the same few dozen sentences. None of the middles lets a term be the grammatical
    /// subject, because terms may be singular or plural. The composer capitalises a middle itself
    /// when it starts the sentence.
    static let sentenceOpenings = DemoPool<String>(zipf: [
        "", "In my experience, ", "Usually, ", "As a rule of thumb, ", "For most people, ", "On balance, ",
        "Surprisingly, ", "Honestly, ", "In short, ", "Either way, ",
    ])

    static let sentenceMiddles = DemoPool<DemoTemplate>(uniform: middleTexts.map {
        DemoTemplate($0, capitalizesLeadingSlot: false)
    })

    private static let middleTexts = [
        "it pays to keep «term» simple", "the «rare» part of «term» deserves a second look",
        "most of the time goes into «term»", "it helps to write down what you expect from «term»",
        "a small experiment with «term» beats a long debate", "«person» found that «term» mattered more than expected",
        "the trade-off between «term» and «focus» is real but manageable", "a checklist for «term» saves time later",
        "you can revisit «term» once the basics work", "«term» and «focus» often go together",
        "nobody gets «term» right the first time", "a second pair of eyes on «term» helps",
        "reading up on «term» is worth ten minutes", "the first «small» attempts at «term» are the hardest",
        "it is easy to underestimate how «rare» «term» can get",
    ]

    static let sentenceEndings = DemoPool<String>(zipf: [
        ".", " in most cases.", " — at least at first.", ", especially at scale.", " if you measure it.",
        " when time is short.", ", which is easy to forget.", ", as experienced people will tell you.",
    ])

    static let closers = DemoPool<DemoTemplate>(zipf: [
        "Let me know if you want me to expand on any step.", "Hope this helps! «emoji»",
        "Want me to turn this into a checklist?", "I can also show a version using «term».",
        "Happy to go deeper on any of these.", "Tell me how it goes!",
        "If you share more details, I can tailor it.", "Good luck! «emoji»",
    ])

    static let shortReplies = DemoPool<DemoTemplate>(zipf: [
        "thanks!", "ok", "perfect «emoji»", "that worked «emoji»", "why?", "go on", "👍",
        "can you make it shorter?", "hmm, that didn't work", "what about «term»?", "yes please", "tl;dr?",
        "great, thanks a lot 🙌", "continue", "lol", "got it", "wait, really?", "ok but why «term»?",
        "no, the other one", "nice",
    ])

    static let followUps = DemoPool<DemoTemplate>(zipf: [
        "Can you give me an example?", "Can you explain «term» in more detail?", "Is there a simpler way?",
        "What's the difference between «term» and «term»?", "Are there any downsides?",
        "How would this change if we used «term»?", "Can you put that in a table?",
        "Summarise that in three bullet points.", "What would you do in my place?",
        "Can you say that again, but for a beginner?",
    ])

    static let listIntroductions = DemoPool<DemoTemplate>(zipf: [
        "Here are the main steps:", "A few options:", "Checklist:", "In short:", "Things to check:",
        "What I'd try, in order:",
    ])

    static let codeIntroductions = DemoPool<DemoTemplate>(zipf: [
        "Something like this:", "Here's a version that does that:", "A minimal example:", "Try this:",
        "Here's the fixed code:",
    ])

    static let userCodeIntroductions = DemoPool<DemoTemplate>(zipf: [
        "Here's my code:", "This is what I have so far:", "Relevant part:", "Code below 👇",
    ])

    static let tableIntroductions = DemoPool<DemoTemplate>(zipf: [
        "Here's a comparison:", "At a glance:", "A quick overview:",
    ])

    /// Notes a reasoning model writes before it answers.
    static let reasoning = DemoPool<DemoTemplate>(zipf: [
        "The user is asking about «focus».",
        "They seem to want a practical answer more than theory.",
        "Let me think about «term» first.",
        "Plan: short explanation, then an example, then a checklist.",
        "Edge case: what happens if the input is empty?",
        "I should mention «term», but briefly.",
        "Wait — that assumption is wrong; «term» changes the result.",
        "Let me double-check the numbers: «small» × «number» …",
        "A table would make the comparison clearer.",
        "The previous answer missed «term», so I'll correct that.",
        "Keep the tone friendly and concise.",
        "There are two readings of the question. The more likely one is about «focus».",
        "I'll avoid jargon since they said they're new to this.",
        "Okay, the answer is clear now.",
    ])

    /// Messages of failed generations, in the wording that chat front ends show.
    static let errors = DemoPool<DemoTemplate>(zipf: [
        "Network error. Check your connection and try again.",
        "The request timed out after 60 seconds.",
        "The server failed to process the request (HTTP 500). Try again in a moment.",
        "429 Too Many Requests: retry after «small» seconds.",
        "The conversation is too long for this model's context window. Start a new chat or shorten your message.",
        "The response stream was interrupted before it finished.",
        "model \"llama3\" not found; run `ollama pull llama3` first",
        "You have reached the usage limit for this model. It resets in «small» hours.",
    ])

    /// Lines of a hidden system prompt; the composer adds the date line.
    static let systemPrompts = DemoPool<DemoTemplate>(zipf: [
        "You are a helpful assistant. Answer accurately and say when you are unsure.",
        "You are a helpful assistant. Use markdown for lists, tables and code.",
        "You are a friendly assistant. Keep answers short unless the user asks for detail.",
    ])

    /// Custom instructions a user saved once; they reach the model as a hidden message.
    static let customInstructions = DemoPool<DemoTemplate>(uniform: [
        "About me: I work with «language» and live in «place».\nHow to respond: be concise, show code first, skip the pleasantries.",
        "About me: I'm learning «focus» in my spare time.\nHow to respond: explain like a patient teacher and use metric units.",
        "About me: parent of «small», cooking for the whole family most nights.\nHow to respond: practical answers, no more than «small» bullet points.",
        "About me: I'm a product manager in «place».\nHow to respond: start with a one-line summary, then the details.",
    ])
}
