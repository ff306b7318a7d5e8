//! The demo lender's people and shops: countries, names and merchants to draw from when seeding.

use fairdesk_ledger::Currency;

pub struct Country {
    pub code: &'static str,
    pub language: &'static str,
    pub currency: Currency,
    pub first_names: &'static [&'static str],
    pub last_names: &'static [&'static str],
    pub merchants: &'static [&'static str],
}

pub const COUNTRIES: &[Country] = &[
    Country {
        code: "SE",
        language: "sv",
        currency: Currency::SEK,
        first_names: &[
            "Astrid", "Erik", "Maja", "Oskar", "Elsa", "Lars", "Ingrid", "Nils",
        ],
        last_names: &[
            "Lindqvist",
            "Johansson",
            "Andersson",
            "Berg",
            "Nyström",
            "Åkesson",
        ],
        merchants: &[
            "Nordic Shoes AB",
            "Hemma Inredning",
            "Elektronikhuset",
            "Fjällsport",
        ],
    },
    Country {
        code: "NO",
        language: "nb",
        currency: Currency::NOK,
        first_names: &[
            "Ingrid", "Ola", "Kari", "Henrik", "Sigrid", "Jonas", "Solveig",
        ],
        last_names: &["Hansen", "Olsen", "Berg", "Haugen", "Dahl", "Sørensen"],
        merchants: &["Fjord Friluft AS", "Bergen Elektro", "Nordlys Mote"],
    },
    Country {
        code: "DK",
        language: "da",
        currency: Currency::DKK,
        first_names: &["Mette", "Søren", "Freja", "Mads", "Ida", "Rasmus"],
        last_names: &["Nielsen", "Jensen", "Pedersen", "Kristensen", "Møller"],
        merchants: &["Hygge Hjem ApS", "København Cykler", "Dansk Design Butik"],
    },
    Country {
        code: "FI",
        language: "fi",
        currency: Currency::EUR,
        first_names: &["Aino", "Eero", "Helmi", "Juho", "Venla", "Mikko"],
        last_names: &["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine"],
        merchants: &["Sauna & Koti Oy", "Helsinki Urheilu"],
    },
    Country {
        code: "DE",
        language: "de",
        currency: Currency::EUR,
        first_names: &["Lena", "Jonas", "Mia", "Lukas", "Hannah", "Felix", "Jürgen"],
        last_names: &[
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Becker",
        ],
        merchants: &["Berliner Schuhhaus GmbH", "Technikwelt", "Gartenfreund"],
    },
    Country {
        code: "NL",
        language: "nl",
        currency: Currency::EUR,
        first_names: &["Sanne", "Daan", "Fleur", "Bram", "Lotte", "Ruben"],
        last_names: &["de Jong", "Jansen", "de Vries", "van Dijk", "Bakker"],
        merchants: &["Fietsenwinkel Amsterdam", "Huis & Tuin BV"],
    },
    Country {
        code: "PL",
        language: "pl",
        currency: Currency::PLN,
        first_names: &["Zofia", "Jakub", "Julia", "Kacper", "Maja", "Wojciech"],
        last_names: &["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamiński"],
        merchants: &["Sklep Sportowy Warszawa", "Elektro Kraków"],
    },
    Country {
        code: "FR",
        language: "fr",
        currency: Currency::EUR,
        first_names: &["Camille", "Louis", "Chloé", "Hugo", "Léa", "Mathis"],
        last_names: &["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau"],
        merchants: &["Maison Lumière", "Chaussures Paris"],
    },
    Country {
        code: "ES",
        language: "es",
        currency: Currency::EUR,
        first_names: &["Lucía", "Hugo", "Martina", "Pablo", "Sofía", "Álvaro"],
        last_names: &["García", "Fernández", "López", "Martínez", "Sánchez"],
        merchants: &["Moda Madrid", "Electro Barcelona"],
    },
    Country {
        code: "GB",
        language: "en",
        currency: Currency::GBP,
        first_names: &["Olivia", "George", "Amelia", "Harry", "Isla", "Oliver"],
        last_names: &["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans"],
        merchants: &["London Outdoor Ltd", "Bristol Home Goods", "Camden Records"],
    },
    Country {
        code: "US",
        language: "en",
        currency: Currency::USD,
        first_names: &["Emma", "Liam", "Ava", "Noah", "Sophia", "Ethan"],
        last_names: &["Johnson", "Williams", "Miller", "Davis", "Garcia"],
        merchants: &["Brooklyn Bikes", "Sunset Electronics", "Prairie Outfitters"],
    },
];

/// Typical purchase sizes in major units: small for pay-in-4/30, larger for financing. Currencies with
/// small units (SEK, NOK, DKK, PLN) scale up so that purchases are comparable in value.
pub fn major_scale(currency: Currency) -> i64 {
    match currency {
        Currency::SEK | Currency::NOK | Currency::DKK => 10,
        Currency::PLN => 4,
        Currency::EUR | Currency::GBP | Currency::USD => 1,
    }
}

pub const ITEMS: &[&str] = &[
    "Running shoes",
    "Winter jacket",
    "Headphones",
    "Sofa",
    "Bicycle",
    "Laptop",
    "Coffee machine",
    "Dining table",
    "Smartphone",
    "Tent and sleeping bags",
];
