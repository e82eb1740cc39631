import Foundation

/// The content of `report.html`, laid out section by section on an `HTMLDocument`.
struct HTMLReportPage {
    var metadata: RunMetadata
    var files: [InputFileInfo]
    var totals: RunTotals
    var tenants: [TenantOutcome]
    var attentionRows: [RowOutcome]
    var runWarnings: [RunWarning]
    var rowWarnings: [(RowOutcome.Position, Finding)]
    var rowWarningCount: Int
    var rowCap: Int

    private var isPlan: Bool { metadata.command == .plan }

    func render() throws -> [UInt8] {
        let title = isPlan ? "onboard plan report" : "onboard import report"
        let document = HTMLDocument(title: title)
        document.addStyle(HTMLReportStyle.css)
        let header = document.add("header", to: document.body, [("class", "band")])
        document.add("h1", to: header, text: isPlan ? "Onboarding plan" : "Onboarding import")
        if isPlan {
            document.add(
                "p", to: header,
                text: "A plan changes nothing: it shows what an import of these files would do.")
        }
        let finished = metadata.finished ?? metadata.started
        document.add(
            "p", to: header,
            text: "Run \(metadata.runID) · \(Timestamp.readable(metadata.started)) to "
                + "\(Timestamp.readable(finished)) · onboard \(metadata.toolVersion)")
        let main = document.add("main", to: document.body)
        summary(document, main)
        tenantSection(document, main)
        attentionSection(document, main)
        warningSection(document, main)
        fileSection(document, main)
        let footer = document.add("footer", to: main)
        document.add(
            "p", to: footer,
            text: "Every row, with all its findings, is in report.xml (schema urn:onboard:report:1, "
                + "reports/schema/onboard-report.xsd). Passwords and keys are never in a report: "
                + (isPlan
                    ? "a plan writes no credential sheet; an import puts them in credentials/ only."
                    : "they are only in the credential sheets (credentials/)."))
        return try document.serialized()
    }

    // MARK: - Summary

    private func summary(_ document: HTMLDocument, _ main: HTMLDocument.Node) {
        document.add("h2", to: main, text: "Summary")
        document.add("p", to: main, text: leadSentence(), [("class", "lead")])
        let cards = document.add("div", to: main, [("class", "cards")])
        let shown: [(String, Int, String)] = [
            ("Rows read", totals.rows.total, "rows"),
            (isPlan ? "To create" : "Created", totals.rows.created, "created"),
            (isPlan ? "To update" : "Updated", totals.rows.updated, "updated"),
            ("Unchanged", totals.rows.unchanged, "unchanged"),
            ("Rejected", totals.rows.rejected, "rejected"),
            ("Duplicates", totals.rows.duplicate, "duplicate"),
            ("Warnings", totals.warnings, "warnings"),
        ]
        for (label, count, style) in shown {
            let card = document.add("div", to: cards, [("class", "card \(style)")])
            document.add("div", to: card, text: Self.number(count), [("class", "n")])
            document.add("div", to: card, text: label, [("class", "l")])
        }
        attentionBox(document, main)
        let table = document.add("table", to: main, [("class", "zebra")])
        let head = document.add("tr", to: document.add("thead", to: table))
        document.add("th", to: head, text: "")
        for kind in RowOutcome.Kind.allCases {
            document.add("th", to: head, text: kindTitle(kind), [("class", "num")])
        }
        document.add("th", to: head, text: "Total", [("class", "num")])
        let body = document.add("tbody", to: table)
        for (name, counts) in [
            ("Customers", totals.customers), ("Users", totals.users), ("All rows", totals.rows),
        ] {
            let row = document.add("tr", to: body)
            document.add("th", to: row, text: name)
            for kind in RowOutcome.Kind.allCases {
                document.add("td", to: row, text: Self.number(counts[kind]), [("class", "num")])
            }
            document.add("td", to: row, text: Self.number(counts.total), [("class", "num")])
        }
    }

