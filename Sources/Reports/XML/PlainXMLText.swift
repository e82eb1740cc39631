/// Text that libxml2's `xmlTextWriter` would write unchanged, so it can be written without escaping.
///
/// Escaping every value is most of what writing `report.xml` costs, and nearly every value (user
/// names, codes, numbers, messages) has nothing to escape. A value qualifies only when one scan of
/// its bytes proves that libxml2's escaping and `xmlSafe` would leave every byte as it is; any
/// other value takes the escaping path, so the file's bytes are the same either way.
struct PlainXMLText {
    let text: String

    /// An attribute value with only printable ASCII and none of `"`, `<`, `>`, `&`.
    ///
    /// libxml2 writes tab, line feed and carriage return in attributes as character references, and
    /// non-ASCII as `&#x…;` (the writer's document has no declared encoding), so those are left to it.
    init?(attribute value: String) {
        guard !value.isEmpty, Self.all(of: value, satisfy: Self.isPlainInAttribute) else { return nil }
        text = value
    }

    /// Element content with none of `"`, `<`, `>`, `&`, carriage return or a character XML forbids.
    ///
    /// Empty text is left to libxml2 too: it still closes the start tag (`<a></a>`, not `<a/>`).
    init?(content value: String) {
        guard !value.isEmpty, Self.all(of: value, satisfy: Self.isPlainInContent) else { return nil }
        text = value
    }

    // Each check runs over every byte without branching (a flag OR-ed per byte, not an early exit),
    // which the compiler turns into vector code: values are short and nearly always plain.

    private static func all(of value: String, satisfy isPlain: (UInt8) -> Bool) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            var failed: UInt8 = 0
            for byte in bytes { failed |= isPlain(byte) ? 0 : 1 }
            return failed == 0
        }
    }

    @inline(__always)
    private static func isPlainInAttribute(_ byte: UInt8) -> Bool {
        // One unsigned comparison keeps 0x20–0x7E.
        (byte &- 0x20) < 0x5F && byte != 0x22 && byte != 0x26 && byte != 0x3C && byte != 0x3E
    }

    /// Tab and line feed pass `xmlEncodeSpecialChars` as they are; 0xEF starts U+FFFE and U+FFFF,
    /// which `xmlSafe` replaces (other 0xEF sequences are fine but rare, so they take the slow path).
    @inline(__always)
    private static func isPlainInContent(_ byte: UInt8) -> Bool {
        (byte >= 0x20 || byte == 0x09 || byte == 0x0A) && byte != 0x22 && byte != 0x26 && byte != 0x3C
            && byte != 0x3E && byte != 0xEF
    }
}
