import OnboardCore

/// Remembers a core parser's verdict on texts that repeat: roles, countries, tenant prefixes.
///
/// A million user rows hold a handful of distinct roles and usage locations and a few thousand
/// tenant prefixes; parsing each text once instead of once per row took a fifth of a plan's time
/// off. The verdict is the core's, unchanged (value or every violation). At most `limit` texts are
/// kept, then it starts afresh, so memory stays bounded whatever the input. A class because the
/// memo is shared state; the mutex makes it safe to share.
final class ParseMemo<Value: Sendable>: Sendable {
    private let results = SharedState<[String: Result<Value, DomainViolations>]>([:])
    private let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    /// The parser's result for `text`, computed on first sight.
    func parse(_ text: String, with parser: (String) throws(DomainViolations) -> Value)
        throws(DomainViolations)
        -> Value
    {
        if let known = results.withLock({ $0[text] }) { return try known.get() }
        let result = Result<Value, DomainViolations> { () throws(DomainViolations) in try parser(text) }
        results.withLock {
            if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
            $0[text] = result
        }
        return try result.get()
    }
}
