//! The tables `load` knows: their file names, their columns and each column's aliases.
//!
//! Names are compared folded (case, accents and space/underscore/hyphen ignored, see
//! [`fold`](passerelle_index::fold::key)), so `Mis à jour le` matches `mis_à_jour_le`.
//! data/README.md documents the same lists: keep the two in step. (Accented spellings of a
//! name, such as `âge_min`, need no alias: they fold to the name.)

/// One column of a table: its canonical English name and the other names it accepts.
#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// A table without this column cannot be loaded meaningfully: error at the header.
    pub required: bool,
}

const fn col(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column { name, aliases, required: false }
}

const fn req(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column { name, aliases, required: true }
}

/// One table: its file names (without `.csv`) and columns.
#[derive(Debug)]
pub struct Table {
    /// Canonical name, also the file name: `offers`.
    pub name: &'static str,
    /// Other accepted file names: `offres`, `actions`.
    pub aliases: &'static [&'static str],
    /// A charter cannot exist without it: a missing file is an error.
    pub required: bool,
    pub columns: &'static [Column],
}

impl Table {
    /// Every name a column of this table may have, for "did you mean".
    pub fn column_names(&self) -> impl Iterator<Item = &'static str> {
        self.columns.iter().flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
    }
}

const ID: Column = req("id", &["identifiant"]);
const NAME: Column = req("name", &["nom"]);
const CITY: Column = col("city", &["ville"]);
const SUMMARY: Column = col("summary", &["résumé"]);
const DESCRIPTION: Column = col("description", &[]);
const LAT: Column = col("lat", &["latitude"]);
const LON: Column = col("lon", &["longitude", "lng"]);
const KIND: Column = req("kind", &["type"]);
const DISTRICT: Column = col("district", &["quartier"]);
const ADDRESS: Column = col("address", &["adresse"]);
const POSTCODE: Column = col("postcode", &["code_postal"]);
const WEBSITE: Column = col("website", &["site", "site_web"]);
const UPDATED_ON: Column = col("updated_on", &["mis_à_jour_le"]);
const ACCESSIBILITY: Column = col("accessibility", &["accessibilité"]);
const STARTS_ON: Column = col("starts_on", &["début"]);
const ENDS_ON: Column = col("ends_on", &["fin"]);
/// Provenance, written by `passerelle import`: `museofile:M0003` (source name, source key).
const SOURCE: Column = col("source", &["provenance"]);

pub const VOCABULARY: Table = Table {
    name: "vocabulary",
    aliases: &["vocabulaire"],
    required: false,
    columns: &[
        req("group", &["groupe"]),
        req("code", &[]),
        req("label_fr", &["libellé_fr"]),
        col("label_en", &["libellé_en"]),
    ],
};

pub const DISTRICTS: Table = Table {
    name: "districts",
    aliases: &["quartiers"],
    required: true,
    columns: &[ID, NAME, CITY, SUMMARY, LAT, LON, col("population", &[]), col("priority", &["prioritaire"])],
};

pub const OPERATORS: Table = Table {
    name: "operators",
    aliases: &["acteurs"],
    required: true,
    columns: &[
        ID,
        NAME,
        KIND,
        DISTRICT,
        ADDRESS,
        POSTCODE,
        CITY,
        LAT,
        LON,
        WEBSITE,
        col("email", &["courriel", "e-mail"]),
        col("phone", &["téléphone"]),
        SUMMARY,
        DESCRIPTION,
        col("signed_charter_on", &["signataire_le"]),
        UPDATED_ON,
        SOURCE,
    ],
};

pub const VENUES: Table = Table {
    name: "venues",
    aliases: &["lieux", "équipements"],
    required: false,
    columns: &[
        ID,
        NAME,
        KIND,
        DISTRICT,
        ADDRESS,
        POSTCODE,
        CITY,
        req("lat", &["latitude"]),
        req("lon", &["longitude", "lng"]),
        col("operator", &["porteur", "gestionnaire", "opérateur"]),
        ACCESSIBILITY,
        col("opening_hours", &["horaires"]),
        WEBSITE,
        UPDATED_ON,
        SOURCE,
    ],
};

