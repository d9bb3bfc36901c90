import CPathCollector
import Model

/// Finds the ruling lines (table borders) a page draws, and the boxes and
/// connector strokes of its diagrams.
///
/// The paths come from poppler's own interpreter run with an output device
/// that records paths and draws nothing (`CPathCollector`): the paths cairo
/// would have been asked to paint, in page coordinates. Glyphs, images and
/// the contents of transparency groups and patterns are not among them.
/// Stroked axis-aligned segments and thin filled rectangles become rulings.
enum RulingExtractor {
    static func rulings(of page: PDFPage) -> [Ruling] {
        shapes(of: page).rulings
    }

    /// Rulings, and the diagram shapes of the same drawing: closed
    /// rectangles (boxes) and straight strokes of any width (connectors).
    static func shapes(of page: PDFPage) -> (rulings: [Ruling], boxes: [BBox], strokes: [Ruling]) {
        var shapes = ShapeCollector()
        guard let painted = page.document.paintedPaths(onPage: page.number) else { return ([], [], []) }
        for i in 0..<painted.path_count {
            let path = painted.paths[i]
            var subpaths: [[(Double, Double)]] = []
            subpaths.reserveCapacity(Int(path.run_count))
            for r in Int(path.first_run)..<Int(path.first_run + path.run_count) {
                let run = painted.runs[r]
                let first = Int(run.first_point)
                subpaths.append((first..<first + Int(run.point_count)).map { (painted.points[2 * $0], painted.points[2 * $0 + 1]) })
            }
            shapes.add(subpaths, filled: path.filled != 0, stroked: path.stroked != 0, lineWidth: path.line_width)
        }
        return (shapes.rulings, shapes.boxes, shapes.strokes)
    }
}

/// The rulings, boxes and connector strokes of a page's painted paths.
struct ShapeCollector {
    private(set) var rulings: [Ruling] = []
    /// Closed axis-aligned rectangles, outlined or filled (not near-white
    /// fills without an outline): diagram boxes.
    private(set) var boxes: [BBox] = []
    /// Axis-aligned stroked segments of any width: diagram connectors.
    private(set) var strokes: [Ruling] = []

    /// Thickest stroke or fill still taken as a line, in points.
    static let maxThickness = 3.0
    /// Shortest segment taken as a ruling, in points.
    static let minLength = 4.0
    /// Smallest side of a box, in points.
    static let minBoxSide = 6.0

    /// One painted path: its straight runs in page coordinates, whether it
    /// is filled or stroked with a visible (not near-white) colour, and its
    /// stroke width in points.
    mutating func add(_ subpaths: [[(Double, Double)]], filled: Bool, stroked: Bool, lineWidth: Double) {
        collectShapes(subpaths, filled: filled, stroked: stroked)
        if stroked, lineWidth <= Self.maxThickness {
            for points in subpaths where points.count >= 2 {
                for (p, q) in zip(points, points.dropFirst()) { addSegment(p, q) }
            }
        }
        if filled {
            for points in subpaths where points.count >= 3 {
                let xs = points.map(\.0), ys = points.map(\.1)
                let box = BBox(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
                if box.height <= Self.maxThickness, box.width >= Self.minLength {
                    rulings.append(Ruling(axis: .horizontal, position: box.midY, start: box.x0, end: box.x1))
                } else if box.width <= Self.maxThickness, box.height >= Self.minLength {
                    rulings.append(Ruling(axis: .vertical, position: box.midX, start: box.y0, end: box.y1))
                }
            }
        }
    }

    /// Boxes and connector strokes, whatever their line width.
    private mutating func collectShapes(_ subpaths: [[(Double, Double)]], filled: Bool, stroked: Bool) {
        for points in subpaths where points.count >= 2 {
            if stroked {
                for (p, q) in zip(points, points.dropFirst()) {
                    let dx = abs(p.0 - q.0), dy = abs(p.1 - q.1)
                    if dy < 0.5, dx >= Self.minLength {
                        strokes.append(Ruling(axis: .horizontal, position: (p.1 + q.1) / 2, start: p.0, end: q.0))
                    } else if dx < 0.5, dy >= Self.minLength {
                        strokes.append(Ruling(axis: .vertical, position: (p.0 + q.0) / 2, start: p.1, end: q.1))
                    }
                }
            }
            if filled, !stroked, Self.rectangle(points) == nil, points.count >= 3 {
                // The shaft of a filled arrow (a thin, maybe slightly slanted bar).
                let xs = points.map(\.0), ys = points.map(\.1)
                let w = xs.max()! - xs.min()!, h = ys.max()! - ys.min()!
                if w <= Self.maxThickness, h >= Self.minLength * 1.5 {
                    strokes.append(Ruling(axis: .vertical, position: (xs.min()! + xs.max()!) / 2, start: ys.min()!, end: ys.max()!))
                } else if h <= Self.maxThickness, w >= Self.minLength * 1.5 {
                    strokes.append(Ruling(axis: .horizontal, position: (ys.min()! + ys.max()!) / 2, start: xs.min()!, end: xs.max()!))
                }
            }
            guard stroked || filled, let box = Self.rectangle(points) else { continue }
            if box.width >= Self.minBoxSide, box.height >= Self.minBoxSide { boxes.append(box) }
        }
    }

    /// The rectangle a closed path of four axis-aligned sides draws, if it is one.
    static func rectangle(_ points: [(Double, Double)]) -> BBox? {
        var corners = points
        if corners.count == 5, abs(corners[0].0 - corners[4].0) < 0.5, abs(corners[0].1 - corners[4].1) < 0.5 {
            corners.removeLast()
        }
        guard corners.count == 4 else { return nil }
        for i in 0..<4 {
            let p = corners[i], q = corners[(i + 1) % 4]
            guard abs(p.0 - q.0) < 0.5 || abs(p.1 - q.1) < 0.5 else { return nil }
        }
        let xs = corners.map(\.0), ys = corners.map(\.1)
        return BBox(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
    }

    private mutating func addSegment(_ p: (Double, Double), _ q: (Double, Double)) {
        let dx = abs(p.0 - q.0), dy = abs(p.1 - q.1)
        if dy < 0.5, dx >= Self.minLength {
            rulings.append(Ruling(axis: .horizontal, position: (p.1 + q.1) / 2, start: p.0, end: q.0))
        } else if dx < 0.5, dy >= Self.minLength {
            rulings.append(Ruling(axis: .vertical, position: (p.0 + q.0) / 2, start: p.1, end: q.1))
        }
    }
}
