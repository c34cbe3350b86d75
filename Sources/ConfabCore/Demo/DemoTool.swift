/// A tool the assistant calls mid-answer: the call becomes a `.toolCall` turn and its output a
/// `.toolResult` turn.
enum DemoTool: Sendable {
    /// A code interpreter running Python on the user's data.
    case dataPython
    /// A code interpreter running Python to check a calculation.
    case mathsPython
    /// A web search about the conversation's place.
    case webSearch
    /// A web search for recipes and ingredients.
    case recipeSearch
    /// A function-calling weather lookup.
    case weather
    case shell

    /// The name recorded as the author of both turns.
    var name: String {
        switch self {
        case .dataPython, .mathsPython: "python"
        case .webSearch, .recipeSearch: "web.search"
        case .weather: "get_weather"
        case .shell: "bash"
        }
    }

    /// Calls paired with the output they produce.
    var exchanges: DemoPool<Exchange> {
        switch self {
        case .dataPython: Self.dataRuns
        case .mathsPython: Self.mathsRuns
        case .webSearch: Self.placeSearches
        case .recipeSearch: Self.recipeSearches
        case .weather: Self.weatherLookups
        case .shell: Self.shellRuns
        }
    }

    struct Exchange: Sendable {
        let call: DemoTemplate
        let output: DemoTemplate
    }

    private static let dataRuns = DemoPool<Exchange>(zipf: [
        Exchange(
            call: """
            import pandas as pd
            df = pd.read_csv("/mnt/data/«file»")
            print(df.shape)
            print(df.describe().round(2))
            """,
            output: """
            («number», 6)
                       total  quantity
            count  «number».00   «number».00
            mean     «number».17      «small».41
            std      «number».90      1.12
            min         0.00      1.00
            max     «number».00     «small».00
            """),
        Exchange(
            call: "df.groupby('regoin')['total'].sum()",
            output: """
            Traceback (most recent call last):
              File "<stdin>", line 1, in <module>
              File "/usr/lib/python3/dist-packages/pandas/core/frame.py", line 8869, in groupby
            KeyError: 'regoin'
            """),
        Exchange(
            call: "from statistics import median, quantiles\ndata = [«small», «number», «small», «number», «small», «number»]\nprint(median(data), quantiles(data, n=4))",
            output: "«number».0 [«small».5, «number».0, «number».25]"),
    ])

    private static let mathsRuns = DemoPool<Exchange>(zipf: [
        Exchange(
            call: """
            import random
            trials = «number»
            hits = sum(any(random.randint(1, 6) == 6 for _ in range(4)) for _ in range(trials))
            print(hits / trials)
            """,
            output: "0.51«small»"),
        Exchange(
            call: """
            import math
            print(sum(1 / k**2 for k in range(1, 100_000)))
            print(math.pi**2 / 6)
            """,
            output: "1.6449240668982423\n1.6449340668482264"),
        Exchange(
            call: "import sympy as sp\nx = sp.symbols('x')\nprint(sp.solve(3*x**2 - 7*x + 2, x))",
            output: "[1/3, 2]"),
    ])

    private static let placeSearches = DemoPool<Exchange>(zipf: [
        Exchange(
            call: "search(\"«focus» «place»\")",
            output: """
            1. «place» «focus» guide — travelnotes.example.com/«id»
               Practical tips, prices and opening hours, updated «year».
            2. The «rare» side of «place» — blog.example.org/posts/«number»
               A local's notes on what visitors usually miss.
            3. «focus» FAQ — forum.example.net/t/«number»
               «small» answers, most recent last week.
            """),
        Exchange(
            call: "search(\"«place» opening hours «year»\")",
            output: """
            1. Museums and sights in «place»: opening hours — visit.example.com/«id»
               Most museums close on Mondays; last entry one hour before closing.
            """),
    ])

    private static let recipeSearches = DemoPool<Exchange>(zipf: [
        Exchange(
            call: "search(\"«focus» recipe easy\")",
            output: """
            1. Easy «focus» for beginners — kitchen.example.com/«id»
               «small» ingredients, ready in «small»0 minutes, «number» reviews.
            2. «focus»: what I learned after «small» tries — blog.example.org/posts/«number»
            """),
        Exchange(
            call: "search(\"best «food» substitute for «focus»\")",
            output: """
            1. Substitutes for «food» — kitchen.example.com/«id»
               Ratios and what changes in flavour and texture.
            2. Ask a cook: «focus» without «food» — forum.example.net/t/«number»
            """),
    ])

    private static let weatherLookups = DemoPool<Exchange>(uniform: [
        Exchange(
            call: "{\"city\": \"«place»\", \"unit\": \"celsius\"}",
            output: "{\"city\": \"«place»\", \"temperature_c\": «small», \"condition\": \"light rain\", \"humidity\": 0.«small»}"),
        Exchange(
            call: "{\"city\": \"«city»\", \"unit\": \"celsius\", \"days\": 3}",
            output: "{\"city\": \"«city»\", \"forecast\": [{\"day\": 1, \"high_c\": «small»}, {\"day\": 2, \"high_c\": 1«small»}, {\"day\": 3, \"high_c\": «small»}]}"),
    ])

    private static let shellRuns = DemoPool<Exchange>(zipf: [
        Exchange(
            call: "df -h /",
            output: """
            Filesystem      Size  Used Avail Use% Mounted on
            /dev/sda1       «number»G  «number»G  «small»G  9«small»% /
            """),
        Exchange(
            call: "kubectl get pods -n «id»",
            output: """
            NAME                   READY   STATUS             RESTARTS      AGE
            web-7d9c8b6f5-x2lqp    0/1     CrashLoopBackOff   «small» (2m ago)   «number»m
            worker-5f6d7c9b-8kq2m  1/1     Running            0             «small»d
            """),
        Exchange(
            call: "systemctl status nginx --no-pager",
            output: """
            ● nginx.service - nginx web server
                 Loaded: loaded (/lib/systemd/system/nginx.service; enabled)
                 Active: failed (Result: exit-code) since Tue «year»-03-11 09:12:03 UTC
            """),
    ])
}
