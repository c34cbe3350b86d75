/// Code snippet templates per language; `«id»` slots give each copy its own identifiers.
enum DemoCodeSnippets {
    static let swift = DemoPool<DemoTemplate>(zipf: [
        """
        func «id»(_ items: [Item]) async throws -> [Item] {
            try await withThrowingTaskGroup(of: Item.self) { group in
                for item in items {
                    group.addTask { try await item.refreshed() }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        """,
        """
        struct «id»Request: Decodable {
            let id: UUID
            let createdAt: Date
            let tags: [String]?
        }

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let request = try decoder.decode(«id»Request.self, from: data)
        """,
        """
        guard let url = URL(string: endpoint) else {
            throw APIError.invalidURL(endpoint)
        }
        let (data, response) = try await URLSession.shared.data(from: url)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw APIError.badStatus
        }
        """,
        """
        actor «id»Cache {
            private var storage: [String: Data] = [:]

            func value(for key: String) -> Data? { storage[key] }
            func insert(_ data: Data, for key: String) { storage[key] = data }
        }
        """,
    ])

    static let python = DemoPool<DemoTemplate>(zipf: [
        """
        def «id»(items: list[dict], retries: int = «small») -> list[dict]:
            results = []
            for item in items:
                for attempt in range(retries):
                    try:
                        results.append(process(item))
                        break
                    except TimeoutError:
                        time.sleep(2 ** attempt)
            return results
        """,
        """
        import pandas as pd

        df = pd.read_csv("«file»", parse_dates=["created_at"])
        monthly = (
            df.groupby(df["created_at"].dt.to_period("M"))["total"]
              .sum()
              .reset_index()
        )
        print(monthly.tail(«small»))
        """,
        """
        from dataclasses import dataclass, field

        @dataclass
        class «id»:
            name: str
            tags: list[str] = field(default_factory=list)
            score: float = 0.0
        """,
        """
        import random

        trials = «number»
        hits = sum(any(random.randint(1, 6) == 6 for _ in range(4)) for _ in range(trials))
        print(f"estimate: {hits / trials:.3f}")
        """,
    ])

    static let typescript = DemoPool<DemoTemplate>(zipf: [
        """
        export async function «id»(ids: string[]): Promise<Record<string, User>> {
          const users = await Promise.all(ids.map((id) => api.get<User>(`/users/${id}`)));
          return Object.fromEntries(users.map((user) => [user.id, user]));
        }
        """,
        """
        type Result<T> = { ok: true; value: T } | { ok: false; error: string };

        function «id»(input: string): Result<number> {
          const value = Number.parseInt(input, 10);
          return Number.isNaN(value) ? { ok: false, error: `not a number: ${input}` } : { ok: true, value };
        }
        """,
    ])

    static let javascript = DemoPool<DemoTemplate>(zipf: [
        """
        const «id» = debounce(async (query) => {
          const response = await fetch(`/api/search?q=${encodeURIComponent(query)}`);
          render(await response.json());
        }, 300);
        """,
        """
        useEffect(() => {
          const controller = new AbortController();
          «id»(controller.signal).then(setData).catch(console.error);
          return () => controller.abort();
        }, [userId]);
        """,
    ])

    static let rust = DemoPool<DemoTemplate>(zipf: [
        """
        fn «id»(lines: &[String]) -> Result<Vec<u64>, ParseIntError> {
            lines.iter().map(|line| line.trim().parse::<u64>()).collect()
        }
        """,
        """
        #[derive(Debug, Clone, serde::Deserialize)]
        struct «id» {
            name: String,
            #[serde(default)]
            retries: u32,
        }
        """,
    ])

    static let go = DemoPool<DemoTemplate>(zipf: [
        """
        func «id»(ctx context.Context, urls []string) error {
        	g, ctx := errgroup.WithContext(ctx)
        	for _, u := range urls {
        		u := u
        		g.Go(func() error { return fetch(ctx, u) })
        	}
        	return g.Wait()
        }
        """,
        """
        if err := «id»(ctx); err != nil {
        	return fmt.Errorf("sync failed: %w", err)
        }
        """,
    ])

    static let sql = DemoPool<DemoTemplate>(zipf: [
        """
        SELECT date_trunc('month', created_at) AS month,
               region,
               sum(total_cents) / 100.0 AS revenue
        FROM orders
        WHERE created_at >= now() - interval '«small» months'
        GROUP BY 1, 2
        ORDER BY 1, 3 DESC;
        """,
        """
        WITH ranked AS (
          SELECT *,
                 row_number() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) AS rn
          FROM customers
        )
        SELECT * FROM ranked WHERE rn = 1;
        """,
        """
        SELECT day,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
        FROM requests
        GROUP BY day
        ORDER BY day;
        """,
        """
        CREATE INDEX CONCURRENTLY idx_orders_customer_created
            ON orders (customer_id, created_at);
        """,
    ])

    static let bash = DemoPool<DemoTemplate>(zipf: [
        """
        sudo du -xh / --max-depth=2 2>/dev/null | sort -rh | head -n «small»
        docker system prune --volumes
        """,
        """
        kubectl -n «id» get pods
        kubectl -n «id» describe pod web-7d9c8b6f5-x2lqp
        kubectl -n «id» logs deploy/web --since=1h | grep -i error
        """,
        """
        #!/usr/bin/env bash
        set -euo pipefail

        for file in ./backups/*.sql.gz; do
          echo "restoring ${file}"
          gunzip -c "$file" | psql "$DATABASE_URL"
        done
        """,
        """
        sudo certbot renew --dry-run
        systemctl list-timers | grep certbot
        """,
    ])

    static let yaml = DemoPool<DemoTemplate>(zipf: [
        """
        resources:
          requests:
            memory: "256Mi"
            cpu: "250m"
          limits:
            memory: "«small»12Mi"
        livenessProbe:
          httpGet:
            path: /healthz
            port: 8080
          periodSeconds: 10
        """,
        """
        name: ci
        on: [push, pull_request]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: make test
        """,
    ])

    static let dockerfile = DemoPool<DemoTemplate>(zipf: [
        """
        FROM python:3.12-slim AS build
        WORKDIR /app
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
        COPY . .

        FROM gcr.io/distroless/python3
        COPY --from=build /app /app
        CMD ["/app/main.py"]
        """,
    ])
}
