import Testing

@testable import OnboardKit

/// The open-addressed `KeyLedger` says what a plain `Dictionary` of first sightings says.
struct KeyLedgerTableTests {
    /// A deterministic random source, so a failure repeats.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [(0, 1), (0, 7), (5_000, 2), (0, 3)])
    func agreesWithADictionaryOnRandomKeys(reserved: Int, seed: UInt64) {
        var random = SplitMix(state: seed)
        var ledger = KeyLedger()
        ledger.reserveCapacity(reserved)
        var reference: [StableHash: (RowLocation, UInt64)] = [:]
        // Few distinct keys and fingerprints, so repeats, duplicates and conflicts all happen; the
        // all-zero key (the table's empty mark) is among them.
        let keys = (0..<3_000).map { index in
            index == 0 ? StableHash(high: 0, low: 0) : StableHash(high: random.next(), low: random.next())
        }
        for line in 0..<12_000 {
            let key = keys[Int.random(in: 0..<keys.count, using: &random)]
            let fingerprint = StableHash(high: 0, low: UInt64.random(in: 0..<2, using: &random))
            // Run order: file after file, lines growing within each.
            let location = RowLocation(file: line / 4_000, line: line % 4_000 + 1)
            let expected: KeyLedger.Sighting
            if let (first, print) = reference[key] {
                expected = print == fingerprint.low ? .duplicate(of: first) : .conflict(with: first)
            } else {
                reference[key] = (location, fingerprint.low)
                expected = .first
            }
            let sighting = ledger.record(key: key, fingerprint: fingerprint, at: location)
            #expect(sighting == expected, "row \(line): \(sighting) where a dictionary says \(expected)")
            if sighting != expected { return }
        }
        #expect(ledger.count == reference.count, "one entry per distinct key")
        for (key, (location, print)) in reference {
            #expect(ledger.location(of: key) == location, "first location of \(key) kept")
            #expect(ledger.fingerprint(of: key) == print, "fingerprint of \(key) kept")
        }
        #expect(
            ledger.location(of: StableHash(high: 1, low: 2)) == nil, "a key never recorded has no location")
    }

    @Test func reservingMakesRoomWithoutLosingEntries() {
        var ledger = KeyLedger()
        let location = RowLocation(file: 0, line: 2)
        _ = ledger.record(key: StableHash("a"), fingerprint: StableHash("x"), at: location)
        ledger.reserveCapacity(10_000)
        #expect(ledger.location(of: StableHash("a")) == location, "kept across the resize")
        #expect(
            ledger.record(
                key: StableHash("a"), fingerprint: StableHash("x"), at: RowLocation(file: 0, line: 9))
                == .duplicate(of: location), "still a duplicate of its first row")
    }

    @Test func hashingStepByStepIsHashingTheFields() {
        var state = StableHash.State()
        state.add("user")
        state.add(separated: "alice@contoso.de")
        #expect(state.finish() == StableHash("user\u{1F}alice@contoso.de"), "separator and bytes as joined")
        #expect(StableHash("") == StableHash(fields: [""]), "empty text")
        let text = "Zoë Ｗｅｉß \u{1F600}"
        var bytes = StableHash.State()
        for byte in text.utf8 { bytes.add(byte: byte) }
        #expect(StableHash(text) == bytes.finish(), "the buffer loop hashes like the byte-wise one")
    }
}
