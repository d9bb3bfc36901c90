import CPoppler
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model

/// Finds the ruling lines (table borders) a page draws.
///
/// poppler draws through cairo; rendering the page to cairo's SVG surface
/// gives every path the page draws with exact coordinates, which libxml2
/// (through `XMLParser`) reads back. Stroked axis-aligned segments and thin
/// filled rectangles become rulings; glyphs, clip paths and images are
/// skipped.
enum RulingExtractor {
    static func rulings(of page: PDFPage) -> [Ruling] {
        let svg = renderSVG(page)
        return parse(svg: svg)
    }

    /// Rulings, and the diagram shapes of the same drawing: closed
    /// rectangles (boxes) and straight strokes of any width (connectors).
    static func shapes(of page: PDFPage) -> (rulings: [Ruling], boxes: [BBox], strokes: [Ruling]) {
        let reader = read(svg: renderSVG(page))
        return (reader.rulings, reader.boxes, reader.strokes)
    }

    /// Receives the SVG bytes cairo writes.
    private final class Sink {
        var data = Data()
    }

    static func renderSVG(_ page: PDFPage) -> Data {
        let sink = Sink()
        let size = page.size
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_SUCCESS }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_svg_surface_create_for_stream(write, unmanaged.toOpaque(), size.width, size.height) else {
            return Data()
        }
        let cr = cairo_create(surface)
        poppler_page_render(page.handle, cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return sink.data
    }

    static func parse(svg: Data) -> [Ruling] {
        read(svg: svg).rulings
    }

    static func read(svg: Data) -> SVGPathReader {
        let reader = SVGPathReader()
        guard !svg.isEmpty else { return reader }
        let parser = XMLParser(data: svg)
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        parser.parse()
        return reader
    }
}

/// An affine transform `matrix(a, b, c, d, e, f)`.
struct AffineTransform {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

    static let identity = AffineTransform()

    func apply(_ x: Double, _ y: Double) -> (Double, Double) {
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// `self` applied after `inner`.
    func concatenating(_ inner: AffineTransform) -> AffineTransform {
        AffineTransform(a: a * inner.a + c * inner.b, b: b * inner.a + d * inner.b,
                        c: a * inner.c + c * inner.d, d: b * inner.c + d * inner.d,
                        e: a * inner.e + c * inner.f + e, f: b * inner.e + d * inner.f + f)
    }

    /// Parses `matrix(...)`, `translate(...)` and `scale(...)`; anything else
    /// is the identity.
    init?(svg: String) {
        let s = svg.trimmingCharacters(in: .whitespaces)
        guard let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")") else { return nil }
        let name = s[..<open].trimmingCharacters(in: .whitespaces)
        let nums = s[s.index(after: open)..<close]
            .split(whereSeparator: { $0 == "," || $0 == " " })
            .compactMap { Double($0) }
        switch name {
        case "matrix" where nums.count == 6:
            self.init(a: nums[0], b: nums[1], c: nums[2], d: nums[3], e: nums[4], f: nums[5])
        case "translate" where !nums.isEmpty:
            self.init(e: nums[0], f: nums.count > 1 ? nums[1] : 0)
        case "scale" where !nums.isEmpty:
            self.init(a: nums[0], d: nums.count > 1 ? nums[1] : nums[0])
        default:
            return nil
        }
    }

    init(a: Double = 1, b: Double = 0, c: Double = 0, d: Double = 1, e: Double = 0, f: Double = 0) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.e = e; self.f = f
    }
}

/// SAX reader of cairo's SVG output that collects rulings from `<path>`
/// elements outside `<defs>`, `<symbol>`, `<clipPath>`, `<mask>` and
/// `<pattern>`.
final class SVGPathReader: NSObject, XMLParserDelegate {
    private(set) var rulings: [Ruling] = []
    /// Closed axis-aligned rectangles, outlined or filled (not near-white
    /// fills without an outline): diagram boxes.
    private(set) var boxes: [BBox] = []
    /// Axis-aligned stroked segments of any width: diagram connectors.
    private(set) var strokes: [Ruling] = []
    private var skipDepth = 0
    /// Smallest side of a box, in points.
    static let minBoxSide = 6.0
    private var transforms: [AffineTransform] = [.identity]

