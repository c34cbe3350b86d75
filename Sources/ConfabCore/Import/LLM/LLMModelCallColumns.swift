import Foundation

/// The time and model columns of one model call, which a legacy `responses` row and a 0.36
/// `turns` row both have.
protocol LLMModelCallColumns {
    var model: String? { get }
    /// The model id the plugin reported for the call, nil or empty when it reported none.
    var resolvedModel: String? { get }
    /// The time the prompt was sent, as ISO 8601 text.
    var datetime: String? { get }
    var durationMilliseconds: Int? { get }
}

extension LLMModelCallColumns {
    /// The time the prompt was sent.
    var startedAt: Date? {
        datetime.flatMap(TimestampParser.parse)
    }

    /// The time the response was complete: the start plus the call's duration.
    var finishedAt: Date? {
        guard let startedAt else { return nil }
        guard let durationMilliseconds, durationMilliseconds > 0 else { return startedAt }
        return startedAt.addingTimeInterval(Double(durationMilliseconds) / 1_000)
    }

    /// The model that generated the response: the resolved model id when the plugin reported one.
    var answeringModel: String? {
        if let resolvedModel, !resolvedModel.isEmpty {
            return resolvedModel
        }
        return model
    }

    var generationSeconds: Double? {
        durationMilliseconds.map { Double($0) / 1_000 }
    }
}
