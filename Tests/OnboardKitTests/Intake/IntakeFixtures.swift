import CSVStream
import OnboardCore

@testable import OnboardKit

/// Rows and tenants for intake tests, built from header and field lists as a CSV file would give them.
enum IntakeFixtures {
    static let customersHeader = [
        "domain_prefix", "company", "country", "contact_first_name", "contact_last_name", "contact_email",
        "language", "culture", "dr_mode", "domains",
    ]
    static let usersHeader = [
        "tenant", "user_principal_name", "display_name", "first_name", "last_name", "usage_location", "role",
        "block_sign_in", "password",
    ]

    /// A data row of a file with `header`, at `line`.
    static func row(
        _ header: [String], _ fields: [String], line: Int = 2, file: String = "in.csv",
        preamble: [String]? = nil
    ) throws -> IntakeRow {
        let mapping = try HeaderMapping.detect(header: header, preamble: preamble)
        return IntakeRow(
            file: file,
            record: CSVRecord(fields: fields, position: CSVPosition(line: line, record: line, byteOffset: 0)),
            mapping: mapping)
    }

    /// A customers.csv row from a dictionary of the columns that matter; the rest are valid defaults.
    static func customer(_ values: [String: String] = [:], line: Int = 2) throws -> IntakeRow {
        let defaults = [
            "domain_prefix": "contoso", "company": "Contoso Ltd", "country": "DE",
            "contact_first_name": "Anna",
            "contact_last_name": "Schmidt", "contact_email": "anna@contoso.de", "language": "de",
            "culture": "",
            "dr_mode": "managed", "domains": "contoso.de",
        ]
        let merged = defaults.merging(values) { $1 }
        return try row(customersHeader, customersHeader.map { merged[$0] ?? "" }, line: line)
    }

    /// A users.csv row from a dictionary of the columns that matter; the rest are valid defaults.
    static func user(_ values: [String: String] = [:], line: Int = 2, file: String = "users.csv") throws
        -> IntakeRow
    {
        let defaults = [
            "tenant": "contoso", "user_principal_name": "alice@contoso.de", "display_name": "Alice Meyer",
            "role": "Contributor", "block_sign_in": "no",
        ]
        let merged = defaults.merging(values) { $1 }
        return try row(usersHeader, usersHeader.map { merged[$0] ?? "" }, line: line, file: file)
    }

    /// A catalog holding contoso (managed, with contoso.de) and fabrikam (self-service).
    static var tenants: TenantCatalog {
        var catalog = TenantCatalog()
        catalog.add(tenant([:]))
        catalog.add(
            tenant([
                "domain_prefix": "fabrikam", "company": "Fabrikam", "dr_mode": "self-service", "domains": "",
            ]))
        return catalog
    }

    /// A tenant made by the core from a customers.csv row (valid defaults overridden by `values`).
    static func tenant(_ values: [String: String]) -> CustomerTenant {
        CustomerTenant(CustomerValidator.check(try! customer(values)).draft!)
    }

    /// The codes of the findings, in order.
    static func codes(_ findings: RowFindings) -> [String] { findings.items.map(\.code) }
}
