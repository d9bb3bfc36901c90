@testable import Evidence
import Foundation
import Model
import Testing

/// `inspect --png`: a page drawn with what was found on it, decoded again.
struct PageDebugPictureTests {
    // Thin lines are blended with the paper: tell them by the dominant channel.
    static func isGreen(_ p: (UInt8, UInt8, UInt8)) -> Bool { Int(p.1) > Int(p.0) + 40 && Int(p.1) > Int(p.2) + 30 }
    static func isBlue(_ p: (UInt8, UInt8, UInt8)) -> Bool { Int(p.2) > Int(p.0) + 40 && Int(p.2) > Int(p.1) + 20 }

    @Test func rulingsCellsAndWordsAreDrawnWhereTheyAre() throws {
        let renderer = try PageRenderer(url: RowPictureTests.pdf)
        let (w, h) = try renderer.pageSize(1)
        // Variants: a horizontal and a vertical ruling, a cell, a word, away from each other.
        let overlay = PageOverlay(words: [BBox(x0: 300, y0: 300, x1: 360, y1: 312)],
                                  rulings: [Ruling(axis: .horizontal, position: 40, start: 20, end: 200),
                                            Ruling(axis: .vertical, position: w - 30, start: 100, end: 300)],
                                  cells: [BBox(x0: 100, y0: 420, x1: 220, y1: 470)])
        let picture = try renderer.debugPicture(page: 1, overlay: overlay, scale: 2)
        #expect(picture.width == Int((w * 2).rounded(.up)) && picture.height == Int((h * 2).rounded(.up)))
        let pixels = try RowPictureTests.Pixels(png: picture.png)
        #expect(pixels.share(x0: 60, y0: 78, x1: 380, y1: 82, RowPictureTests.isRed) > 0.3, "the horizontal ruling")
        let x = Int((w - 30) * 2)
        #expect(pixels.share(x0: x - 2, y0: 220, x1: x + 2, y1: 580, RowPictureTests.isRed) > 0.3, "the vertical ruling")
        let cellSide = (198..<206).map { x in pixels.share(x0: x, y0: 850, x1: x + 1, y1: 930, Self.isGreen) }.max()!
        #expect(cellSide > 0.9, "the cell's left side")
        let wordTop = (596..<604).map { y in pixels.share(x0: 610, y0: y, x1: 710, y1: y + 1, Self.isBlue) }.max()!
        #expect(wordTop > 0.9, "the word's top")
        // Elsewhere the page itself: no overlay colour far from them.
        #expect(pixels.share(x0: 60, y0: 1000, x1: 300, y1: 1100, RowPictureTests.isRed) == 0)
    }
}
