import Testing

@testable import OnboardCore

/// A value type holding only `SharedValues` compares and hashes as if its fields were its own.
struct SharedValuesTests {
    struct Pair: Hashable {
        let box: SharedValues<[String]>
        init(_ values: [String]) { box = SharedValues(values) }
    }

    @Test("equal values in two boxes are equal and hash alike; other values are not equal")
    func comparedByValues() {
        let first = Pair(["contoso", "alice"])
        let same = Pair(["contoso", "alice"])
        #expect(first == same && first.box !== same.box, "two boxes, equal values")
        #expect(first.hashValue == same.hashValue, "hashed by the values")
        #expect(first != Pair(["contoso", "bob"]), "other values")
        #expect(Set([first, same, Pair(["x"])]).count == 2, "a set keeps one of the equal pair")
    }

    @Test("a copy shares the box")
    func copiesShare() {
        let first = Pair(["contoso"])
        let copy = first
        #expect(copy.box === first.box && copy == first)
    }
}
