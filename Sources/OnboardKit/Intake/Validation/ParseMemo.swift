import OnboardCore

/// Remembers a core parser's verdict on texts that repeat: roles, countries, tenant prefixes.
///
/// A million user rows hold a handful of distinct roles and usage locations and a few thousand
/// tenant prefixes; parsing each text once instead of once per row took a fifth of a plan's time
/// off. The verdict is the core's, unchanged (value or every violation). At most `limit` texts are
/// kept, then it starts afresh, so memory stays bounded whatever the input. A class because the
/// memo is shared state; the mutex makes it safe to share.
final class ParseMemo<Value: Sendable>: Sendable {
    private struct Memory {
        var results: [String: Result<Value, DomainViolations>] = [:]
        /// The last text asked for: rows come grouped (a tenant's users together), so comparing
        /// with it spares hashing the text most of the time.
        var last: (text: String, result: Result<Value, DomainViolations>)?
    }

    private let memory = SharedState(Memory())
    private let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    /// The parser's result for `text`, computed on first sight.
    func parse(_ text: String, with parser: (String) throws(DomainViolations) -> Value)
        throws(DomainViolations)
        -> Value
    {
        let known = memory.withLock { memory -> Result<Value, DomainViolations>? in
            if let last = memory.last, last.text == text { return last.result }
            guard let result = memory.results[text] else { return nil }
            memory.last = (text, result)
            return result
        }
        if let known { return try known.get() }
        let result = Result<Value, DomainViolations> { () throws(DomainViolations) in try parser(text) }
        memory.withLock {
            if $0.results.count >= limit { $0.results.removeAll(keepingCapacity: true) }
            $0.results[text] = result
            $0.last = (text, result)
        }
        return try result.get()
    }
}
