/// What makes a sample customer from one country look real: its language and culture, company names,
/// cities and streets, people's names and how addresses and phone numbers are written there.
struct CountryProfile: Sendable {
    /// A name as shown, and its ASCII form for domains and mail addresses.
    struct Name: Sendable {
        var display: String
        var ascii: String

        /// `"山田|yamada"` gives an explicit romanization; otherwise the ASCII form is folded from the name.
        init(_ entry: String) {
            let parts = entry.split(separator: "|", maxSplits: 1).map(String.init)
            display = parts[0]
            ascii = parts.count == 2 ? parts[1] : ASCIIFolding.mailPart(parts[0])
        }
    }

    struct City: Sendable {
        var name: String
        var region: String
        /// `#` stands for a random digit: `10###`.
        var postalPattern: String
        var areaCode: String
    }

    /// Where the house number goes.
    enum AddressStyle: Sendable {
        /// `Hauptstraße 12`
        case numberAfter
        /// `12, rue de la Paix` (a comma: the field is quoted)
        case numberFirstWithComma
        /// `Calle Mayor, 12`
        case numberAfterComma
        /// `1200 Market Street`
        case numberFirst
        /// `丸の内1-12-3`
        case blockNumbers
    }

    var code: String
    var language: String
    var culture: String
    var topLevelDomain: String
    var phonePrefix: String
    var companyStems: [Name]
    var companySuffixes: [String]
    var cities: [City]
    var streets: [String]
    var addressStyle: AddressStyle
    /// Second address lines (`Hinterhaus, 2. OG`), written after a line break inside the field.
    var secondLines: [String]
    var firstNames: [Name]
    var lastNames: [Name]
    /// Whether a display name is written family name first (`山田 太郎`).
    var familyNameFirst: Bool
    /// Departments and job titles in the local language, mixed with the English ones.
    var departments: [String]
    var jobTitles: [String]

    /// Job titles and departments of international companies, used in every country.
    static let englishDepartments = [
        "Finance", "IT", "IT Operations", "Human Resources", "Sales", "Marketing", "Legal", "Procurement",
        "R&D, Europe", "Customer Success", "Engineering", "Logistics", "Facilities", "Sales, EMEA",
        "Quality Assurance", "Executive Office",
    ]
    static let englishJobTitles = [
        "Accountant", "IT Administrator", "Software Engineer", "Sales Manager", "Account Executive",
        "HR Business Partner", "Office Manager", "Chief Financial Officer", "Project Manager",
        "Data Analyst", "Support Engineer", "Head of IT", "Controller", "Marketing Specialist",
        "Operations Lead", "Cloud Architect", "Legal Counsel", "Buyer", "Team Lead, Backup & Recovery",
        "Working Student",
    ]

    /// The country profiles, in the order the generator cycles through them.
    static let all: [CountryProfile] = [
        .germany, .france, .spain, .poland, .sweden, .unitedStates, .unitedKingdom, .japan,
    ]
}
