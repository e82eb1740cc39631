extension CountryProfile {
    static let germany = CountryProfile(
        code: "DE", language: "de", culture: "de-DE", topLevelDomain: "de", phonePrefix: "+49",
        companyStems: [
            "Müller & Söhne", "Bäckerei Schäfer", "Nordlicht Logistik", "Weißbach Maschinenbau",
            "Grünwald Solar",
            "Köhler Präzisionstechnik", "Rheinblick Immobilien", "Hansen Kältetechnik",
            "Alpenland Versicherung",
            "Schröder Elektro", "Fuchs & Partner Steuerberatung", "Brauerei Österle",
            "Lindner Medizintechnik",
            "Hofmann Spedition", "Kraus Holzbau",
        ].map(Name.init),
        companySuffixes: ["GmbH", "AG", "GmbH & Co. KG", "KG", "e.K."],
        cities: [
            City(name: "Berlin", region: "Berlin", postalPattern: "10###", areaCode: "30"),
            City(name: "München", region: "Bayern", postalPattern: "80###", areaCode: "89"),
            City(name: "Köln", region: "Nordrhein-Westfalen", postalPattern: "50###", areaCode: "221"),
            City(name: "Düsseldorf", region: "Nordrhein-Westfalen", postalPattern: "40###", areaCode: "211"),
            City(name: "Nürnberg", region: "Bayern", postalPattern: "90###", areaCode: "911"),
            City(
                name: "Freiburg im Breisgau", region: "Baden-Württemberg", postalPattern: "79###",
                areaCode: "761"),
            City(name: "Lübeck", region: "Schleswig-Holstein", postalPattern: "23###", areaCode: "451"),
        ],
        streets: [
            "Hauptstraße", "Bahnhofstraße", "Schloßallee", "Königsweg", "Am Güterbahnhof", "Friedrichstraße",
            "Mühlenweg", "Industriestraße",
        ],
        addressStyle: .numberAfter,
        secondLines: ["Hinterhaus, 2. OG", "Gebäude C", "z. Hd. Buchhaltung"],
        firstNames: [
            "Anna", "Jürgen", "Sören", "Lena", "Maximilian", "Björn", "Käthe", "Lukas", "Sophie", "Jörg",
            "Mia",
            "Felix", "Hannah", "Uwe", "Marie-Luise", "Tobias",
        ].map(Name.init),
        lastNames: [
            "Müller", "Schmidt", "Schäfer", "Weiß", "Groß", "Köhler", "Becker", "Hoffmann", "Krüger",
            "Wagner",
            "Schröder", "Neumann", "Zimmermann", "Böhm", "Braun", "Lange",
        ].map(Name.init),
        familyNameFirst: false,
        departments: ["Buchhaltung", "Vertrieb", "Einkauf", "Geschäftsführung", "Personal"],
        jobTitles: [
            "Geschäftsführerin", "Sachbearbeiter", "Leiterin Rechnungswesen", "Werkstudent", "Prokurist",
        ]
    )

    static let france = CountryProfile(
        code: "FR", language: "fr", culture: "fr-FR", topLevelDomain: "fr", phonePrefix: "+33",
        companyStems: [
            "Société Générale d'Équipement", "Boulangerie Lefèvre", "Château Montrésor", "Électricité Dubois",
            "Garçon & Fils", "Atelier Bérénice", "Transports Rivière", "Pâtisserie Mélanie", "Crédit Côtier",
            "Hôtellerie Beaulieu", "Océane Logistique", "Cabinet Lemaître",
        ].map(Name.init),
        companySuffixes: ["SA", "SARL", "SAS", "SCOP"],
        cities: [
            City(name: "Paris", region: "Île-de-France", postalPattern: "750##", areaCode: "1"),
            City(name: "Lyon", region: "Auvergne-Rhône-Alpes", postalPattern: "6900#", areaCode: "4"),
            City(
                name: "Marseille", region: "Provence-Alpes-Côte d'Azur", postalPattern: "130##", areaCode: "4"
            ),
            City(name: "Besançon", region: "Bourgogne-Franche-Comté", postalPattern: "25000", areaCode: "3"),
            City(name: "Nîmes", region: "Occitanie", postalPattern: "300##", areaCode: "4"),
            City(name: "Orléans", region: "Centre-Val de Loire", postalPattern: "45000", areaCode: "2"),
        ],
        streets: [
            "rue de la Paix", "avenue des Champs-Élysées", "boulevard Saint-Michel",
            "rue du Faubourg Saint-Honoré",
            "place Bellecour", "quai de la Tournelle", "rue Sainte-Cécile",
        ],
        addressStyle: .numberFirstWithComma,
        secondLines: ["Bâtiment B", "3e étage", "ZI des Près"],
        firstNames: [
            "Hélène", "François", "Zoë", "Amélie", "Jérôme", "Céline", "Benoît", "Léa", "Théo", "Maëlle",
            "Noël",
            "Chloé", "Jean-Luc", "Inès",
        ].map(Name.init),
        lastNames: [
            "Lefèvre", "Dubois", "Moreau", "Girard", "Bérard", "Rivière", "Lemaître", "Fontaine", "Mercier",
            "Gauthier", "Chevalier", "Perrin",
        ].map(Name.init),
        familyNameFirst: false,
        departments: ["Comptabilité", "Ressources humaines", "Direction générale", "Achats"],
        jobTitles: ["Directrice financière", "Chargé de clientèle", "Comptable", "Responsable informatique"]
    )

    static let spain = CountryProfile(
        code: "ES", language: "es", culture: "es-ES", topLevelDomain: "es", phonePrefix: "+34",
        companyStems: [
            "Construcciones Peña", "Viñedos Ibáñez", "Hermanos Muñoz", "Cerámicas Castellón",
            "Logística Andaluza",
            "Panadería Núñez", "Talleres Gutiérrez", "Aceites del Sur", "Clínica Begoña",
        ].map(Name.init),
        companySuffixes: ["S.A.", "S.L.", "S.L.U."],
        cities: [
            City(name: "Madrid", region: "Comunidad de Madrid", postalPattern: "280##", areaCode: "91"),
            City(name: "Barcelona", region: "Cataluña", postalPattern: "080##", areaCode: "93"),
            City(name: "Sevilla", region: "Andalucía", postalPattern: "410##", areaCode: "95"),
            City(name: "Málaga", region: "Andalucía", postalPattern: "290##", areaCode: "95"),
            City(name: "A Coruña", region: "Galicia", postalPattern: "150##", areaCode: "981"),
        ],
        streets: [
            "Calle Mayor", "Avenida de la Constitución", "Paseo de Gràcia", "Calle Alcalá", "Plaza España",
        ],
        addressStyle: .numberAfterComma,
        secondLines: ["Planta 3ª", "Local 2", "Nave 14"],
        firstNames: [
            "José", "María", "Álvaro", "Lucía", "Íñigo", "Begoña", "Sofía", "Andrés", "Nuria", "Raúl", "Inés",
            "Joaquín",
        ].map(Name.init),
        lastNames: [
            "García", "Fernández", "Muñoz", "Peña", "Ibáñez", "Núñez", "Gutiérrez", "Sánchez", "Martín",
            "Jiménez",
            "Rodríguez", "Díaz",
        ].map(Name.init),
        familyNameFirst: false,
        departments: ["Contabilidad", "Recursos Humanos", "Ventas"],
        jobTitles: ["Directora de Operaciones", "Técnico de Sistemas", "Contable"]
    )

    static let poland = CountryProfile(
        code: "PL", language: "pl", culture: "pl-PL", topLevelDomain: "pl", phonePrefix: "+48",
        companyStems: [
            "Łódzkie Zakłady Włókiennicze", "Piekarnia Wróbel", "Gdańska Stocznia Jachtowa", "Kraków Żegluga",
            "Zielona Góra Winnice", "Przedsiębiorstwo Śląsk", "Mazowiecka Logistyka", "Wrocławski Software",
        ].map(Name.init),
        companySuffixes: ["Sp. z o.o.", "S.A.", "Sp.j."],
        cities: [
            City(name: "Warszawa", region: "mazowieckie", postalPattern: "00-###", areaCode: "22"),
            City(name: "Łódź", region: "łódzkie", postalPattern: "90-###", areaCode: "42"),
            City(name: "Kraków", region: "małopolskie", postalPattern: "30-###", areaCode: "12"),
            City(name: "Gdańsk", region: "pomorskie", postalPattern: "80-###", areaCode: "58"),
            City(name: "Wrocław", region: "dolnośląskie", postalPattern: "50-###", areaCode: "71"),
        ],
        streets: [
            "ul. Piotrkowska", "ul. Długa", "ul. Świętokrzyska", "al. Jerozolimskie", "ul. Żeromskiego",
        ],
        addressStyle: .numberAfter,
        secondLines: ["lok. 4", "piętro 2"],
        firstNames: [
            "Łukasz", "Małgorzata", "Paweł", "Zofia", "Krzysztof", "Agnieszka", "Michał", "Katarzyna",
            "Wojciech",
            "Jolanta",
        ].map(Name.init),
        lastNames: [
            "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
            "Woźniak", "Dąbrowski",
        ].map(Name.init),
        familyNameFirst: false,
        departments: ["Księgowość", "Sprzedaż", "Dział IT"],
        jobTitles: ["Kierownik Sprzedaży", "Specjalista ds. IT", "Księgowa"]
    )

    static let sweden = CountryProfile(
        code: "SE", language: "sv", culture: "sv-SE", topLevelDomain: "se", phonePrefix: "+46",
        companyStems: [
            "Åkerlund Bygg|akerlundbygg", "Nordström Trävaror|nordstromtravaror",
            "Göteborgs Hamnservice|goteborgshamnservice",
            "Lindqvist & Öberg|lindqvistoberg", "Malmö Mejeri|malmomejeri",
            "Fjällräven Konsult|fjallravenkonsult",
            "Västerås Energi|vasterasenergi",
        ].map(Name.init),
        companySuffixes: ["AB", "HB"],
        cities: [
            City(name: "Stockholm", region: "Stockholms län", postalPattern: "11# ##", areaCode: "8"),
            City(name: "Göteborg", region: "Västra Götalands län", postalPattern: "41# ##", areaCode: "31"),
            City(name: "Malmö", region: "Skåne län", postalPattern: "21# ##", areaCode: "40"),
            City(name: "Umeå", region: "Västerbottens län", postalPattern: "90# ##", areaCode: "90"),
        ],
        streets: ["Drottninggatan", "Storgatan", "Kungsgatan", "Östra Hamngatan", "Sveavägen"],
        addressStyle: .numberAfter,
        secondLines: ["Box 1234", "Plan 4"],
        firstNames: [
            "Åsa|asa", "Björn|bjorn", "Märta|marta", "Sven", "Ingrid", "Göran|goran", "Linnéa|linnea",
            "Oskar",
            "Karin", "Jörgen|jorgen",
        ].map(Name.init),
        lastNames: [
            "Andersson", "Johansson", "Öberg|oberg", "Åkesson|akesson", "Lindqvist", "Nordström|nordstrom",
            "Sjöberg|sjoberg", "Karlsson", "Ekström|ekstrom", "Holm",
        ].map(Name.init),
        familyNameFirst: false,
        departments: ["Ekonomi", "Försäljning"],
        jobTitles: ["Ekonomichef", "Systemförvaltare"]
    )

    static let unitedStates = CountryProfile(
        code: "US", language: "en", culture: "en-US", topLevelDomain: "com", phonePrefix: "+1",
        companyStems: [
            "Contoso Manufacturing", "Fabrikam Health", "Blue Ridge Outfitters", "Lakeside Credit Union",
            "O'Brien Hardware", "Golden Gate Analytics", "Tailspin Freight", "Pioneer Valley Dental",
            "Redwood Legal Partners", "Liberty Bakeries",
        ].map(Name.init),
        companySuffixes: ["Inc.", "LLC", "Corp.", "Co."],
        cities: [
            City(name: "Seattle", region: "WA", postalPattern: "981##", areaCode: "206"),
            City(name: "Austin", region: "TX", postalPattern: "787##", areaCode: "512"),
            City(name: "Boston", region: "MA", postalPattern: "021##", areaCode: "617"),
            City(name: "Chicago", region: "IL", postalPattern: "606##", areaCode: "312"),
            City(name: "Denver", region: "CO", postalPattern: "802##", areaCode: "303"),
            City(name: "San José", region: "CA", postalPattern: "951##", areaCode: "408"),
        ],
        streets: ["Market Street", "Main Street", "Elm Avenue", "Peachtree Road", "Lake Shore Drive"],
        addressStyle: .numberFirst,
        secondLines: ["Suite 400", "Building B, Floor 2", "Attn: Accounts Payable"],
        firstNames: [
            "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "José", "Aaliyah", "Chloé",
            "Tyrone",
            "Siobhan", "Nguyen",
        ].map(Name.init),
        lastNames: [
            "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "O'Connor", "Nguyen", "Washington",
            "Rodriguez", "Kim", "Patel",
        ].map(Name.init),
        familyNameFirst: false,
        departments: ["Accounts Payable", "Operations, North America"],
        jobTitles: ["VP of Operations", "Director, IT Infrastructure"]
    )

    static let unitedKingdom = CountryProfile(
        code: "GB", language: "en", culture: "en-GB", topLevelDomain: "co.uk", phonePrefix: "+44",
        companyStems: [
            "Thames Valley Engineering", "Hartley & Sons", "Pennine Brewing", "Caledonian Wool",
            "Albion Insurance",
            "Fitzwilliam Estates", "Northwind Traders", "St. Ives Surveyors",
        ].map(Name.init),
        companySuffixes: ["Ltd", "PLC", "LLP"],
        cities: [
            City(name: "London", region: "Greater London", postalPattern: "EC1A #BB", areaCode: "20"),
            City(name: "Manchester", region: "Greater Manchester", postalPattern: "M# #AE", areaCode: "161"),
            City(name: "Edinburgh", region: "Scotland", postalPattern: "EH# #JY", areaCode: "131"),
            City(name: "Bristol", region: "Bristol", postalPattern: "BS# #TH", areaCode: "117"),
            City(name: "Leeds", region: "West Yorkshire", postalPattern: "LS# #AD", areaCode: "113"),
        ],
        streets: ["High Street", "Station Road", "Victoria Road", "King's Road", "Church Lane"],
        addressStyle: .numberFirst,
        secondLines: ["Unit 4", "Second Floor"],
        firstNames: [
            "Oliver", "Amelia", "Harry", "Isla", "George", "Niamh", "Rhys", "Eilidh", "Siân", "Callum",
            "Freya",
            "Aoife",
        ].map(Name.init),
        lastNames: [
            "Taylor", "Davies", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Thompson", "O'Neill",
            "MacDonald", "Hughes", "Ffion-Jones",
        ].map(Name.init),
        familyNameFirst: false,
        departments: ["Accounts", "Operations, UK & Ireland"],
        jobTitles: ["Managing Director", "Head of Operations"]
    )

    static let japan = CountryProfile(
        code: "JP", language: "ja", culture: "ja-JP", topLevelDomain: "co.jp", phonePrefix: "+81",
        companyStems: [
            "東京精密工業|tokyoseimitsu", "大阪運輸|osakaunyu", "富士山食品|fujisanshokuhin", "京都織物|kyotoorimono",
            "さくら電機|sakuradenki", "北海道乳業|hokkaidonyugyo", "横浜海運|yokohamakaiun",
        ].map(Name.init),
        companySuffixes: ["株式会社", "合同会社"],
        cities: [
            City(name: "東京都千代田区", region: "東京都", postalPattern: "100-####", areaCode: "3"),
            City(name: "大阪市北区", region: "大阪府", postalPattern: "530-####", areaCode: "6"),
            City(name: "横浜市中区", region: "神奈川県", postalPattern: "231-####", areaCode: "45"),
            City(name: "京都市下京区", region: "京都府", postalPattern: "600-####", areaCode: "75"),
            City(name: "札幌市中央区", region: "北海道", postalPattern: "060-####", areaCode: "11"),
        ],
        streets: ["丸の内", "梅田", "山下町", "烏丸通", "北一条西"],
        addressStyle: .blockNumbers,
        secondLines: ["第一ビル 5階", "本館"],
        firstNames: [
            "太郎|taro", "花子|hanako", "健太|kenta", "美咲|misaki", "翔太|shota", "結衣|yui", "大輔|daisuke",
            "さくら|sakura", "拓也|takuya", "陽菜|hina",
        ].map(Name.init),
        lastNames: [
            "山田|yamada", "佐藤|sato", "鈴木|suzuki", "高橋|takahashi", "田中|tanaka", "伊藤|ito", "渡辺|watanabe",
            "中村|nakamura", "小林|kobayashi", "加藤|kato",
        ].map(Name.init),
        familyNameFirst: true,
        departments: ["経理部", "営業部", "情報システム部"],
        jobTitles: ["部長", "課長", "システム管理者"]
    )
}
