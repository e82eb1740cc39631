/// How long one phase of the run took (reading, planning, provisioning, writing reports).
public struct PhaseTiming: Sendable, Hashable {
    public var phase: String
    public var seconds: Double

    public init(phase: String, seconds: Double) {
        self.phase = phase
        self.seconds = seconds
    }
}
