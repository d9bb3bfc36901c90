import Export
import Foundation
import Testing

/// report.html in a real browser: headless Chromium (Debian's `chromium`).
@Suite("report.html in Chromium")
struct ReportBrowserTests {
    static func chromium() throws -> URL {
        guard let url = TestEnvironment.tool(["chromium", "chromium-browser", "google-chrome"]) else {
            throw TestFailure("chromium not found: install Debian's chromium package")
        }
        return url
    }

    static func chromiumArguments(profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(profile.path)"]
    }

    /// Opens the report with a checking script appended (the report itself
    /// has none): after the page has loaded, each row picture records the
    /// size Chromium decoded it at. Then every finding of
    /// discrepancies.csv must be in the DOM with a decoded picture.
    @Test func everyFindingIsShownWithItsPicture() throws {
        let run = try CorpusRun.get()
        let (header, findings) = try readCSV(run.file("discrepancies.csv"))
        #expect(findings.count > 50) // the dev corpus's text PDFs have 83 findings in the gold
        let rule = try #require(header.firstIndex(of: "rule"))
        let page = try #require(header.firstIndex(of: "page"))
        let row = try #require(header.firstIndex(of: "row"))
        let period = try #require(header.firstIndex(of: "period"))

        let report = try String(contentsOf: run.file("report.html"), encoding: .utf8)
        #expect(!report.contains("<script"))
        #expect(!report.contains("src=\"http"))
        #expect(!report.contains("<link"))

        let scratch = try TestEnvironment.temporaryDirectory("chromium")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let probe = """
            <script>
            window.addEventListener('load', function () {
              var imgs = document.querySelectorAll('article.finding img.evidence');
              for (var i = 0; i < imgs.length; i++) {
                var img = imgs[i];
                img.setAttribute('data-decoded', img.complete ? img.naturalWidth + 'x' + img.naturalHeight : 'no');
                img.setAttribute('data-shown', Math.round(img.getBoundingClientRect().width) + '');
                img.removeAttribute('src');
              }
              document.body.setAttribute('data-probed', String(imgs.length));
            });
            </script>
            """
        let page1 = scratch.appendingPathComponent("probe.html")
        try Data(report.replacingOccurrences(of: "</body>", with: probe + "</body>").utf8).write(to: page1)

        let result = try runProcess(try Self.chromium(),
                                    Self.chromiumArguments(profile: scratch.appendingPathComponent("profile"))
                                        + ["--window-size=1366,768", "--virtual-time-budget=15000", "--dump-dom",
                                           page1.absoluteString],
                                    timeout: 240)
        #expect(result.status == 0, "chromium: \(result.stderr.suffix(1500))")
        let dom = result.stdout
        #expect(dom.contains("data-probed=\"\(findings.count)\""), "the probe did not run or counted other pictures")

        // One article per finding, in the DOM Chromium built.
        let articles = dom.components(separatedBy: "<article class=\"finding ").dropFirst()
        #expect(articles.count == findings.count)
        var decoded = 0
        for article in articles {
            let body = article.components(separatedBy: "</article>").first ?? ""
            guard let match = body.range(of: #"data-decoded="(\d+)x(\d+)""#, options: .regularExpression) else { continue }
            let dims = body[match].dropFirst("data-decoded=\"".count).dropLast().split(separator: "x").compactMap { Int($0) }
            if dims.count == 2, dims[0] > 100, dims[1] > 20 { decoded += 1 }
        }
        #expect(decoded == findings.count, "findings whose picture Chromium decoded: \(decoded) of \(findings.count)")

        // Each finding's rule, page, row and period are on its card.
        var cards: [String: Int] = [:]
        for article in articles {
            let body = article.components(separatedBy: "</article>").first ?? ""
            func dd(_ term: String) -> String? {
                guard let r = body.range(of: term + "</dt><dd>") else { return nil }
                return body[r.upperBound...].components(separatedBy: "</dd>").first
            }
            guard let ruleStart = body.range(of: "data-rule=\"") else { continue }
            let ruleName = body[ruleStart.upperBound...].components(separatedBy: "\"").first ?? ""
            let key = [ruleName, dd("Halaman · Page") ?? "", dd("Baris · Row") ?? "", dd("Periode · Period") ?? ""]
                .joined(separator: "|")
            cards[key, default: 0] += 1
        }
        for f in findings {
            let key = [f[rule], f[page], f[row], f[period]].joined(separator: "|")
            #expect((cards[key] ?? 0) > 0, "finding \(key) not in the report")
        }
    }

    /// The first screen at 1366×768, kept for a person to look at.
    @Test func firstScreenScreenshot() throws {
        let run = try CorpusRun.get()
        let scratch = try TestEnvironment.temporaryDirectory("chromium-shot")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shot = try TestEnvironment.testOutputDirectory().appendingPathComponent("report-first-screen.png")
        try? FileManager.default.removeItem(at: shot)
        let result = try runProcess(try Self.chromium(),
                                    Self.chromiumArguments(profile: scratch.appendingPathComponent("profile"))
                                        + ["--window-size=1366,768", "--screenshot=\(shot.path)",
                                           run.file("report.html").absoluteString],
                                    timeout: 240)
        #expect(result.status == 0, "chromium: \(result.stderr.suffix(1500))")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR: width and height, big-endian, at bytes 16…23.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1366 && height == 768)
        #expect(png.count > 20_000) // a blank page compresses to far less
        print("report first screen: \(shot.path)")
    }
}
