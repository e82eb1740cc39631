import Testing

@testable import OnboardKit

/// A near-duplicate key is new once; every later sighting names the first row.
struct NameLedgerTests {
    @Test func firstThenEarlierLocation() {
        var ledger = NameLedger()
        let key = StableHash("contoso\u{1F}alice smith")
        #expect(ledger.record(key: key, at: RowLocation(file: 0, line: 2)) == nil, "new key")
        #expect(
            ledger.record(key: key, at: RowLocation(file: 1, line: 9)) == RowLocation(file: 0, line: 2),
            "a second sighting names the first row")
        #expect(
            ledger.record(key: StableHash("other"), at: RowLocation(file: 1, line: 10)) == nil, "another key")
        #expect(ledger.count == 2, "two keys kept")
        #expect(ledger.location(of: key) == RowLocation(file: 0, line: 2), "first location kept")
    }

    @Test("keys that differ only in the half not kept are taken as one (a warning's odds, 2⁻⁶⁴)")
    func onlyTheLowHalfIsKept() {
        var ledger = NameLedger()
        let first = StableHash(high: 1, low: 42)
        #expect(ledger.record(key: first, at: RowLocation(file: 0, line: 2)) == nil, "new")
        #expect(
            ledger.record(key: StableHash(high: 2, low: 42), at: RowLocation(file: 0, line: 3))
                == RowLocation(file: 0, line: 2), "the same low half")
        #expect(
            ledger.record(key: StableHash(high: 1, low: 43), at: RowLocation(file: 0, line: 4)) == nil,
            "another low half")
        #expect(ledger.location(of: StableHash(high: 9, low: 42)) == RowLocation(file: 0, line: 2))
    }

    @Test func theAllZeroKeyIsAKeyLikeAnyOther() {
        var ledger = NameLedger()
        ledger.reserveCapacity(100)
        let zero = StableHash(high: 0, low: 0)
        #expect(ledger.record(key: zero, at: RowLocation(file: 0, line: 4)) == nil, "new")
        #expect(
            ledger.record(key: zero, at: RowLocation(file: 0, line: 5)) == RowLocation(file: 0, line: 4),
            "seen")
        #expect(ledger.count == 1, "counted once")
    }
}
