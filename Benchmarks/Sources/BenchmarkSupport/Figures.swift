/// Number formatting for tables, without Foundation (children that use this must stay lean).
extension Double {
    /// The value rounded to `digits` decimals, with thousands grouped: `1234.5.fixed(1)` is `1,234.5`.
    public func fixed(_ digits: Int) -> String {
        guard isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(self) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var text = (self < 0 && scaled != 0 ? "-" : "") + whole.grouped
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }
}

extension Int {
    /// The value with thousands grouped by commas: `1000000` is `1,000,000`.
    public var grouped: String {
        let digits = Array(String(magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (self < 0 ? "-" : "") + text
    }
}

/// Bytes per megabyte in every figure here: decimal, so MB/s and the RSS column use the same unit.
public let bytesPerMB = 1_000_000.0
