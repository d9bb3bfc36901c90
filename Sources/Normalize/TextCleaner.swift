/// Small text repairs shared by the stage.
enum TextCleaner {
    /// Collapses runs of white space to one space and trims; rejoins a word
    /// broken after a hyphen at a line end (`Perundang- undangan` →
    /// `Perundang-undangan`, `RKA- SKPD` → `RKA-SKPD`). The hyphen is kept:
    /// in these reports a line-end hyphen is nearly always part of the word.
    /// No space is kept inside brackets: `( a )` → `(a)`.
    static func collapse(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var pendingSpace = false
        for ch in text {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                if out.count >= 2, out.last == "-", let prev = out.dropLast().last, prev.isLetter, ch.isLetter {
                    // keep "-" and drop the space
                } else if ch == ")" || out.last == "(" {
                    // `(illegal fishing )` → `(illegal fishing)`
                } else {
                    out.append(" ")
                }
                pendingSpace = false
            }
            out.append(ch)
        }
        return out
    }

    /// A line reduced for spotting running headers and footers: lowercase,
    /// digits dropped (`Halaman 3` and `Halaman 4` are one key).
    static func furnitureKey(_ line: String) -> String {
        collapse(String(line.lowercased().filter { !$0.isNumber }))
    }

    /// Lowercase, white space collapsed: for comparing labels.
    static func key(_ text: String) -> String {
        collapse(text.lowercased())
    }

    /// The list marker an item opens with (`•`, `-`, `–`, `·`, `*`, `o`
    /// before a word), nil when it opens with none.
    static func listMarker(_ text: String) -> String? {
        // `•Tercukupinya`: the bullet glued to its word.
        if let first = text.first, "•·▪►◦".contains(first), text.dropFirst().first?.isLetter == true {
            return String(first)
        }
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let next = parts[1].first, next.isLetter else { return nil }
        let markers: Set<String> = ["•", "-", "–", "—", "·", "*", "▪", "►", "◦", "o", "➢", "✓"]
        return markers.contains(String(parts[0])) ? String(parts[0]) : nil
    }

    /// The text without its list marker (`- Jumlah Produksi Padi` →
    /// `Jumlah Produksi Padi`).
    static func droppingListMarker(_ text: String) -> String {
        guard let marker = listMarker(text) else { return text }
        return String(text.dropFirst(marker.count).drop { $0 == " " })
    }

    /// `12 Perkuatan Tebing …` → ("12", "Perkuatan Tebing …"); nil when the
    /// text does not open with a list number of one to three digits.
    static func splitListNumber(_ text: String) -> (String, String)? {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].count <= 3, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[1].first?.isLetter == true else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// A figure followed by its unit in the same cell (`1,060,632.41 ton`,
    /// `0 Kasus`, `31.02 Kg/ Kap/ Thn`, `- ton`): the figure and the unit.
    /// Nil when the cell reads as it is or holds anything else.
    static func splitUnit(_ raw: String, style: NumberStyle?) -> (figure: String, unit: String)? {
        let tokens = raw.split(separator: " ")
        guard tokens.count >= 2, NumberParser.strictRead(raw, style: style).value == nil else { return nil }
        for cut in stride(from: tokens.count - 1, through: 1, by: -1) {
            let figure = tokens[..<cut].joined(separator: " "), unit = tokens[cut...]
            guard unit.allSatisfy({ $0.contains(where: \.isLetter) && !$0.contains(where: \.isNumber) }) else { break }
            switch NumberParser.strictRead(figure, style: style) {
            case .number, .dash, .spreadsheetError:
                return (figure, unit.joined(separator: " "))
            case .text(let t) where t.uppercased() == "N/A":
                return (figure, unit.joined(separator: " "))
            default:
                continue
            }
        }
        return nil
    }
}
