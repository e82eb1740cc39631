// Child of `onboard-bench dedup`: inserts N distinct, realistic user principal names into the kind
// of table intake deduplicates with (key → where the key was first seen) and prints what that cost
// this process: "KEYS KEY_UTF8_BYTES PEAK_BEFORE PEAK_AFTER RESIDENT_BEFORE RESIDENT_AFTER" (bytes).
//
// Keys are made one at a time and only the table keeps them, so the growth is the table's own:
// its buckets, each key's String storage (UPNs are longer than 15 UTF-8 bytes, so none is stored
// inline) and the value. The table grows as it would in a run (no reserved capacity), so the peak
// includes the moment a resize holds the old and the new buckets at once.
import BenchmarkSupport
import CSVStream

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 2, let keyCount = Int(arguments[1]), keyCount >= 0 else {
    printToStandardError("usage: dedup-keys N (a count of keys)")
    exit(2)
}

let firstNames = ["anna", "juergen", "zoe", "li", "mohammed", "sofia", "oleg", "chloe", "bjoern", "priya"]
let lastNames = ["schmidt", "mueller", "obrien", "nguyen", "garcia", "smith", "kowalski", "dubois", "tanaka"]

/// The dedup key of user `index`, e.g. `sofia.garcia1234@tenant0417.onmicrosoft.com`, spread over
/// 10,000 tenants like a large partner's run; lower-case as a case-insensitive key is stored.
func userPrincipalName(_ index: Int) -> String {
    let first = firstNames[index % firstNames.count]
    let last = lastNames[(index / firstNames.count) % lastNames.count]
    return "\(first).\(last)\(index)@tenant\(index % 10_000).onmicrosoft.com"
}

let before = ResidentMemory.now()
var firstSeen: [String: CSVPosition] = [:]
var keyBytes = 0
for index in 0..<keyCount {
    let key = userPrincipalName(index)
    keyBytes += key.utf8.count
    firstSeen[key] = CSVPosition(line: index + 2, record: index + 2, byteOffset: index &* 100)
}
let after = ResidentMemory.now()

// Use the table after measuring, so it is certainly alive (and built) at the measurement.
guard firstSeen.count == keyCount, keyCount == 0 || firstSeen[userPrincipalName(keyCount / 2)] != nil else {
    printToStandardError("dedup-keys: the table lost keys")
    exit(1)
}
print(keyCount, keyBytes, before.peakBytes, after.peakBytes, before.currentBytes, after.currentBytes)