pub const OFFERS: Table = Table {
    name: "offers",
    aliases: &["offres", "actions"],
    required: true,
    columns: &[
        ID,
        req("title", &["titre"]),
        req("operator", &["porteur"]),
        col("partners", &["partenaires"]),
        col("disciplines", &[]),
        col("audiences", &["publics"]),
        col("age_min", &[]),
        col("age_max", &[]),
        col("districts", &["quartiers"]),
        col("venue", &["lieu"]),
        STARTS_ON,
        ENDS_ON,
        col("schedule", &["horaire"]),
        col("days", &["jours"]),
        col("start_time", &["heure_début"]),
        col("end_time", &["heure_fin"]),
        col("dates", &[]),
        col("except", &["sauf"]),
        col("price", &["tarif"]),
        col("price_detail", &["détail_tarif"]),
        col("booking", &["réservation"]),
        ACCESSIBILITY,
        col("languages", &["langues"]),
        req("summary", &["résumé"]),
        DESCRIPTION,
        col("status", &["statut"]),
        UPDATED_ON,
        SOURCE,
    ],
};

pub const PARTNERSHIPS: Table = Table {
    name: "partnerships",
    aliases: &["partenariats"],
    required: false,
    columns: &[
        ID,
        req("title", &["titre"]),
        req("operators", &["acteurs", "opérateurs"]),
        col("offers", &["offres", "actions"]),
        col("districts", &["quartiers"]),
        STARTS_ON,
        ENDS_ON,
        SUMMARY,
        DESCRIPTION,
    ],
};

pub const DRAWS: Table = Table {
    name: "draws",
    aliases: &["tirages"],
    required: false,
    columns: &[
        ID,
        req("title", &["titre"]),
        SUMMARY,
        col("announced_on", &["annoncé_le"]),
        col("seed_source", &["source_aléa", "source_du_hasard"]),
        col("seed_on", &["aléa_le", "date_aléa"]),
        col("seed", &["aléa", "graine"]),
        col("group_size", &["taille_groupes", "taille_groupe"]),
        col("groups", &["groupes", "nombre_groupes"]),
        col("balance", &["équilibre", "mixité"]),
        col("confirm_by", &["confirmer_avant", "confirmer_le"]),
        ENDS_ON,
        col("pool_sha256", &["empreinte_vivier", "sha256_vivier"]),
    ],
};

pub const VOLUNTEERS: Table = Table {
    name: "volunteers",
    aliases: &["volontaires"],
    required: false,
    columns: &[
        req("draw", &["tirage"]),
        req("operator", &["acteur", "opérateur"]),
        col("registered_on", &["inscrit_le"]),
        col("status", &["statut"]),
        col("group", &["groupe"]),
        col("replaces", &["remplace"]),
    ],
};

pub const REQUESTS: Table = Table {
    name: "requests",
    aliases: &["demandes"],
    required: false,
    columns: &[
        ID,
        req("district", &["quartier"]),
        col("received_on", &["reçue_le", "reçu_le"]),
        col("via", &["par", "canal"]),
        col("topic", &["thème", "sujet"]),
        req("request", &["demande"]),
        col("addressed_to", &["adressée_à", "destinataire"]),
        col("status", &["statut"]),
        col("relayed_on", &["relayée_le"]),
        col("answer", &["réponse"]),
        col("answered_on", &["répondue_le", "réponse_le"]),
        UPDATED_ON,
    ],
};

/// Every table, in load order (vocabulary first: other tables' codes depend on it).
pub const HOLIDAYS: Table = Table {
    name: "holidays",
    aliases: &["vacances", "congés"],
    required: false,
    columns: &[ID, NAME, req("starts_on", &["début"]), ENDS_ON, req("kind", &["type"])],
};

/// Every table, in load order (vocabulary first: other tables' codes depend on it).
pub const ALL: [&Table; 10] = [
    &VOCABULARY,
    &DISTRICTS,
    &OPERATORS,
    &VENUES,
    &OFFERS,
    &PARTNERSHIPS,
    &HOLIDAYS,
    &DRAWS,
    &VOLUNTEERS,
    &REQUESTS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use passerelle_index::fold::key as fold;
    use std::collections::HashSet;

    // Within a table no two columns share a folded name (an alias would be ambiguous).
    #[test]
    fn column_names_are_unambiguous() {
        for table in ALL {
            let mut seen = HashSet::new();
            for name in table.column_names() {
                assert!(seen.insert(fold(name)), "{}: {name}", table.name);
            }
        }
    }

    // No two tables share a folded file name.
    #[test]
    fn file_names_are_unambiguous() {
        let mut seen = HashSet::new();
        for table in ALL {
            for name in std::iter::once(table.name).chain(table.aliases.iter().copied()) {
                assert!(seen.insert(fold(name)), "{name}");
            }
        }
    }
}
