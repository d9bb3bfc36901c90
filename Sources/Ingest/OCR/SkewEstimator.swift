import Foundation

/// Estimates how far a scanned page is turned off the horizontal.
///
/// Projection profiles: the ink is projected onto the vertical axis along
/// lines of each candidate slope. Along the true slope, text baselines and
/// table rulings fall into few rows, so the profile is most peaked there
/// (largest sum of squared row counts). A coarse search over ±`maxDegrees`
/// is refined around its best angle.
enum SkewEstimator {
    /// The slope of the page's lines in degrees, positive when they descend
    /// to the right (y grows downwards). 0 for an empty page.
    static func skew(of ink: BitImage, maxDegrees: Double = 5) -> Double {
        let points = samplePoints(ink)
        guard points.count >= 200 else { return 0 }
        // The coarse search needs far fewer points than the fine one.
        let few = points.count > 60_000 ? Array(points.enumerated().lazy.filter { $0.offset % 4 == 0 }.map(\.element)) : points
        let coarse = best(few, height: ink.height, width: ink.width,
                          angles: stride(from: -maxDegrees, through: maxDegrees, by: 0.25).map { $0 })
        let fine = best(points, height: ink.height, width: ink.width,
                        angles: stride(from: coarse - 0.3, through: coarse + 0.3, by: 0.02).map { $0 })
        return (fine * 100).rounded() / 100
    }

    /// Ink pixels on every third column, as (x, y).
    private static func samplePoints(_ ink: BitImage) -> [(Int32, Int32)] {
        var points: [(Int32, Int32)] = []
        points.reserveCapacity(ink.bits.count / 60)
        ink.bits.withUnsafeBufferPointer { bits in
            for y in 0..<ink.height {
                let row = y * ink.width
                var x = 0
                while x < ink.width {
                    if bits[row + x] { points.append((Int32(x), Int32(y))) }
                    x += 3
                }
            }
        }
        // Cap the work on very inky pages: keep an evenly spread subset.
        let cap = 200_000
        if points.count > cap {
            let step = Double(points.count) / Double(cap)
            points = (0..<cap).map { points[Int(Double($0) * step)] }
        }
        return points
    }

    private static func best(_ points: [(Int32, Int32)], height: Int, width: Int, angles: [Double]) -> Double {
        var bestAngle = 0.0, bestScore = -1.0
        let margin = Int(Double(width) * tan(6 * Double.pi / 180)) + 2
        var counts = [Int32](repeating: 0, count: height + 2 * margin)
        for angle in angles {
            let t = tan(angle * .pi / 180)
            var score = 0.0
            counts.withUnsafeMutableBufferPointer { bins in
                bins.update(repeating: 0)
                points.withUnsafeBufferPointer { pts in
                    var i = 0
                    while i < pts.count {
                        let row = Int((Double(pts[i].1) - Double(pts[i].0) * t).rounded()) + margin
                        if row >= 0, row < bins.count { bins[row] &+= 1 }
                        i += 1
                    }
                }
                var i = 0
                while i < bins.count {
                    let c = Double(bins[i])
                    score += c * c
                    i += 1
                }
            }
            // Prefer the smaller turn on ties (a page with no lines).
            let better = score > bestScore * (1 + 1e-6)
            let tie = !better && score >= bestScore * (1 - 1e-6) && abs(angle) < abs(bestAngle)
            if better || tie {
                bestScore = max(score, bestScore)
                bestAngle = angle
            }
        }
        return bestAngle
    }
}
