/// Values that never change once made, behind one reference, for a value type to hold as its only
/// stored property.
///
/// A user row of an import is copied from stage to stage (intake, engine, store, report) on several
/// threads; with its tenant's, user's and role's dozens of strings inline, every copy cost a reference
/// count per string. Behind one reference it costs one. Immutable, so sharing it between threads is
/// safe; equal when it is the same reference or holds equal values, and hashed by its values, so a
/// type holding only this gets the `==` and `hash(into:)` its own fields would have given it.
final class SharedValues<Values: Sendable>: Sendable {
    let values: Values

    init(_ values: Values) { self.values = values }
}

extension SharedValues: Equatable where Values: Equatable {
    static func == (lhs: SharedValues, rhs: SharedValues) -> Bool { lhs === rhs || lhs.values == rhs.values }
}

extension SharedValues: Hashable where Values: Hashable {
    func hash(into hasher: inout Hasher) { hasher.combine(values) }
}
