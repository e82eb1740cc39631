/// The printable credential page of one tenant: its accounts, passwords and where to sign in.
struct CredentialPage {
    var tenant: String
    var signInAddress: String
    private(set) var entries: [CredentialEntry] = []
    /// Accounts on the CSV sheet past ``rowLimit``, not on the page.
    private(set) var omitted = 0

    /// A page holds at most this many accounts: enough for any page a person prints, and a bound on
    /// the memory a tenant with a huge sheet takes. The CSV sheet always has them all.
    static let rowLimit = 5_000

    init(tenant: String, signInAddress: String) {
        self.tenant = tenant
        self.signInAddress = signInAddress
    }

    mutating func add(_ entry: CredentialEntry) {
        if entries.count < Self.rowLimit { entries.append(entry) } else { omitted += 1 }
    }

    static let css = """
        body { margin: 32px 40px; color: #1f2933; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
          "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
        h1 { font-size: 20px; margin: 0 0 4px; } p { margin: 4px 0 12px; }
        .warn { border: 1px solid #f3c5c0; background: #fef3f2; padding: 8px 12px; border-radius: 6px; }
        table { border-collapse: collapse; width: 100%; margin-top: 12px; }
        th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid #d9e2ec; }
        th { background: #eef2f7; font-size: 12px; }
        td.secret { font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; font-size: 14px; }
        @media print { body { margin: 0; } tr { break-inside: avoid; } }
        """

    func render() throws -> [UInt8] {
        let document = HTMLDocument(title: "Sign-in details for \(tenant)")
        document.addStyle(Self.css)
        document.add("h1", to: document.body, text: "Sign-in details for \(tenant)")
        let address = document.add("p", to: document.body, text: "Sign in at ")
        document.add("a", to: address, text: signInAddress, [("href", signInAddress)])
        document.add(
            "p", to: document.body,
            text: "Confidential: these are temporary passwords. Hand them over in person or through a secure "
                + "channel, and destroy this page afterwards. Each user must change the password at first sign-in.",
            [("class", "warn")])
        if omitted > 0 {
            document.add(
                "p", to: document.body,
                text:
                    "This page lists the first \(entries.count) accounts; the other \(omitted) are in the CSV sheet."
            )
        }
        let table = document.add("table", to: document.body)
        let head = document.add("tr", to: document.add("thead", to: table))
        for title in ["Sign-in name", "Display name", "Temporary password", "Change at first sign-in"] {
            document.add("th", to: head, text: title)
        }
        let body = document.add("tbody", to: table)
        for entry in entries {
            let row = document.add("tr", to: body)
            document.add("td", to: row, text: entry.signInName)
            document.add("td", to: row, text: entry.displayName)
            document.add("td", to: row, text: entry.temporaryPassword.revealed, [("class", "secret")])
            document.add("td", to: row, text: entry.mustChangeAtFirstSignIn ? "yes" : "no")
        }
        return try document.serialized()
    }
}
