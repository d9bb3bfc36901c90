import Model

/// Finds table borders in a scanned page, which has no vector rulings to
/// read: long straight runs of ink.
///
/// Each pixel row is scanned for runs of ink (bridging gaps of a few
/// pixels, where a blurred or broken line fades) at least `minHorizontal`
/// long; runs on neighbouring rows that overlap are one line, kept when it
/// is thin enough to be a line and not a filled bar. Columns are scanned
/// the same way for vertical lines, which may be shorter (a one-line table
/// row) but must still be taller than a printed letter.
///
/// Print has long runs too: the baseline of a serif line of text, where
/// the serifs nearly touch, or the middle of a bold word. A border is
/// solid (few bridged gaps) and has paper on both sides, apart from the
/// borders crossing it; a baseline has the letters right above it.
struct RasterRulings {
    /// Pixels per PDF point.
    var scale: Double
    /// Shortest horizontal line, in points.
    var minHorizontal = 15.0
    /// Shortest vertical line, in points (taller than the letters of body
    /// text and table headings).
    var minVertical = 12.0
    /// Thickest line, in points.
    var maxThickness = 4.0
    /// Widest gap bridged inside a line, in points.
    var maxGap = 0.8
    /// Least share of a line's length that is ink (the rest bridged gaps).
    var minSolidity = 0.9
    /// Most ink beside a line, as a share of its length, on its busier side…
    var maxInkBeside = 0.4
    /// …and on its quieter side.
    var maxInkBesideQuiet = 0.15

    /// A line found: the ruling in points and the pixels it covers.
    struct Line: Sendable {
        var ruling: Ruling
        var pixels: PixelRect
    }

    /// A run of ink along one pixel row (or column): `start..<end` along it.
    private struct Run {
        var index: Int
        var start: Int
        var end: Int
        var length: Int { end - start }
    }

    /// Lines of ink on the page, horizontal then vertical.
    func lines(in ink: BitImage) -> [Line] {
        horizontal(ink) + vertical(ink)
    }

    private var gapPixels: Int { max(2, Int((maxGap * scale).rounded())) }

    private func horizontal(_ ink: BitImage) -> [Line] {
        let minLength = Int(minHorizontal * scale)
        let gap = gapPixels
        var runs: [Run] = []
        ink.bits.withUnsafeBufferPointer { bits in
            for y in 0..<ink.height {
                let row = y * ink.width
                var x = 0
                while x < ink.width {
                    guard bits[row + x] else { x += 1; continue }
                    let start = x
                    var last = x
                    var probe = x + 1
                    var filled = 1
                    while probe < ink.width, probe - last <= gap + 1 {
                        if bits[row + probe] {
                            last = probe
                            filled += 1
                        }
                        probe += 1
                    }
                    let length = last + 1 - start
                    if length >= minLength, Double(filled) >= minSolidity * Double(length) {
                        runs.append(Run(index: y, start: start, end: last + 1))
                    }
                    x = last + 1
                }
            }
        }
        return group(runs).filter { clear(horizontal: $0, ink) }.map { g in
            Line(ruling: Ruling(axis: .horizontal, position: g.center / scale,
                                start: Double(g.start) / scale, end: Double(g.end) / scale),
                 pixels: PixelRect(x0: g.start, y0: g.first, x1: g.end, y1: g.last + 1))
        }
    }

