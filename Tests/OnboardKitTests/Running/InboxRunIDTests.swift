import Foundation
import Testing

@testable import OnboardKit

struct InboxRunIDTests {
    @Test func runIDsSortByTimeAndAreUnique() {
        let early = InboxRunID.make(now: Date(timeIntervalSince1970: 1_795_000_000))
        let late = InboxRunID.make(now: Date(timeIntervalSince1970: 1_795_000_000.002))
        #expect(early < late, "\(early) before \(late)")
        #expect(early.rawValue.hasPrefix("20261118-110640.000-"), "UTC date and time first: \(early)")
        #expect(early.rawValue.count == "20261125-110512.347-3fa9c2".count, "fixed width: \(early)")
        #expect(
            InboxRunID.make(now: Date(timeIntervalSince1970: 0))
                != InboxRunID.make(now: Date(timeIntervalSince1970: 0)),
            "two runs in the same second differ")
    }
}