    /// A column title for rows of `kind`: a plan's rows would be created or updated, not yet.
    private func kindTitle(_ kind: RowOutcome.Kind) -> String {
        switch (kind, isPlan) {
        case (.created, true): "To create"
        case (.updated, true): "To update"
        default: kind.rawValue.capitalized
        }
    }

    private func leadSentence() -> String {
        let rows = totals.rows
        let fileCount = files.count == 1 ? "1 file" : "\(Self.number(files.count)) files"
        let subject = isPlan ? "This plan covers" : "This import read"
        var parts = [
            "\(Self.number(totals.customers.created)) customer\(totals.customers.created == 1 ? "" : "s") and "
                + "\(Self.number(totals.users.created)) user\(totals.users.created == 1 ? "" : "s") "
                + (isPlan ? "to create" : "created"),
            "\(Self.number(rows.updated)) " + (isPlan ? "to update" : "updated"),
            "\(Self.number(rows.unchanged)) unchanged",
        ]
        parts.append("\(Self.number(rows.rejected)) rejected")
        parts.append("\(Self.number(rows.duplicate)) duplicate\(rows.duplicate == 1 ? "" : "s")")
        var sentence =
            "\(subject) \(Self.number(rows.total)) rows from \(fileCount): " + parts.joined(separator: ", ")
            + "."
        if metadata.isInterrupted { sentence += " The run was \(interruption) before it finished." }
        return sentence
    }

    /// "interrupted", or "interrupted by SIGTERM" when a signal stopped the run.
    private var interruption: String {
        metadata.interruptingSignal.map { "interrupted by \($0)" } ?? "interrupted"
    }

    private func attentionBox(_ document: HTMLDocument, _ main: HTMLDocument.Node) {
        var items: [String] = []
        if metadata.isInterrupted {
            items.append(
                "The run was \(interruption): the counts cover only the rows read before it stopped. Run it again to finish; rows already done are left unchanged."
            )
        }
        if totals.rows.rejected > 0 {
            let conflicts =
                totals.conflicts > 0
                ? " (\(Self.number(totals.conflicts)) of them conflict with an earlier row)" : ""
            let verb =
                isPlan
                ? (totals.rows.rejected == 1 ? " would be" : "s would be")
                : (totals.rows.rejected == 1 ? " was" : "s were")
            items.append(
                "\(Self.number(totals.rows.rejected)) row\(verb) rejected\(conflicts): fix them in the rejects files and feed those back in."
            )
        }
        if totals.rows.duplicate > 0 {
            let verb =
                isPlan
                ? (totals.rows.duplicate == 1 ? " would be" : "s would be")
                : (totals.rows.duplicate == 1 ? " was" : "s were")
            items.append(
                "\(Self.number(totals.rows.duplicate)) duplicate row\(verb) skipped: the same key appeared earlier with the same data."
            )
        }
        if totals.warnings > 0 {
            items.append(
                "\(Self.number(totals.warnings)) warning\(totals.warnings == 1 ? "" : "s"): "
                    + (isPlan
                        ? "the rows would go through, but have a look."
                        : "the rows went through, but have a look.")
            )
        }
        let box = document.add("div", to: main, [("class", items.isEmpty ? "attention clear" : "attention")])
        guard !items.isEmpty else {
            document.add(
                "h3", to: box,
                text: "Nothing needs attention: every row " + (isPlan ? "would go through." : "went through.")
            )
            return
        }
        document.add("h3", to: box, text: "Needs attention")
        let list = document.add("ul", to: box)
        for item in items { document.add("li", to: list, text: item) }
    }

    // MARK: - Tenants

