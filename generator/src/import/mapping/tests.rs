use super::*;
use crate::load::tables::VENUES;

const DESIGN_EXAMPLE: &str = r#"[source]
name = "museofile"
key = "Identifiant"
sheet = "Feuil1"
[filter]
Ville = ["Paris"]
[columns]
name = "Nom_officiel"
address = "{Adresse} {Lieu}"
"lat,lon" = "Coordonnees"
kind = { from = "Categorie", map = { "Ecomusée" = "museum" }, default = "museum" }
[defaults]
city = "Paris"
"#;

// DESIGN.md's example mapping parses into its parts.
#[test]
fn design_example_parses() {
    let mut d = Diagnostics::default();
    let m = Mapping::parse(DESIGN_EXAMPLE, "m.toml", &VENUES, "x", &mut d).expect("parses");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(m.name, "museofile");
    assert_eq!(m.key.as_ref().map(|k| k.0.as_str()), Some("Identifiant"));
    assert_eq!(m.sheet.as_ref().map(|s| (s.0.as_str(), s.1)), Some(("Feuil1", (4, 9))));
    assert_eq!(m.filters[0].values, ["Paris"]);
    assert!(m.columns.iter().any(|r| r.target == Target::LatLon));
    let address = m.columns.iter().find(|r| r.target == Target::Field("address")).expect("address");
    let Value::Template(pieces) = &address.value else { panic!("a template") };
    assert_eq!(
        pieces,
        &[Piece::Column("Adresse".into()), Piece::Text(" ".into()), Piece::Column("Lieu".into())]
    );
    assert_eq!(m.defaults, [("city", "Paris".to_owned(), (13, 1))]);
}

// A canonical column the table lacks, an unknown section and bad TOML point into the file.
#[test]
fn mistakes_have_a_line_and_column() {
    let mut d = Diagnostics::default();
    let m = Mapping::parse("[columns]\nnom = \"A\"\ntitel = \"B\"\n", "m.toml", &VENUES, "x", &mut d);
    assert_eq!(m.map(|m| m.columns.len()), Some(1), "the good rule is kept, the bad one reported");
    let first = d.iter().next().expect("one");
    assert_eq!((first.line, first.column), (3, 1));
    assert!(first.message.contains("no column `titel`"), "{first:?}");
    let mut d = Diagnostics::default();
    assert!(Mapping::parse("[colums]\nname = \"A\"\n", "m.toml", &VENUES, "x", &mut d).is_none());
    assert_eq!(d.iter().next().map(|x| x.line), Some(1));
    let mut d = Diagnostics::default();
    assert!(Mapping::parse("[columns]\nname = \n", "m.toml", &VENUES, "x", &mut d).is_none());
    assert_eq!(d.iter().next().map(|x| x.line), Some(2));
}
