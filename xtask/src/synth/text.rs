//! French-ish words and sentences: names, titles, summaries and Markdown descriptions of a
//! realistic length, all drawn from small banks by the seeded generator.

use super::rng::Rng;

/// Liège districts (the first ones are the shipped charter's).
pub const DISTRICTS: &[&str] = &[
    "Bressoux",
    "Droixhe",
    "Outremeuse",
    "Saint-Léonard",
    "Amercœur",
    "Longdoz",
    "Vennes",
    "Fétinne",
    "Guillemins",
    "Laveu",
    "Sainte-Marguerite",
    "Sainte-Walburge",
    "Saint-Laurent",
    "Cointe",
    "Sclessin",
    "Angleur",
    "Chênée",
    "Grivegnée",
    "Jupille",
    "Wandre",
    "Rocourt",
    "Glain",
    "Coronmeuse",
    "Burenville",
    "Kinkempois",
    "Thier-à-Liège",
    "Avroy",
    "Sart-Tilman",
];

pub const POSTCODES: &[&str] = &["4000", "4020", "4030", "4031", "4032"];

const STREETS: &[&str] = &[
    "rue Puits-en-Sock",
    "rue de Visé",
    "quai de la Boverie",
    "rue Natalis",
    "rue Lamarck",
    "boulevard de la Constitution",
    "rue Jean d'Outremeuse",
    "place Théodore Gobert",
    "rue Saint-Léonard",
    "rue de Porto",
    "rue du Moulin",
    "rue Ernest Solvay",
    "rue Vivegnis",
    "quai de Coronmeuse",
    "rue des Vennes",
    "rue du Laveu",
    "avenue de l'Observatoire",
    "rue Grétry",
    "rue de Herve",
    "rue Winston Churchill",
    "place du Marché",
    "rue Haute-Sauvenière",
    "rue des Bonnes-Villes",
    "rue Fraischamps",
    "quai Mativa",
    "rue de Fétinne",
    "rue Basse-Wez",
];

const FIRST_NAMES: &[&str] = &[
    "Léa", "Camille", "Youssef", "Nadia", "Thomas", "Inès", "Marc", "Aïcha", "Julien", "Sofia", "Mehdi",
    "Claire", "Lucas", "Fatou", "Pierre", "Emma", "Karim", "Élise", "Hugo", "Zoé",
];

const LAST_NAMES: &[&str] = &[
    "Dumont", "Lambert", "Martin", "Dubois", "Peeters", "Janssens", "Benali", "Renard", "Lejeune", "Collard",
    "Denis", "Lemaire", "Hermans", "Mathieu", "Bertrand", "Ramos", "Yilmaz", "Diallo",
];

const NOUNS: &[&str] = &[
    "Racines",
    "Passerelles",
    "Ricochets",
    "Lucioles",
    "Tisserands",
    "Voisins",
    "Rives",
    "Ponts",
    "Ruelles",
    "Escaliers",
    "Jardins",
    "Tambours",
    "Cerfs-volants",
    "Marelles",
    "Échos",
    "Couleurs",
    "Coquelicots",
    "Chantiers",
    "Fenêtres",
    "Moissons",
];

/// Topics per discipline code: what an offer of that discipline is about.
pub fn topics(discipline: &str) -> &'static [&'static str] {
    match discipline {
        "music" => &[
            "percussions",
            "chant choral",
            "guitare",
            "beatbox",
            "musiques du monde",
            "fanfare",
            "éveil musical",
            "rap",
        ],
        "theatre" => {
            &["théâtre d'improvisation", "théâtre-forum", "marionnettes", "clown", "théâtre d'objets"]
        }
        "dance" => &["danse urbaine", "hip-hop", "danse contemporaine", "danses du monde", "bal folk"],
        "visual_arts" => {
            &["peinture", "dessin", "fresque murale", "sculpture", "gravure", "collage", "street art"]
        }
        "reading" => &[
            "heure du conte",
            "club de lecture",
            "bébés lecteurs",
            "lecture partagée",
            "bibliothèque de rue",
        ],
        "writing" => &["écriture", "slam", "poésie", "bande dessinée", "récit de vie", "journal de quartier"],
        "cinema" => &["ciné-club", "court métrage", "cinéma d'animation", "ciné-débat", "vidéo mobile"],
        "photography" => &["photographie", "sténopé", "portrait", "photo argentique", "reportage photo"],
        "heritage" => &["patrimoine", "histoire du quartier", "mémoire ouvrière", "architecture", "archives"],
        "digital" => &["code", "jeu vidéo", "fablab", "création numérique", "robotique", "podcast"],
        "circus" => &["jonglerie", "acrobatie", "arts du cirque", "équilibre", "trapèze"],
        "crafts" => &["couture", "céramique", "menuiserie", "vannerie", "tricot", "réparation"],
        _ => &["arts croisés", "festival de quartier", "carnaval", "fête des voisins", "laboratoire créatif"],
    }
}

