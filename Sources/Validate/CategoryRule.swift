import Model

/// `category.mismatch`: the printed rating label (Kategori) disagrees with
/// the printed capaian under the document's scale. Indicator and average
/// rows are both judged; labels the scale does not know are left alone.
struct CategoryRule: ValidationRule {
    var emits: [RuleCode] { [.categoryMismatch] }

    let chooser: RatingScaleChooser

    func findings(in input: ValidationInput) -> [Finding] {
        var byDocument: [String: [Int]] = [:]
        for (i, r) in input.records.enumerated() where r.category?.isEmpty == false {
            byDocument[r.docID, default: []].append(i)
        }
        return byDocument.values.flatMap { rows -> [Finding] in
            guard let scale = chooser.scale(forLabels: rows.compactMap { input.records[$0].category }) else { return [] }
            return rows.compactMap { check($0, scale, input) }
        }
    }

    private func check(_ i: Int, _ scale: RatingScale, _ input: ValidationInput) -> Finding? {
        let r = input.records[i]
        guard let label = r.category, scale.knows(label), let capaian = r.capaian.value,
              let rated = scale.rate(capaian), !RatingScale.same(rated, label) else { return nil }
        return input.finding(i, field: "category", rule: .categoryMismatch,
                             reported: label, expected: nil, message:
            "Category '\(label)' of '\(Wording.label(r))' (\(Wording.location(r))) disagrees with its capaian \(Wording.printed(r.capaian)), which rates '\(rated)' on the \(scale.name) scale.")
    }
}
