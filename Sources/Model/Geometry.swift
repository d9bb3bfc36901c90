/// A box on a page in PDF points, origin at the top-left corner of the page
/// (y grows downwards). Encoded as `[x0, y0, x1, y1]`.
public struct BBox: Hashable, Sendable, Codable, CustomStringConvertible {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The smallest box holding both.
    public func union(_ other: BBox) -> BBox {
        BBox(x0: min(x0, other.x0), y0: min(y0, other.y0),
             x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// Length of the overlap of the two boxes' x ranges (0 when disjoint).
    public func horizontalOverlap(_ other: BBox) -> Double {
        max(0, min(x1, other.x1) - max(x0, other.x0))
    }

    /// Length of the overlap of the two boxes' y ranges (0 when disjoint).
    public func verticalOverlap(_ other: BBox) -> Double {
        max(0, min(y1, other.y1) - max(y0, other.y0))
    }

    public func contains(x: Double, y: Double) -> Bool {
        x >= x0 && x <= x1 && y >= y0 && y <= y1
    }

    /// Rounded to 0.1 pt, which is all the precision the output needs.
    public var rounded: BBox {
        BBox(x0: Self.round(x0), y0: Self.round(y0), x1: Self.round(x1), y1: Self.round(y1))
    }

    /// A coordinate rounded to 0.1 pt.
    public static func round(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    public static func enclosing<S: Sequence>(_ boxes: S) -> BBox? where S.Element == BBox {
        var it = boxes.makeIterator()
        guard var acc = it.next() else { return nil }
        while let b = it.next() { acc = acc.union(b) }
        return acc
    }

    public var description: String { "[\(x0), \(y0), \(x1), \(y1)]" }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        x0 = try c.decode(Double.self)
        y0 = try c.decode(Double.self)
        x1 = try c.decode(Double.self)
        y1 = try c.decode(Double.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(x0)
        try c.encode(y0)
        try c.encode(x1)
        try c.encode(y1)
    }
}
