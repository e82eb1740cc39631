extension OnboardConfiguration {
    /// The effective settings as a TOML document with every key, which `onboard config check`
    /// prints: it can be saved and read back as a configuration file.
    public var tomlText: String {
        func quoted(_ text: String) -> String {
            var escaped = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                case "\r": escaped += "\\r"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        escaped +=
                            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                            + String(scalar.value, radix: 16, uppercase: true)
                    } else {
                        escaped.unicodeScalars.append(scalar)
                    }
                }
            }
            return escaped + "\""
        }
        let storeText: String =
            switch store {
            case .sqlite(let path): path
            default: store.description
            }
        let waitSeconds =
            Double(inbox.wait.components.seconds) + Double(inbox.wait.components.attoseconds) / 1e18
        let waitText =
            waitSeconds == waitSeconds.rounded() ? String(Int(waitSeconds)) : String(waitSeconds)
        var lines = [
            "store = \(quoted(storeText))",
            outputFolder.map { "out = \(quoted($0))" }
                ?? "# out: not set (each command's own default folder)",
            "jobs = \(jobs)",
            "",
            "[retry]",
            "attempts = \(retry.attempts)",
            "base-delay = \(quoted(DirectorySpecification.format(retry.baseDelay)))",
            "max-delay = \(quoted(DirectorySpecification.format(retry.maximumDelay)))",
            "",
            "[validation]",
            "default-role = \(quoted(validation.policy.defaultRole.rawValue))",
            "allow-owner-in-managed-mode = \(validation.policy.allowsOwnerInManagedMode)",
        ]
        lines.append(
            validation.maxRejectRate.map { "max-reject-rate = \($0)" }
                ?? "# max-reject-rate: not set (no limit)")
        lines += [
            "",
            "[inbox]",
            "inbox = \(quoted(inbox.inbox))",
            "archive = \(quoted(inbox.archive))",
            "failed = \(quoted(inbox.failed))",
            "wait-seconds = \(waitText)",
            "",
            "[log]",
            "format = \(quoted(log.format.rawValue))",
            "level = \(quoted(log.level.rawValue))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