const FORMATS: &[&str] = &[
    "Atelier",
    "Stage",
    "Cycle",
    "Rencontres",
    "Initiation",
    "Parcours",
    "Club",
    "Labo",
    "Scène ouverte",
    "Résidence",
    "Découverte",
    "Cours",
];

const QUALIFIERS: &[&str] = &[
    "pour les 6–12 ans",
    "en famille",
    "du mercredi",
    "intergénérationnel",
    "au parc",
    "entre voisins",
    "pour ados",
    "des seniors",
    "du samedi matin",
    "d'été",
    "d'hiver",
    "hors les murs",
];

const CATCHY: &[&str] = &[
    "Les mains dans la terre",
    "Quartier en scène",
    "Voix du quartier",
    "Sur le pont",
    "Ça tourne !",
    "Mots croisés",
    "Traits d'union",
    "La tête dans les nuages",
    "Rives et ruelles",
    "Fil rouge",
    "À deux pas",
    "Portes ouvertes",
];

/// An offer's title, about `topic`.
pub fn offer_title(topic: &str, district: &str, rng: &mut Rng) -> String {
    let format = rng.pick(FORMATS);
    let title = match rng.below(5) {
        0 | 1 => format!("{format} {topic}"),
        2 => format!("{format} {topic} {}", rng.pick(QUALIFIERS)),
        3 => format!("{format} {topic} à {district}"),
        _ => format!("{} : {} {topic}", rng.pick(CATCHY), format.to_lowercase()),
    };
    capitalize(&title)
}

/// An offer's one-sentence summary.
pub fn offer_summary(topic: &str, audience: &str, district: &str, rng: &mut Rng) -> String {
    let s = match rng.below(4) {
        0 => format!("Découvrir {topic} en petit groupe, près de chez soi, à {district}."),
        1 => format!("Un rendez-vous régulier autour de {topic} pour le public {audience}."),
        2 => format!("Pratiquer {topic} avec des artistes du quartier, sans prérequis."),
        _ => format!("Des séances de {topic} ouvertes à tous, encadrées par des professionnels."),
    };
    s
}

const OPENINGS: &[&str] = &[
    "Chaque semaine, {op} invite les habitants de {d} à découvrir {t} dans une ambiance conviviale.",
    "Le projet est né d'une envie partagée par plusieurs associations de {d} : faire se rencontrer les générations autour de {t}.",
    "Avec {op}, on apprend {t} pas à pas, en partant de ce que chacun sait déjà faire.",
    "Pendant une saison, un groupe d'habitants de {d} explore {t} avec une équipe d'artistes.",
];

const MIDDLES: &[&str] = &[
    "Cet atelier est ouvert à toutes et à tous, sans prérequis : il suffit de venir avec sa curiosité.",
    "Encadré par des artistes professionnels, le groupe avance à son rythme et construit un projet commun.",
    "Les séances alternent moments d'écoute, essais pratiques et échanges autour des réalisations de chacun.",
    "Aucun matériel n'est demandé : instruments, outils et fournitures sont prêtés sur place.",
    "Les participants choisissent ensemble le thème de l'année, souvent inspiré par l'histoire du quartier.",
];

const PRACTICAL: &[&str] = &[
    "Les inscriptions se font à l'accueil ou par téléphone ; les places sont limitées à quinze participants.",
    "Une restitution publique est prévue en fin de cycle, **ouverte aux familles et aux voisins**.",
    "Le lieu est accessible en bus (lignes 4 et 17, arrêt {d}).",
    "Un goûter est offert à la fin de chaque séance, préparé avec l'épicerie solidaire voisine.",
    "Les enfants de moins de huit ans viennent accompagnés d'un adulte.",
];

fn fill(template: &str, op: &str, d: &str, t: &str) -> String {
    template.replace("{op}", op).replace("{d}", d).replace("{t}", t)
}

