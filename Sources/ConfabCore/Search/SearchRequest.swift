import Foundation
import Synchronization

/// The order of search hits.
public enum SearchOrder: String, Sendable, CaseIterable {
    /// Best match first: BM25 over turn text, with a match in the conversation title counted
    /// above a match in the text.
    case relevance
    /// Conversations by last activity, newest first (conversations with no time last, newest
    /// import first); within a conversation, later turns first.
    case recent
}

/// One search: the query, the order and the size of the page.
public struct SearchRequest: Sendable {
    public var query: SearchQuery
    /// The order asked for. Relevance falls back to `.recent` when too many turns match to rank
    /// them quickly; `SearchPage.order` names the order used.
    public var order: SearchOrder
    /// Hits per page.
    public var limit: Int
    /// The start of the page: nil for the first page, else `nextCursor` of the previous page.
    public var cursor: SearchCursor?
    /// Length of a snippet, in Unicode scalars.
    public var snippetLength: Int
    /// Matches above this count are not ranked: relevance falls back to recency. Ranking costs
    /// about 1.5 µs per matching turn (measured; see docs/search.md).
    public var rankingLimit: Int
    /// Counting stops here and the total becomes a lower bound.
    public var countLimit: Int

    public init(
        query: SearchQuery, order: SearchOrder = .relevance, limit: Int = 20, cursor: SearchCursor? = nil,
        snippetLength: Int = 160, rankingLimit: Int = 4_000, countLimit: Int = 1_000
    ) {
        self.query = query
        self.order = order
        self.limit = limit
        self.cursor = cursor
        self.snippetLength = snippetLength
        self.rankingLimit = rankingLimit
        self.countLimit = countLimit
    }
}

/// A position in the hits of one request, to fetch the next page.
public struct SearchCursor: Sendable, Hashable {
    /// The index in the ordered candidates where the next page starts, for pages read by offset.
    var offset: Int
    /// For a walk through conversations by activity: the last conversation read and how many of
    /// its hits were returned.
    var walkPosition: WalkPosition?

    struct WalkPosition: Sendable, Hashable {
        var updatedAt: Double?
        var conversationID: Int64
        var hitsReturned: Int
    }
}

/// One page of hits.
public struct SearchPage: Sendable {
    public var hits: [SearchHit]
    /// Matching turns (conversations with `in:title`): exact, or a lower bound when
    /// `totalIsLowerBound` is true.
    public var total: Int
    public var totalIsLowerBound: Bool
    /// The order the hits are in, which is `.recent` when relevance was asked for but too many
    /// turns matched to rank.
    public var order: SearchOrder
    /// Query problems and what the search did differently, one sentence each.
    public var notes: [String]
    /// The cursor of the next page, nil after the last.
    public var nextCursor: SearchCursor?

    public init(hits: [SearchHit], total: Int, totalIsLowerBound: Bool, order: SearchOrder, notes: [String], nextCursor: SearchCursor?) {
        self.hits = hits
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
        self.order = order
        self.notes = notes
        self.nextCursor = nextCursor
    }
}

/// A matching turn with what a result list shows about it.
public struct SearchHit: Sendable, Equatable {
    public var conversationID: Int64
    public var conversationTitle: String?
    public var turnID: Int64
    public var role: Role
    public var kind: TurnKind
    public var userID: Int64
    public var userName: String
    public var model: String?
    /// The turn's time, else the conversation's creation time.
    public var createdAt: Date?
    /// The part of the text (of the title, with `in:title`) around the matches.
    public var snippet: SearchSnippet

    public init(
        conversationID: Int64, conversationTitle: String?, turnID: Int64, role: Role, kind: TurnKind,
        userID: Int64, userName: String, model: String?, createdAt: Date?, snippet: SearchSnippet
    ) {
        self.conversationID = conversationID
        self.conversationTitle = conversationTitle
        self.turnID = turnID
        self.role = role
        self.kind = kind
        self.userID = userID
        self.userName = userName
        self.model = model
        self.createdAt = createdAt
        self.snippet = snippet
    }
}

/// A piece of text with the ranges to highlight. The text is stored data, not yet sanitised for
/// a terminal; line breaks and tabs are replaced by spaces.
public struct SearchSnippet: Sendable, Equatable {
    public var text: String
    /// Ranges of `text`, in order and without overlaps.
    public var highlights: [Range<String.Index>]
    /// True when text before the snippet was left out.
    public var isTruncatedAtStart: Bool
    /// True when text after the snippet was left out.
    public var isTruncatedAtEnd: Bool

    public init(text: String, highlights: [Range<String.Index>], isTruncatedAtStart: Bool, isTruncatedAtEnd: Bool) {
        self.text = text
        self.highlights = highlights
        self.isTruncatedAtStart = isTruncatedAtStart
        self.isTruncatedAtEnd = isTruncatedAtEnd
    }

    /// The highlights as offsets in Unicode scalars from the start of `text`, as JSON shows them.
    public var highlightScalarOffsets: [Range<Int>] {
        highlights.map { range in
            let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
            return start..<(start + text.unicodeScalars.distance(from: range.lowerBound, to: range.upperBound))
        }
    }
}

/// Stops a running search from another thread, such as the console's input loop when the next
/// keystroke arrives. A cancelled search throws `SearchError.cancelled`.
///
/// Each search gets its own token, so cancelling an old search can never stop a newer one.
public final class SearchCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() {
        flag.store(true, ordering: .relaxed)
    }

    public var isCancelled: Bool {
        flag.load(ordering: .relaxed)
    }
}

public enum SearchError: Error, Equatable, CustomStringConvertible {
    case cancelled
    /// A raw FTS5 query that the index rejected, with a short reason.
    case invalidRawQuery(String)
    /// The store was opened read-only before its schema had the search index.
    case indexMissing

    public var description: String {
        switch self {
        case .cancelled:
            return "search cancelled"
        case let .invalidRawQuery(reason):
            return "invalid FTS5 query: \(reason)"
        case .indexMissing:
            return "the store has no search index yet; open it once with write access to add it"
        }
    }
}
