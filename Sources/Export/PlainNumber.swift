/// Numbers as the CSV files print them: plain decimals, no exponent, no
/// trailing `.0`, and the shortest digits that read back to the same double
/// (`9756893547`, `6.2`, `0.0000001`, `10000000000000000`).
public enum PlainNumber {
    /// The plain decimal form of `value`; "" for NaN and infinities (which the
    /// contract has no way to write).
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        if value == value.rounded(), value.magnitude < 1e15 {
            return String(Int64(value))
        }
        // Swift's description is the shortest round-tripping form, possibly
        // with an exponent ("1e+16", "1.5e-07", "123.45").
        let text = value.description
        var negative = false
        var digits: [UInt8] = []
        var pointAt: Int? = nil
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "-"):
                if inExponent { exponentSign = -1 } else { negative = true }
            case UInt8(ascii: "+"):
                break
            case UInt8(ascii: "."):
                pointAt = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(c - UInt8(ascii: "0"))
                } else {
                    digits.append(c)
                }
            default:
                return text // not expected from Double.description
            }
        }
        // Position of the decimal point within `digits` after the exponent.
        let point = (pointAt ?? digits.count) + exponentSign * exponent
        var integer: [UInt8]
        var fraction: [UInt8]
        if point <= 0 {
            integer = [UInt8(ascii: "0")]
            fraction = Array(repeating: UInt8(ascii: "0"), count: -point) + digits
        } else if point >= digits.count {
            integer = digits + Array(repeating: UInt8(ascii: "0"), count: point - digits.count)
            fraction = []
        } else {
            integer = Array(digits[..<point])
            fraction = Array(digits[point...])
        }
        while integer.count > 1, integer.first == UInt8(ascii: "0") { integer.removeFirst() }
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        var out = negative ? "-" : ""
        out += String(decoding: integer, as: UTF8.self)
        if !fraction.isEmpty {
            out += "."
            out += String(decoding: fraction, as: UTF8.self)
        }
        return out
    }
}
