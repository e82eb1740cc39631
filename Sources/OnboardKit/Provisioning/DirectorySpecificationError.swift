/// Why a directory specification (`--store`) could not be read, for a person.
public struct DirectorySpecificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The specification as given.
    public let specification: String
    /// What is wrong and how to write it instead.
    public let problem: String

    public init(specification: String, problem: String) {
        self.specification = specification
        self.problem = problem
    }

    public var description: String { "The directory \"\(specification)\" is not valid: \(problem)." }
}
