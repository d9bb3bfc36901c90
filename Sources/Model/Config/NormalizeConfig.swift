/// Normalize: how header cells map to record fields.
public struct NormalizeConfig: Sendable, Codable, Equatable {
    public init() {}
}
