import ConfabCore

/// A read the transcript requests from the worker. Positions are turn depths along the thread.
enum TranscriptRequest: Sendable {
    /// The first page of the thread.
    case start
    /// The last page, for `G` and for following the end.
    case end
    case after(position: Int)
    case before(position: Int)
    /// The turns shown now, read again from `position`.
    case refresh(fromPosition: Int, count: Int)
    /// Another branch at turn `turnID`: the sibling `offset` places away in branch order, with
    /// the thread through it loaded around `position`.
    case switchBranch(turnID: Int64, position: Int, offset: Int)
    /// The turns around turn `turnID` at `position`, to open a conversation at a search hit.
    case around(turnID: Int64, position: Int)
    /// The nearest turn after (`step` 1) or before (-1) `position` whose text `highlight`
    /// matches, with the turns around it. `n` and `N` ask for it beyond the turns in memory.
    case match(fromPosition: Int, step: Int, highlight: TranscriptHighlight)
}

extension TranscriptRequest {
    /// The highlight that a `.match` request looks for.
    var matchHighlight: TranscriptHighlight? {
        if case .match(_, _, let highlight) = self {
            return highlight
        }
        return nil
    }
}

/// A contiguous run of a thread's turns.
struct TurnPage: Sendable {
    var turns: [TurnRecord]
    /// Nil when the request cannot tell, and the transcript keeps what it knew.
    var reachesStart: Bool?
    var reachesEnd: Bool
    var threadLength: Int?
}

/// The worker's response to a `TranscriptRequest`.
enum TranscriptResponse: Sendable {
    case page(TurnPage)
    /// The branch switched to, with the thread through it, or nil when the turn has no sibling
    /// in that direction.
    case branch(BranchSwitch?)
    /// The matching turn found, with the turns around it, or nil when the thread has none in
    /// that direction.
    case match(MatchJump?)
}

struct MatchJump: Sendable {
    var turnID: Int64
    var page: TurnPage
}

struct BranchSwitch: Sendable {
    var sibling: TurnSibling
    var siblingCount: Int
    var thread: TurnThread
    var page: TurnPage
}

enum TranscriptFetch {
    /// Runs `request` for `thread` of conversation `conversationID`.
    static func run(
        _ request: TranscriptRequest,
        thread: TurnThread,
        conversationID: Int64,
        pageSize: Int,
        in store: any ConversationStore
    ) throws -> TranscriptResponse {
        switch request {
        case .start:
            let turns = try store.turns(in: thread, after: nil, limit: pageSize)
            return .page(TurnPage(turns: turns, reachesStart: true, reachesEnd: turns.count < pageSize, threadLength: try store.turnCount(in: thread)))

        case .end:
            let turns = try store.turns(in: thread, before: nil, limit: pageSize)
            return .page(TurnPage(turns: turns, reachesStart: turns.count < pageSize, reachesEnd: true, threadLength: try store.turnCount(in: thread)))

        case .after(let position):
            let turns = try store.turns(in: thread, after: position, limit: pageSize)
            return .page(TurnPage(turns: turns, reachesStart: nil, reachesEnd: turns.count < pageSize, threadLength: nil))

        case .before(let position):
            let turns = try store.turns(in: thread, before: position, limit: pageSize)
            return .page(TurnPage(turns: turns, reachesStart: turns.count < pageSize, reachesEnd: false, threadLength: nil))

        case .refresh(let position, let count):
            let wanted = count + pageSize
            let turns = try store.turns(in: thread, after: position - 1, limit: wanted)
            return .page(TurnPage(turns: turns, reachesStart: nil, reachesEnd: turns.count < wanted, threadLength: try store.turnCount(in: thread)))

        case .switchBranch(let turnID, let position, let offset):
            let siblings = try store.siblings(ofTurn: turnID)
            guard let index = siblings.firstIndex(where: { $0.id == turnID }), siblings.indices.contains(index + offset) else {
                return .branch(nil)
            }
            let sibling = siblings[index + offset]
            let newThread: TurnThread = sibling.onDefaultThread ? .defaultThread(conversationID: conversationID) : .through(turnID: sibling.id)
            let page = try around(position: position, thread: newThread, pageSize: pageSize, in: store)
            return .branch(BranchSwitch(sibling: sibling, siblingCount: siblings.count, thread: newThread, page: page))

        case .around(_, let position):
            return .page(try around(position: position, thread: thread, pageSize: pageSize, in: store))

        case .match(let position, let step, let highlight):
            return .match(try findMatch(from: position, step: step, highlight: highlight, thread: thread, pageSize: pageSize, in: store))
        }
    }

    /// Turns read while looking for the next match before giving up on the conversation.
    static let matchScanLimit = 20_000

    /// Reads the thread page by page from `position` in the direction of `step` until a turn
    /// matches, and returns it with the turns around it.
    private static func findMatch(
        from position: Int, step: Int, highlight: TranscriptHighlight, thread: TurnThread, pageSize: Int, in store: any ConversationStore
    ) throws -> MatchJump? {
        var cursor = position
        var scanned = 0
        while scanned < matchScanLimit {
            let turns = step > 0
                ? try store.turns(in: thread, after: cursor, limit: pageSize)
                : try store.turns(in: thread, before: cursor, limit: pageSize).reversed()
            let ordered = Array(turns)
            if let found = ordered.first(where: highlight.matches) {
                return MatchJump(turnID: found.id, page: try around(position: found.position, thread: thread, pageSize: pageSize, in: store))
            }
            guard ordered.count == pageSize, let last = ordered.last else { return nil }
            cursor = last.position
            scanned += ordered.count
        }
        return nil
    }

    /// Half a page before `position` and a page from it.
    private static func around(position: Int, thread: TurnThread, pageSize: Int, in store: any ConversationStore) throws -> TurnPage {
        let before = max(1, pageSize / 2)
        let earlier = try store.turns(in: thread, before: position, limit: before)
        let later = try store.turns(in: thread, after: position - 1, limit: pageSize)
        return TurnPage(
            turns: earlier + later,
            reachesStart: earlier.count < before,
            reachesEnd: later.count < pageSize,
            threadLength: try store.turnCount(in: thread)
        )
    }
}
