import Testing

@testable import OnboardKit

struct KeyLedgerTests {
    @Test func firstDuplicateConflict() {
        var ledger = KeyLedger()
        let key = StableHash("alice@contoso.de")
        #expect(
            ledger.record(key: key, fingerprint: StableHash("a"), at: RowLocation(file: 0, line: 2))
                == .first, "new")
        #expect(
            ledger.record(key: key, fingerprint: StableHash("a"), at: RowLocation(file: 1, line: 9))
                == .duplicate(of: RowLocation(file: 0, line: 2)), "same data")
        #expect(
            ledger.record(key: key, fingerprint: StableHash("b"), at: RowLocation(file: 1, line: 10))
                == .conflict(with: RowLocation(file: 0, line: 2)), "other data")
        #expect(ledger.count == 1, "one key kept")
    }

    @Test func theHashIsStableAndSeparatesFields() {
        #expect(StableHash("abc") == StableHash("abc"), "same text, same hash")
        #expect(StableHash(fields: ["ab", "c"]) != StableHash(fields: ["a", "bc"]), "fields kept apart")
        #expect(MemoryLayout<StableHash>.size == 16, "16 bytes inline")
        #expect(
            MemoryLayout<KeyLedger.Slot>.stride == 28,
            "a slot is a 128-bit key hash, a 64-bit fingerprint and a 32-bit row mark, unpadded")
        #expect(
            MemoryLayout<NameLedger.Slot>.stride == 12,
            "a near-duplicate slot is half a key hash and a row mark, unpadded")
    }
}

extension KeyLedgerTests {
    @Test func hashingFieldsIsHashingThemJoined() {
        #expect(
            StableHash(fields: ["a", "bc", ""]) == StableHash("a\u{1F}bc\u{1F}"), "same bytes, same hash")
    }

    @Test(
        arguments: [
            ("  Jorge   Navárro ", "jorge navarro"), ("ＡＮＮＡ Weiß", "anna weiß"), ("Zoë", "zoe"),
            ("ÅSA", "asa"), ("Łukasz", "łukasz"),
        ])
    func foldingDropsCaseAccentsWidthAndExtraSpace(text: String, folded: String) {
        #expect(FoldedText.fold(text) == folded, "\(text)")
    }
}