    private func vertical(_ ink: BitImage) -> [Line] {
        let minLength = Int(minVertical * scale)
        let gap = gapPixels
        var runs: [Run] = []
        // Per column: where its current run started, its last ink row, and
        // the ink rows in the run.
        let runStart = UnsafeMutableBufferPointer<Int>.allocate(capacity: ink.width)
        let lastInk = UnsafeMutableBufferPointer<Int>.allocate(capacity: ink.width)
        let filled = UnsafeMutableBufferPointer<Int>.allocate(capacity: ink.width)
        defer {
            runStart.deallocate()
            lastInk.deallocate()
            filled.deallocate()
        }
        runStart.initialize(repeating: -1)
        lastInk.initialize(repeating: -1)
        filled.initialize(repeating: 0)
        func close(_ x: Int) {
            let length = lastInk[x] + 1 - runStart[x]
            if length >= minLength, Double(filled[x]) >= minSolidity * Double(length) {
                runs.append(Run(index: x, start: runStart[x], end: lastInk[x] + 1))
            }
            runStart[x] = -1
            filled[x] = 0
        }
        ink.bits.withUnsafeBufferPointer { bits in
            var y = 0
            while y < ink.height {
                let row = y * ink.width
                var x = 0
                while x < ink.width {
                    if bits[row + x] {
                        if runStart[x] < 0 { runStart[x] = y }
                        lastInk[x] = y
                        filled[x] += 1
                    } else if runStart[x] >= 0, y - lastInk[x] > gap {
                        close(x)
                    }
                    x += 1
                }
                y += 1
            }
        }
        for x in 0..<ink.width where runStart[x] >= 0 { close(x) }
        runs.sort { ($0.index, $0.start) < ($1.index, $1.start) }
        return group(runs).filter { clear(vertical: $0, ink) }.map { g in
            Line(ruling: Ruling(axis: .vertical, position: g.center / scale,
                                start: Double(g.start) / scale, end: Double(g.end) / scale),
                 pixels: PixelRect(x0: g.first, y0: g.start, x1: g.last + 1, y1: g.end))
        }
    }

    /// Distance from a line at which its sides are sampled, in pixels.
    private var besideDistance: Int { max(2, Int((0.7 * scale).rounded())) }

    /// True when the rows just above and below the line are paper enough.
    private func clear(horizontal g: Group, _ ink: BitImage) -> Bool {
        let d = besideDistance
        func share(_ y: Int) -> Double {
            guard y >= 0, y < ink.height else { return 0 }
            var n = 0
            for x in g.start..<g.end where ink[x, y] { n += 1 }
            return Double(n) / Double(max(1, g.end - g.start))
        }
        return besideIsClear(share(g.first - d), share(g.last + d))
    }

    /// True when the columns just left and right of the line are paper enough.
    private func clear(vertical g: Group, _ ink: BitImage) -> Bool {
        let d = besideDistance
        func share(_ x: Int) -> Double {
            guard x >= 0, x < ink.width else { return 0 }
            var n = 0
            for y in g.start..<g.end where ink[x, y] { n += 1 }
            return Double(n) / Double(max(1, g.end - g.start))
        }
        return besideIsClear(share(g.first - d), share(g.last + d))
    }

    private func besideIsClear(_ a: Double, _ b: Double) -> Bool {
        max(a, b) <= maxInkBeside && min(a, b) <= maxInkBesideQuiet
    }

    /// Runs on neighbouring rows (columns) that overlap, joined.
    private struct Group {
        var first: Int, last: Int
        var start: Int, end: Int
        var weighted = 0.0, weight = 0.0
        var center: Double { weighted / max(weight, 1) }
    }

    /// Joins runs (sorted by index) into lines and drops the ones too thick
    /// to be a line.
    private func group(_ runs: [Run]) -> [Group] {
        let maxThick = Int((maxThickness * scale).rounded())
        var open: [Group] = []
        var done: [Group] = []
        for run in runs {
            // Close the groups this run's row has left behind.
            var i = 0
            while i < open.count {
                if open[i].last < run.index - 1 {
                    done.append(open.remove(at: i))
                } else {
                    i += 1
                }
            }
            // Every open group this run touches becomes one line.
            let matches = open.indices.filter { i in
                let g = open[i]
                return g.last >= run.index - 1 && g.last <= run.index
                    && min(g.end, run.end) - max(g.start, run.start) >= min(run.length, g.end - g.start) / 2
            }
            let w = Double(run.length)
            guard let m = matches.first else {
                open.append(Group(first: run.index, last: run.index, start: run.start, end: run.end,
                                  weighted: Double(run.index) * w, weight: w))
                continue
            }
            for other in matches.dropFirst().reversed() {
                let o = open.remove(at: other)
                open[m].first = min(open[m].first, o.first)
                open[m].start = min(open[m].start, o.start)
                open[m].end = max(open[m].end, o.end)
                open[m].weighted += o.weighted
                open[m].weight += o.weight
            }
            open[m].last = run.index
            open[m].start = min(open[m].start, run.start)
            open[m].end = max(open[m].end, run.end)
            open[m].weighted += Double(run.index) * w
            open[m].weight += w
        }
        done += open
        return done.filter { $0.last - $0.first + 1 <= maxThick }
    }
}
