/// The version `onboard --version` prints and every report records.
public let onboardVersion = "0.1.0"