    private func tenantSection(_ document: HTMLDocument, _ main: HTMLDocument.Node) {
        document.add("h2", to: main, text: "Tenants (\(Self.number(tenants.count)))")
        guard !tenants.isEmpty else {
            document.add("p", to: main, text: "No tenant in this run.", [("class", "muted")])
            return
        }
        let table = document.add("table", to: main, [("class", "zebra")])
        let head = document.add("tr", to: document.add("thead", to: table))
        // A plan does no step and creates no user: its columns say what an import would do.
        var titles = [("Tenant", false), ("Company", false), ("Result", false)]
        if !isPlan { titles.append(("Steps done", false)) }
        titles += [
            (isPlan ? "Users to create" : "Users created", true), (isPlan ? "To update" : "Updated", true),
            ("Unchanged", true), ("Rejected", true),
        ]
        for (title, numeric) in titles {
            document.add("th", to: head, text: title, numeric ? [("class", "num")] : [])
        }
        let body = document.add("tbody", to: table)
        for tenant in tenants {
            let row = document.add("tr", to: body)
            document.add("td", to: row, text: tenant.prefix)
            document.add("td", to: row, text: tenant.company)
            let result = document.add("td", to: row)
            document.add(
                "span", to: result, text: actionLabel(tenant.action),
                [("class", "badge \(tenant.action.rawValue)")])
            if !isPlan {
                document.add(
                    "td", to: row,
                    text: tenant.stepsDone.isEmpty ? "—" : tenant.stepsDone.joined(separator: ", "))
            }
            for count in [
                tenant.usersCreated, tenant.usersUpdated, tenant.usersUnchanged, tenant.usersRejected,
            ] {
                document.add("td", to: row, text: Self.number(count), [("class", "num")])
            }
        }
    }

    /// What happened to a tenant; for a plan, what would happen.
    private func actionLabel(_ action: TenantOutcome.Action) -> String {
        switch (action, isPlan) {
        case (.created, true): "would create"
        case (.updated, true): "would update"
        default: action.rawValue
        }
    }

    // MARK: - Rows that need attention

    private func attentionSection(_ document: HTMLDocument, _ main: HTMLDocument.Node) {
        let count = totals.rowsNeedingAttention
        document.add("h2", to: main, text: "Rejected, conflicting and duplicate rows (\(Self.number(count)))")
        guard count > 0 else {
            document.add("p", to: main, text: "None.", [("class", "muted")])
            return
        }
        if count > attentionRows.count {
            document.add(
                "p", to: main,
                text: "Showing the first \(Self.number(attentionRows.count)) of \(Self.number(count)) rows. "
                    + "All of them are in report.xml and in the rejects files (rejects/).",
                [("class", "attention")])
        }
        let table = document.add("table", to: main, [("class", "grouped")])
        let head = document.add("tr", to: document.add("thead", to: table))
        for title in ["File", "Line", "Result", "Key", "Field", "Reason", "Value"] {
            document.add("th", to: head, text: title)
        }
        for outcome in attentionRows {
            // One <tbody> per input row: its findings stay together, and the zebra goes by input row.
            let body = document.add("tbody", to: table)
            let reasons = outcome.findings.isEmpty ? [nil] : outcome.findings.map { Optional($0) }
            for (index, finding) in reasons.enumerated() {
                let row = document.add("tr", to: body)
                if index == 0 {
                    let span = [("rowspan", String(reasons.count))]
                    document.add("td", to: row, text: outcome.position.file, span + [("class", "nowrap")])
                    document.add(
                        "td", to: row, text: String(outcome.position.line), span + [("class", "num")])
                    let result = document.add("td", to: row, span + [("class", "nowrap")])
                    let label = outcome.isConflict ? "conflict" : outcome.kind.rawValue
                    document.add("span", to: result, text: label, [("class", "badge \(label)")])
                    document.add("td", to: row, text: outcome.key ?? "—", span + [("class", "key")])
                }
                document.add("td", to: row, text: finding?.field ?? "—")
                document.add("td", to: row, text: reason(outcome, finding), [("class", "reason")])
                document.add("td", to: row, text: finding?.value ?? "", [("class", "value")])
            }
        }
    }

