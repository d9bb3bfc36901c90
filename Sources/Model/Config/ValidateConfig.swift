/// Validate: tolerances, polarity rules and rating scales.
/// (Owned by the Validate stage; fleshed out with it.)
public struct ValidateConfig: Sendable, Codable, Equatable {
    public init() {}
}
