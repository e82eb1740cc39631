// Child of `onboard-bench dedup`: records N distinct, realistic users in a dedup table and prints
// what that cost this process: "USERS UPN_UTF8_BYTES PEAK_BEFORE PEAK_AFTER RESIDENT_BEFORE RESIDENT_AFTER
// ENTRIES" (bytes; ENTRIES = keys the table holds). Tables (first argument):
//   deduplicator  intake's `Deduplicator.record(_: UserDraft, ...)`: what `onboard plan` keeps per user
//   ledger        one intake `KeyLedger` slot per UPN: 128-bit hash key, fingerprint, row mark
//   strings       a plain `[String: CSVPosition]` keyed by the UPN itself, for comparison
//
// Users are made one at a time and only the table keeps anything of them, so the growth is the
// table's own. The table grows as in a run (no reserved capacity), so the peak includes the moment
// a resize holds the old and the new buckets at once.
import BenchmarkSupport
import CSVStream
import OnboardCore
import OnboardKit

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, let table = DedupTable(rawValue: arguments[1]), let userCount = Int(arguments[2]),
    userCount >= 0
else {
    printToStandardError("usage: dedup-keys deduplicator|ledger|strings N")
    exit(2)
}

let before = ResidentMemory.now()
var keyBytes = 0
var kept: Int
// Measured inside each case, while the table is alive (it is freed when its case ends).
var after: ResidentMemory
switch table {
case .deduplicator:
    var deduplicator = Deduplicator()
    let file = deduplicator.addFile("users.csv")
    for index in 0..<userCount {
        let user = SyntheticUser(index)
        keyBytes += user.userPrincipalName.utf8.count
        var findings = RowFindings(file: "users.csv", line: index + 2)
        _ = deduplicator.record(
            try user.draft(), at: RowLocation(file: file, line: index + 2), findings: &findings)
    }
    after = ResidentMemory.now()
    kept = deduplicator.keyCount
case .ledger:
    var ledger = KeyLedger()
    for index in 0..<userCount {
        let user = SyntheticUser(index)
        keyBytes += user.userPrincipalName.utf8.count
        _ = ledger.record(
            key: StableHash("user\u{1F}" + user.userPrincipalName),
            fingerprint: StableHash(fields: user.fields),
            at: RowLocation(file: 0, line: index + 2))
    }
    after = ResidentMemory.now()
    kept = ledger.count
case .strings:
    var firstSeen: [String: CSVPosition] = [:]
    for index in 0..<userCount {
        let user = SyntheticUser(index)
        keyBytes += user.userPrincipalName.utf8.count
        firstSeen[user.userPrincipalName] = CSVPosition(
            line: index + 2, record: index + 2, byteOffset: index &* 140)
    }
    after = ResidentMemory.now()
    kept = firstSeen.count
}

guard kept >= userCount else {
    printToStandardError("dedup-keys: the \(table.rawValue) table kept \(kept) keys for \(userCount) users")
    exit(1)
}
print(userCount, keyBytes, before.peakBytes, after.peakBytes, before.currentBytes, after.currentBytes, kept)
