import ConfabCore

extension Console: ScreenContext {
    /// Shows `message` on the bottom line. A warning or error that arrives while another one is
    /// shown waits for it to expire, so that none is lost (the locale fallback and a broken key
    /// file at start, for example). Anything else replaces the current message.
    public func showStatus(_ message: String, kind: StatusKind) {
        let message = StatusMessage(text: message, kind: kind)
        if let status, status.kind != .info, message.kind != .info {
            pendingStatus.append(message)
            return
        }
        display(message)
    }

    private func display(_ message: StatusMessage) {
        status = message
        needsDisplay = true
        if let statusTimer {
            loop.timers.cancel(statusTimer)
        }
        statusTimer = loop.timers.schedule(after: message.duration) { [weak self] in
            guard let self else { return }
            self.status = nil
            self.statusTimer = nil
            self.needsDisplay = true
            if !self.pendingStatus.isEmpty {
                self.display(self.pendingStatus.removeFirst())
            }
        }
    }

    /// The message on the bottom line, if any; for tests.
    public var statusText: String? { status?.text }

    public func requestRedraw() {
        needsDisplay = true
    }

    public func show(_ screen: ScreenID) {
        switchScreen(to: screen)
    }

    public func openSearch(_ query: String) {
        submitSearch(query)
    }

    public func setBadge(_ badge: HeaderBadge?) {
        self.badge = badge
        needsDisplay = true
    }

    @discardableResult
    public func schedule(after delay: Duration, repeating interval: Duration?, _ handler: @escaping () -> Void) -> TimerToken {
        loop.timers.schedule(after: delay, repeating: interval) { [weak self] in
            handler()
            self?.needsDisplay = true
        }
    }

    public func cancelTimer(_ token: TimerToken) {
        loop.timers.cancel(token)
    }

    public func makeWorker<Resource>(
        label: String,
        interruptHandle: (@Sendable (Resource) -> InterruptHandle?)?,
        open: @escaping @Sendable () throws -> Resource
    ) -> Worker<Resource> {
        loop.makeWorker(label: label, interruptHandle: interruptHandle, open: open)
    }

    public func hint(_ action: Action, _ label: String) -> KeyHint? {
        keymap.primaryKeyName(for: action).map { KeyHint(keys: $0, label: label) }
    }
}
