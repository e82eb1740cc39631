import ArgumentParser

/// `--deterministic` and `--seed`: byte-identical reports for the same input, for reviews and tests.
///
/// Temporary passwords and keys are never deterministic: they always come from the system CSPRNG.
struct ReproducibilityOptions: ParsableArguments {
    @Flag(
        help: """
            Byte-identical reports for the same input: timestamps from SOURCE_DATE_EPOCH (or 1970), the run id \
            from --seed, no durations. Also on when SOURCE_DATE_EPOCH is set. Passwords stay random.
            """)
    var deterministic = false

    @Option(help: ArgumentHelp("The seed of a deterministic run's id.", valueName: "S"))
    var seed: UInt64 = 0
}
