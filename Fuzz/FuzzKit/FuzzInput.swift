/// Reads fuzzer bytes as a stream of small numbers; past the end every
/// read gives 0, so any input decodes to something.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isAtEnd: Bool { offset >= bytes.count }
    public var remaining: Int { max(0, bytes.count - offset) }

    public mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A value in 0..<bound.
    public mutating func int(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let raw = Int(byte()) << 8 | Int(byte())
        return raw % bound
    }

    public mutating func bool() -> Bool { byte() & 1 == 1 }
}

/// A property the fuzzed code must keep; breaking it stops the run (the
/// fuzzer saves the input).
@inline(__always)
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz property broken: \(message())") }
}
