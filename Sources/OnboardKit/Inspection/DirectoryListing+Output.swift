extension DirectoryListing {
    /// The tenants as an aligned table with a header line (for a terminal).
    public static func table(_ rows: [TenantRow]) -> String {
        TextTable(
            header: ["PREFIX", "COMPANY", "COUNTRY", "DR MODE", "USERS"],
            rightAligned: [4],
            rows: rows.map { [$0.prefix, $0.company, $0.country, $0.disasterRecoveryMode, String($0.users)] }
        ).text
    }

    /// The users as an aligned table; the default admin is marked `*` in the first column.
    public static func table(_ rows: [UserRow]) -> String {
        TextTable(
            header: ["", "USER PRINCIPAL NAME", "DISPLAY NAME", "ROLE", "SIGN-IN"],
            rightAligned: [],
            rows: rows.map {
                [
                    $0.isDefaultAdmin ? "*" : "", $0.userPrincipalName, $0.displayName,
                    $0.role.isEmpty ? "-" : $0.role, $0.isSignInBlocked ? "blocked" : "allowed",
                ]
            }
        ).text
    }

    /// The tenants as a JSON array, one object per line, keys always in this order:
    /// `prefix`, `company`, `country`, `disasterRecoveryMode`, `users`.
    public static func json(_ rows: [TenantRow]) -> String {
        jsonArray(
            rows.map {
                "{\"prefix\":\(JSONText.quoted($0.prefix)),\"company\":\(JSONText.quoted($0.company)),"
                    + "\"country\":\(JSONText.quoted($0.country)),"
                    + "\"disasterRecoveryMode\":\(JSONText.quoted($0.disasterRecoveryMode)),\"users\":\($0.users)}"
            })
    }

    /// The users as a JSON array, one object per line, keys always in this order: `tenant`,
    /// `userPrincipalName`, `displayName`, `role` (`null` when none), `signInBlocked`, `defaultAdmin`.
    public static func json(_ rows: [UserRow]) -> String {
        jsonArray(
            rows.map {
                "{\"tenant\":\(JSONText.quoted($0.tenant)),"
                    + "\"userPrincipalName\":\(JSONText.quoted($0.userPrincipalName)),"
                    + "\"displayName\":\(JSONText.quoted($0.displayName)),"
                    + "\"role\":\($0.role.isEmpty ? "null" : JSONText.quoted($0.role)),"
                    + "\"signInBlocked\":\($0.isSignInBlocked),\"defaultAdmin\":\($0.isDefaultAdmin)}"
            })
    }

    private static func jsonArray(_ objects: [String]) -> String {
        objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

/// Columns padded to their widest cell, two spaces apart, no trailing spaces.
struct TextTable {
    var header: [String]
    var rightAligned: Set<Int>
    var rows: [[String]]

    var text: String {
        // Control characters in a name would break the layout (or a terminal): show them as `?`.
        let cells = ([header] + rows).map { $0.map(Self.printable) }
        var widths = Array(repeating: 0, count: header.count)
        for row in cells {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        let lines = cells.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column > 0 { line += "  " }
                line += rightAligned.contains(column) ? padding + cell : cell + padding
            }
            return String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
