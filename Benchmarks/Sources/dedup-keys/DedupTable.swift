/// The dedup tables `dedup-keys` can fill.
enum DedupTable: String, CaseIterable {
    case deduplicator
    case ledger
    case strings
}