/// An offer's Markdown description: two or three paragraphs, about 400 characters on average.
pub fn offer_description(topic: &str, operator: &str, district: &str, rng: &mut Rng) -> String {
    let n_middles = rng_count(rng, 0.5);
    let middles = rng.distinct(MIDDLES.len(), n_middles);
    let mut first = fill(rng.pick(OPENINGS), operator, district, topic);
    for m in middles {
        first.push(' ');
        first.push_str(MIDDLES[m]);
    }
    let mut paragraphs = vec![first];
    if rng.chance(0.25) {
        paragraphs.push(format!(
            "Au programme :\n\n- découverte de {topic} ;\n- création collective ;\n- présentation aux proches."
        ));
    }
    let n_practical = rng_count(rng, 0.4);
    let practical: Vec<String> = rng
        .distinct(PRACTICAL.len(), n_practical)
        .into_iter()
        .map(|p| fill(PRACTICAL[p], operator, district, topic))
        .collect();
    paragraphs.push(practical.join(" "));
    paragraphs.join("\n\n")
}

/// One, or two with probability `p`.
fn rng_count(rng: &mut Rng, p: f64) -> usize {
    1 + usize::from(rng.chance(p))
}

/// An operator's name for its `kind` (a code of `operator_kind`).
pub fn operator_name(kind: &str, district: &str, rng: &mut Rng) -> String {
    let noun = rng.pick(NOUNS);
    match kind {
        "association" => match rng.below(6) {
            0 => format!("Maison des jeunes de {district}"),
            1 => format!("Asbl Les {noun}"),
            2 => format!("Les {noun} de {district}"),
            3 => format!("Atelier des {noun}"),
            4 => format!("Amicale des {noun} — {district}"),
            _ => format!("Comité de quartier de {district}"),
        },
        "institution" => match rng.below(3) {
            0 => format!("Centre culturel de {district}"),
            1 => format!("Théâtre des {noun}"),
            _ => format!("Musée des {noun}"),
        },
        "public_service" => match rng.below(2) {
            0 => format!("Bibliothèque communale de {district}"),
            _ => format!("Plan de cohésion sociale — antenne {district}"),
        },
        "school" => format!("École communale de {district} {}", rng.range(1, 9)),
        "housing" => format!("Logis des {noun}"),
        "company" => format!("{} des {noun}", rng.pick(&["Studio", "Imprimerie", "Brasserie", "Librairie"])),
        "collective" => format!("Collectif {noun} {}", rng.pick(LAST_NAMES)),
        _ => format!("{} {}, artiste", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)),
    }
}

/// An operator's one-sentence summary.
pub fn operator_summary(kind_label: &str, district: &str) -> String {
    format!("{kind_label} active à {district} depuis de nombreuses années, signataire de la charte.")
}

/// An operator's Markdown description (one or two paragraphs).
pub fn operator_description(name: &str, district: &str, rng: &mut Rng) -> String {
    let mut text = format!(
        "{name} accompagne les habitants de {district} dans leurs projets culturels et ouvre ses portes aux écoles et aux associations voisines."
    );
    if rng.chance(0.5) {
        text.push_str("\n\nSon équipe propose des ateliers toute l'année et **prête ses locaux** aux collectifs du quartier.");
    }
    text
}

/// A venue's name for its `kind` (a code of `venue_kind`).
pub fn venue_name(kind: &str, district: &str, rng: &mut Rng) -> String {
    let noun = rng.pick(NOUNS);
    match kind {
        "library" => format!("Bibliothèque de {district}"),
        "media_library" => format!("Médiathèque des {noun}"),
        "conservatory" => format!("Conservatoire — site de {district}"),
        "theatre" => format!("Théâtre des {noun}"),
        "cinema" => format!("Cinéma Le {noun}"),
        "museum" => format!("Musée des {noun}"),
        "community_centre" => format!("Maison de quartier de {district}"),
        "sports_hall" => format!("Salle omnisports de {district}"),
        "school" => format!("École communale de {district}"),
        "park" => format!("Parc des {noun}"),
        "outdoor" => format!("Esplanade de {district}"),
        _ => format!("Salle des {noun}"),
    }
}

/// A partnership's title.
pub fn partnership_title(a: &str, b: &str, topic: &str, rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("{a} × {b}"),
        1 => capitalize(&format!("{} : {topic} en partage", rng.pick(CATCHY))),
        _ => capitalize(&format!("{topic} entre {a} et {b}")),
    }
}

/// A postal address in `district`.
pub fn address(rng: &mut Rng) -> String {
    capitalize(&format!("{} {}", rng.pick(STREETS), rng.range(1, 240)))
}

/// `text` with its first letter in upper case.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A slug (`[a-z0-9-]+`) of `text`: the workspace's one, from the shared crate.
pub use passerelle_index::fold::slug;