    /// Thickest stroke or fill still taken as a line, in points.
    static let maxThickness = 3.0
    /// Shortest segment taken as a ruling, in points.
    static let minLength = 4.0

    private static let skipped: Set<String> = ["defs", "symbol", "clipPath", "mask", "pattern", "marker"]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if SVGPathReader.skipped.contains(name) {
            skipDepth += 1
            return
        }
        if name == "g" {
            let t = attributes["transform"].flatMap(AffineTransform.init(svg:)) ?? .identity
            transforms.append(transforms.last!.concatenating(t))
            return
        }
        guard skipDepth == 0, name == "path", let d = attributes["d"], !d.isEmpty else { return }
        let local = attributes["transform"].flatMap(AffineTransform.init(svg:)) ?? .identity
        let transform = transforms.last!.concatenating(local)
        let style = SVGStyle(attributes["style"] ?? "")
        collect(path: d, transform: transform, style: style)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if SVGPathReader.skipped.contains(name) {
            skipDepth -= 1
        } else if name == "g", transforms.count > 1 {
            transforms.removeLast()
        }
    }

    private func collect(path d: String, transform: AffineTransform, style: SVGStyle) {
        let subpaths = SVGPathData.subpaths(d).map { $0.map { transform.apply($0.0, $0.1) } }
        collectShapes(subpaths, style: style)
        if style.stroked {
            // Line width in page units (scale by the transform's y scale).
            let scale = max(abs(transform.a), abs(transform.d), 1e-6)
            guard style.strokeWidth * scale <= SVGPathReader.maxThickness else { return }
            for points in subpaths where points.count >= 2 {
                for (p, q) in zip(points, points.dropFirst()) { addSegment(p, q) }
            }
        }
        if style.filled {
            for points in subpaths where points.count >= 3 {
                let xs = points.map(\.0), ys = points.map(\.1)
                let box = BBox(x0: xs.min()!, y0: ys.min()!, x1: xs.max()!, y1: ys.max()!)
                if box.height <= SVGPathReader.maxThickness, box.width >= SVGPathReader.minLength {
                    rulings.append(Ruling(axis: .horizontal, position: box.midY, start: box.x0, end: box.x1))
                } else if box.width <= SVGPathReader.maxThickness, box.height >= SVGPathReader.minLength {
                    rulings.append(Ruling(axis: .vertical, position: box.midX, start: box.y0, end: box.y1))
                }
            }
        }
    }

    /// Boxes and connector strokes, whatever their line width.
    private func collectShapes(_ subpaths: [[(Double, Double)]], style: SVGStyle) {
        for points in subpaths where points.count >= 2 {
            if style.stroked {
                for (p, q) in zip(points, points.dropFirst()) {
                    let dx = abs(p.0 - q.0), dy = abs(p.1 - q.1)
                    if dy < 0.5, dx >= SVGPathReader.minLength {
                        strokes.append(Ruling(axis: .horizontal, position: (p.1 + q.1) / 2, start: p.0, end: q.0))
                    } else if dx < 0.5, dy >= SVGPathReader.minLength {
                        strokes.append(Ruling(axis: .vertical, position: (p.0 + q.0) / 2, start: p.1, end: q.1))
                    }
                }
            }
            if style.filled, !style.stroked, SVGPathReader.rectangle(points) == nil, points.count >= 3 {
                // The shaft of a filled arrow (a thin, maybe slightly slanted bar).
                let xs = points.map(\.0), ys = points.map(\.1)
                let w = xs.max()! - xs.min()!, h = ys.max()! - ys.min()!
                if w <= SVGPathReader.maxThickness, h >= SVGPathReader.minLength * 1.5 {
                    strokes.append(Ruling(axis: .vertical, position: (xs.min()! + xs.max()!) / 2, start: ys.min()!, end: ys.max()!))
                } else if h <= SVGPathReader.maxThickness, w >= SVGPathReader.minLength * 1.5 {
                    strokes.append(Ruling(axis: .horizontal, position: (ys.min()! + ys.max()!) / 2, start: xs.min()!, end: xs.max()!))
                }
            }
            guard style.stroked || style.filled, let box = SVGPathReader.rectangle(points) else { continue }
            if box.width >= SVGPathReader.minBoxSide, box.height >= SVGPathReader.minBoxSide { boxes.append(box) }
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

    private func addSegment(_ p: (Double, Double), _ q: (Double, Double)) {
        let dx = abs(p.0 - q.0), dy = abs(p.1 - q.1)
        if dy < 0.5, dx >= SVGPathReader.minLength {
            rulings.append(Ruling(axis: .horizontal, position: (p.1 + q.1) / 2, start: p.0, end: q.0))
        } else if dx < 0.5, dy >= SVGPathReader.minLength {
            rulings.append(Ruling(axis: .vertical, position: (p.0 + q.0) / 2, start: p.1, end: q.1))
        }
    }
}

/// The parts of an SVG `style` attribute that matter for rulings.
struct SVGStyle {
    var stroked = false
    var filled = true
    var strokeWidth = 1.0

    init(_ style: String) {
        var fillIsLight = false
        var strokeIsLight = false
        for decl in style.split(separator: ";") {
            let kv = decl.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { continue }
            switch kv[0] {
            case "fill":
                filled = kv[1] != "none"
                fillIsLight = SVGStyle.isLight(kv[1])
            case "stroke":
                stroked = kv[1] != "none"
                strokeIsLight = SVGStyle.isLight(kv[1])
            case "stroke-width":
                strokeWidth = Double(kv[1]) ?? 1
            default:
                break
            }
        }
        if fillIsLight { filled = false }
        if strokeIsLight { stroked = false }
    }

    /// Near-white colours (`rgb(95%,95%,95%)` and lighter) draw no visible line.
    static func isLight(_ color: String) -> Bool {
        guard color.hasPrefix("rgb(") else { return color == "white" || color == "#ffffff" }
        let comps = color.dropFirst(4).dropLast().split(separator: ",").compactMap { part -> Double? in
            let t = part.trimmingCharacters(in: .whitespaces)
            if t.hasSuffix("%") { return Double(t.dropLast()).map { $0 / 100 } }
            return Double(t).map { $0 / 255 }
        }
        return comps.count == 3 && comps.allSatisfy { $0 > 0.93 }
    }
}

/// Reads the path data cairo writes: absolute `M`, `L`, `C`, `Z` (curves
/// keep only their end points, which is enough to reject them as lines).
enum SVGPathData {
    static func subpaths(_ d: String) -> [[(Double, Double)]] {
        var result: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        var numbers: [Double] = []
        var command: Character = "M"
        var start: (Double, Double)?

        func flushNumbers() {
            switch command {
            case "M":
                var i = 0
                while i + 1 < numbers.count {
                    if i == 0 {
                        if current.count > 1 { result.append(current) }
                        current = [(numbers[0], numbers[1])]
                        start = current[0]
                    } else {
                        current.append((numbers[i], numbers[i + 1]))
                    }
                    i += 2
                }
            case "L":
                var i = 0
                while i + 1 < numbers.count { current.append((numbers[i], numbers[i + 1])); i += 2 }
            case "C":
                var i = 0
                // A curve: mark it by a NaN point so no straight segment spans it.
                while i + 5 < numbers.count {
                    current.append((.nan, .nan))
                    current.append((numbers[i + 4], numbers[i + 5]))
                    i += 6
                }
            default:
                break
            }
            numbers.removeAll(keepingCapacity: true)
        }

        var token = ""
        func flushToken() {
            if !token.isEmpty, let v = Double(token) { numbers.append(v) }
            token = ""
        }
        for ch in d {
            if ch.isLetter && ch != "e" && ch != "E" {
                flushToken()
                flushNumbers()
                command = Character(ch.uppercased())
                if command == "Z" {
                    if let s = start { current.append(s) }
                    if current.count > 1 { result.append(current) }
                    current = start.map { [$0] } ?? []
                }
            } else if ch == " " || ch == "," {
                flushToken()
            } else {
                token.append(ch)
            }
        }
        flushToken()
        flushNumbers()
        if current.count > 1 { result.append(current) }
        // Split at curves so that no straight segment spans one.
        return result.flatMap { points in
            points.split(whereSeparator: { $0.0.isNaN }).map(Array.init).filter { $0.count > 1 }
        }
    }
}