    private func reason(_ outcome: RowOutcome, _ finding: Finding?) -> String {
        var text = finding?.message ?? (outcome.kind == .duplicate ? "duplicate row" : "rejected")
        // A rejected row may also carry warnings: say which reasons are not why it was rejected.
        if finding?.severity == .warning { text = "Warning: " + text }
        if let first = outcome.firstSeen, finding == nil || finding == outcome.findings.first {
            text += " (first seen at \(first.file) line \(first.line))"
        }
        return text
    }

    // MARK: - Warnings and files

    private func warningSection(_ document: HTMLDocument, _ main: HTMLDocument.Node) {
        document.add("h2", to: main, text: "Warnings (\(Self.number(totals.warnings)))")
        guard totals.warnings > 0 else {
            document.add("p", to: main, text: "None.", [("class", "muted")])
            return
        }
        let table = document.add("table", to: main, [("class", "zebra")])
        let head = document.add("tr", to: document.add("thead", to: table))
        for title in ["File", "Line", "Field", "Warning", "Value"] {
            document.add("th", to: head, text: title)
        }
        let body = document.add("tbody", to: table)
        for warning in runWarnings.prefix(rowCap) {
            let row = document.add("tr", to: body)
            document.add("td", to: row, text: warning.file ?? "—")
            document.add("td", to: row, text: warning.line.map(String.init) ?? "", [("class", "num")])
            document.add("td", to: row, text: "—")
            document.add("td", to: row, text: warning.message)
            document.add("td", to: row, text: "", [("class", "value")])
        }
        for (position, finding) in rowWarnings {
            let row = document.add("tr", to: body)
            document.add("td", to: row, text: position.file)
            document.add("td", to: row, text: String(position.line), [("class", "num")])
            document.add("td", to: row, text: finding.field ?? "—")
            document.add("td", to: row, text: finding.message)
            document.add("td", to: row, text: finding.value ?? "", [("class", "value")])
        }
        let shown = min(runWarnings.count, rowCap) + rowWarnings.count
        if shown < totals.warnings {
            document.add(
                "p", to: main,
                text:
                    "Showing \(Self.number(shown)) of \(Self.number(totals.warnings)) warnings; all are in report.xml.",
                [("class", "note")])
        }
    }

    private func fileSection(_ document: HTMLDocument, _ main: HTMLDocument.Node) {
        document.add("h2", to: main, text: "Input files")
        let table = document.add("table", to: main, [("class", "zebra")])
        let head = document.add("tr", to: document.add("thead", to: table))
        for (title, numeric) in [
            ("File", false), ("Format", false), ("Encoding", false), ("Delimiter", false), ("Rows", true),
            ("Size", true), ("SHA-256", false),
        ] {
            document.add("th", to: head, text: title, numeric ? [("class", "num")] : [])
        }
        let body = document.add("tbody", to: table)
        for file in files {
            let row = document.add("tr", to: body)
            document.add("td", to: row, text: file.path)
            document.add("td", to: row, text: file.format)
            document.add("td", to: row, text: file.encoding)
            document.add("td", to: row, text: file.delimiterName)
            document.add("td", to: row, text: Self.number(file.rows), [("class", "num")])
            document.add("td", to: row, text: Self.number(Int(file.size)) + " B", [("class", "num")])
            document.add(
                "td", to: row, text: String(file.sha256.prefix(16)) + "…",
                [("class", "value"), ("title", file.sha256)])
        }
        let options = metadata.options.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        document.add(
            "p", to: main,
            text: "Jobs: \(metadata.jobs)" + (options.isEmpty ? "" : " · Options: \(options)")
                + (metadata.isDeterministic ? " · deterministic run" : ""),
            [("class", "note")])
    }

    /// `1234567` as `1,234,567`, the same on every machine (no locale).
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }
}
