/// What a sink learns when the run ends: the completed metadata, the tenants, the run's warnings
/// and how long the phases took.
public struct RunEnding: Sendable, Hashable {
    /// The metadata with `finished` (and `isInterrupted`) set; see `RunMetadata.finishing`.
    public var metadata: RunMetadata
    public var tenants: [TenantOutcome]
    public var warnings: [RunWarning]
    /// Durations; sinks write them as zero in deterministic mode.
    public var timings: [PhaseTiming]

    public init(
        metadata: RunMetadata, tenants: [TenantOutcome] = [], warnings: [RunWarning] = [],
        timings: [PhaseTiming] = []
    ) {
        self.metadata = metadata
        self.tenants = tenants
        self.warnings = warnings
        self.timings = timings
    }
}
