//! The same charter as a Hugo 0.111 project, so that Hugo renders the same pages from the same
//! records (generating the project is not timed; `hugo` is).
//!
//! Hugo 0.111 has no content adapters, so each record becomes a content file with front matter:
//! offers and partnerships are regular pages (`content/offers/<id>.md`, …); operators, venues and
//! districts are taxonomies whose term pages carry the record (`content/operators/<id>/_index.md`),
//! which is Hugo's idiomatic, indexed way to list "the offers of this operator" on its page.
//! Linked names are looked up with `site.GetPage`, vocabulary labels in a data file. Pages:
//! home, offers/ + one per offer, operators/ (A–Z) + one per operator, venues/ + one per venue,
//! districts/ + one per district, partnerships/ + one per partnership, agenda/ (dated offers by
//! month), catalogue/ (operators and their offers), sitemap.xml, robots.txt and one feed: what
//! Passerelle renders, minus its open-data exports and the explorer. Lists are paginated by 50
//! (the catalogue by 10 operators), as Passerelle's are.

use crate::synth::{Charter, Scope};
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::path::Path;

/// A TOML basic string (JSON's escapes are TOML's).
fn s(value: &str) -> String {
    serde_json::Value::from(value).to_string()
}

fn list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = values.into_iter().map(s).collect();
    format!("[{}]", items.join(", "))
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("failed to create `{}`", dir.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("failed to write `{}`", path.display()))
}

/// Writes the Hugo project for `c` under `dir` (replacing it).
pub fn project(c: &Charter, dir: &Path) -> Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("failed to remove `{}`", dir.display()))?;
    }
    write(&dir.join("config.toml"), CONFIG)?;
    for (name, text) in LAYOUTS {
        write(&dir.join("layouts").join(name), text)?;
    }
    write(&dir.join("static/style.css"), "body{font-family:sans-serif;max-width:60rem;margin:auto}\n")?;
    write(&dir.join("data/vocab.json"), &vocab())?;
    let content = dir.join("content");
    for (section, title) in [("offers", "Offres"), ("partnerships", "Partenariats")] {
        write(&content.join(section).join("_index.md"), &format!("+++\ntitle = {}\n+++\n", s(title)))?;
    }
    for page in ["agenda", "catalogue"] {
        let text =
            format!("+++\ntitle = {}\nlayout = {}\n+++\n", s(&crate::synth::capitalize(page)), s(page));
        write(&content.join(page).join("_index.md"), &text)?;
    }
    for (taxonomy, title) in [("operators", "Acteurs"), ("venues", "Lieux"), ("districts", "Quartiers")] {
        write(&content.join(taxonomy).join("_index.md"), &format!("+++\ntitle = {}\n+++\n", s(title)))?;
    }
    districts(c, &content)?;
    operators(c, &content)?;
    venues(c, &content)?;
    offers(c, &content)?;
    partnerships(c, &content)
}

fn districts(c: &Charter, content: &Path) -> Result<()> {
    for d in &c.districts {
        let text = format!(
            "+++\ntitle = {}\nsummary = {}\npopulation = {}\npriority = {}\n+++\n{}\n",
            s(&d.name),
            s(&d.summary),
            d.population,
            d.priority,
            d.summary
        );
        write(&content.join("districts").join(&d.id).join("_index.md"), &text)?;
    }
    Ok(())
}

fn operators(c: &Charter, content: &Path) -> Result<()> {
    for o in &c.operators {
        let district = o.district.map(|d| c.districts[d].id.as_str()).unwrap_or_default();
        let mut text = String::from("+++\n");
        let _ = writeln!(text, "title = {}\nkind = {}\nhome = {}", s(&o.name), s(o.kind), s(district));
        let _ = writeln!(text, "address = {}\npostcode = {}", s(&o.address), s(o.postcode));
        let _ =
            writeln!(text, "website = {}\nemail = {}\nphone = {}", s(&o.website), s(&o.email), s(&o.phone));
        let _ = writeln!(
            text,
            "summary = {}\nupdated_on = {}\n+++\n{}",
            s(&o.summary),
            o.updated_on,
            o.description
        );
        write(&content.join("operators").join(&o.id).join("_index.md"), &text)?;
    }
    Ok(())
}

fn venues(c: &Charter, content: &Path) -> Result<()> {
    for v in &c.venues {
        let mut text = String::from("+++\n");
        let _ = writeln!(text, "title = {}\nkind = {}", s(&v.name), s(v.kind));
        let _ = writeln!(text, "home = {}", s(&c.districts[v.district].id));
        let _ = writeln!(text, "operator = {}", s(&c.operators[v.operator].id));
        let _ = writeln!(text, "address = {}\npostcode = {}", s(&v.address), s(v.postcode));
        let _ = writeln!(text, "lat = {:.6}\nlon = {:.6}", v.point.1, v.point.0);
        let _ = writeln!(text, "accessibility = {}", list(v.accessibility.iter().copied()));
        let _ = writeln!(text, "opening_hours = {}\nupdated_on = {}\n+++", s(v.opening_hours), v.updated_on);
        write(&content.join("venues").join(&v.id).join("_index.md"), &text)?;
    }
    Ok(())
}

fn offers(c: &Charter, content: &Path) -> Result<()> {
    // The partnerships an offer is part of: a reverse join Hugo cannot index, done here (untimed).
    let mut part_of: std::collections::HashMap<usize, Vec<&str>> = std::collections::HashMap::new();
    for p in &c.partnerships {
        for &o in &p.offers {
            part_of.entry(o).or_default().push(p.id.as_str());
        }
    }
    for (i, o) in c.offers.iter().enumerate() {
        let districts: Vec<&str> = match &o.districts {
            Scope::Venue => {
                o.venue.map(|v| c.districts[c.venues[v].district].id.as_str()).into_iter().collect()
            }
            Scope::All => c.districts.iter().map(|d| d.id.as_str()).collect(),
            Scope::Listed(ds) => ds.iter().map(|&d| c.districts[d].id.as_str()).collect(),
        };
        let in_partnerships: Vec<&str> = part_of.get(&i).map(Vec::as_slice).unwrap_or_default().to_vec();
        let mut operators = vec![c.operators[o.operator].id.as_str()];
        operators.extend(o.partners.iter().map(|&p| c.operators[p].id.as_str()));
        let mut text = String::from("+++\n");
        let _ = writeln!(text, "title = {}\nsummary = {}", s(&o.title), s(&o.summary));
        let _ =
            writeln!(text, "operator = {}\noperators = {}", s(operators[0]), list(operators.iter().copied()));
        let _ = writeln!(text, "districts = {}", list(districts));
        if let Some(v) = o.venue {
            let _ = writeln!(text, "venues = {}", list([c.venues[v].id.as_str()]));
        }
        let _ = writeln!(text, "disciplines = {}", list(o.disciplines.iter().copied()));
        let _ = writeln!(text, "audiences = {}", list(o.audiences.iter().copied()));
        let _ = writeln!(text, "partnerships = {}", list(in_partnerships));
        if let (Some(start), Some(end)) = (o.starts_on, o.ends_on) {
            // Dated offers get an iCalendar file beside their page, as in Passerelle.
            let _ = writeln!(text, "starts_on = {start}T00:00:00Z\nends_on = {end}T00:00:00Z\noutputs = [\"HTML\", \"Calendar\"]");
        }
        if let Some(a) = o.age_min {
            let _ = writeln!(text, "age_min = {a}");
        }
        if let Some(a) = o.age_max {
            let _ = writeln!(text, "age_max = {a}");
        }
        let _ = writeln!(text, "schedule = {}\nprice = {}", s(o.schedule), s(o.price));
        let _ = writeln!(text, "price_detail = {}\nbooking = {}", s(o.price_detail), s(&o.booking));
        let _ = writeln!(text, "accessibility = {}", list(o.accessibility.iter().copied()));
        let _ = writeln!(text, "languages = {}", list(o.languages.iter().copied()));
        let _ =
            writeln!(text, "status = {}\nupdated_on = {}\n+++\n{}", s(o.status), o.updated_on, o.description);
        write(&content.join("offers").join(format!("{}.md", o.id)), &text)?;
    }
    Ok(())
}

fn partnerships(c: &Charter, content: &Path) -> Result<()> {
    for p in &c.partnerships {
        let mut text = String::from("+++\n");
        let _ = writeln!(text, "title = {}\nsummary = {}", s(&p.title), s(&p.summary));
        let _ = writeln!(text, "members = {}", list(p.operators.iter().map(|&i| c.operators[i].id.as_str())));
        let _ = writeln!(text, "offer_ids = {}", list(p.offers.iter().map(|&i| c.offers[i].id.as_str())));
        let _ = writeln!(
            text,
            "district_ids = {}",
            list(p.districts.iter().map(|&i| c.districts[i].id.as_str()))
        );
        if let (Some(start), Some(end)) = (p.starts_on, p.ends_on) {
            let _ = writeln!(text, "starts_on = {start}T00:00:00Z\nends_on = {end}T00:00:00Z");
        }
        let _ = writeln!(text, "+++\n{}", p.description);
        write(&content.join("partnerships").join(format!("{}.md", p.id)), &text)?;
    }
    Ok(())
}

/// The French labels of the vocabularies the pages show, as `data/vocab.json`.
fn vocab() -> String {
    let map = |pairs: &[(&str, &str)]| {
        serde_json::Value::Object(pairs.iter().map(|&(k, v)| (k.to_string(), v.into())).collect())
    };
    serde_json::json!({
        "audience": map(&[
            ("children", "Enfants"), ("youth", "Jeunes"), ("families", "Familles"), ("adults", "Adultes"),
            ("seniors", "Seniors"), ("schools", "Écoles"), ("associations", "Associations"),
            ("everyone", "Tout public"),
        ]),
        "discipline": map(&[
            ("music", "Musique"), ("theatre", "Théâtre"), ("dance", "Danse"), ("visual_arts", "Arts plastiques"),
            ("reading", "Lecture"), ("writing", "Écriture"), ("cinema", "Cinéma"),
            ("photography", "Photographie"), ("heritage", "Patrimoine"), ("digital", "Numérique"),
            ("circus", "Cirque"), ("crafts", "Artisanat"), ("multidisciplinary", "Pluridisciplinaire"),
        ]),
        "accessibility": map(&[
            ("wheelchair", "Accessible en fauteuil roulant"), ("hearing_loop", "Boucle magnétique"),
            ("sign_language", "Langue des signes"), ("audio_description", "Audiodescription"),
            ("easy_read", "Facile à lire et à comprendre"),
        ]),
        "price": map(&[("free", "Gratuit"), ("paid", "Payant"), ("pay_what_you_can", "Prix libre")]),
    })
    .to_string()
}

const CONFIG: &str = r#"baseURL = "https://charte.example.org/"
languageCode = "fr"
defaultContentLanguage = "fr"
title = "Charte de coopération culturelle"
relativeURLs = true
enableRobotsTXT = true
# Lists cut into pages of 50, as Passerelle's (DESIGN.md "Site").
paginate = 50

[taxonomies]
operator = "operators"
venue = "venues"
district = "districts"

[params.coordination]
name = "Ville de Liège — Service Culture, coordination de la charte"
email = "charte-cooperation@example.org"
phone = "+32 4 221 00 00"
address = "Hôtel de Ville, place du Marché 2, 4000 Liège"

[outputFormats.Calendar]
baseName = "offer"

[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
"#;

/// The templates: pages comparable to Passerelle's (header, nav, main, footer; the same facts).
const LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r##"<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ site.Title }}</title>
<meta name="description" content="{{ .Params.summary | default site.Title }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | relURL }}" title="Fil des nouveautés">
{{ block "jsonld" . }}{{ end }}
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header">
  <div class="wrap site-header-inner">
    <a class="brand" href="{{ "/" | relURL }}">
      <svg class="brand-mark" viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" focusable="false">
        <rect width="48" height="48" rx="10" fill="currentColor"/>
        <path d="M6 31 Q24 12 42 31" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/>
        <path d="M12 25.5v5.5M18 21.3v9.7M24 19.6v11.4M30 21.3v9.7M36 25.5v5.5" stroke="#fff" stroke-width="2" stroke-linecap="round"/>
      </svg>
      <span class="brand-text"><span class="brand-name">{{ site.Title }}</span></span>
    </a>
  </div>
  <nav class="site-nav" aria-label="Navigation principale">
    <ul class="wrap">
      <li><a href="{{ "/" | relURL }}">Accueil</a></li>
      <li><a href="{{ "offers/" | relURL }}">Offres</a></li>
      <li><a href="{{ "agenda/" | relURL }}">Agenda</a></li>
      <li><a href="{{ "operators/" | relURL }}">Acteurs</a></li>
      <li><a href="{{ "venues/" | relURL }}">Lieux</a></li>
      <li><a href="{{ "districts/" | relURL }}">Quartiers</a></li>
      <li><a href="{{ "partnerships/" | relURL }}">Partenariats</a></li>
      <li><a href="{{ "catalogue/" | relURL }}">Catalogue</a></li>
    </ul>
  </nav>
</header>
<nav class="crumbs wrap" aria-label="Fil d’Ariane"><ol><li><a href="{{ "/" | relURL }}">Accueil</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}<li><span aria-current="page">{{ .Title }}</span></li></ol></nav>
<main id="contenu" tabindex="-1">{{ block "main" . }}{{ end }}</main>
<footer class="site-footer">
  <div class="wrap footer-grid">
    <section><h2>Coordination de la charte</h2>
      <p>{{ site.Params.coordination.name }}<br>{{ site.Params.coordination.address }}</p>
      <ul class="plain"><li><a href="mailto:{{ site.Params.coordination.email }}">{{ site.Params.coordination.email }}</a></li><li>{{ site.Params.coordination.phone }}</li></ul>
    </section>
    <section><h2>À propos du site</h2>
      <ul class="plain"><li><a href="{{ "catalogue/" | relURL }}">Catalogue</a></li><li><a href="{{ "index.xml" | relURL }}">Fil des nouveautés</a></li></ul>
      <p class="made-with">Site publié avec Hugo. Les données de la charte sont ouvertes : réutilisez-les librement.</p>
    </section>
  </div>
</footer>
</body>
</html>
"##,
    ),
    (
        "partials/correction.html",
        r##"<p>Une information manque ou est inexacte ? <a href="mailto:{{ site.Params.coordination.email }}?subject={{ printf "Correction de la fiche « %s » (%s)" .Title .File.ContentBaseName | urlquery }}&amp;body={{ printf "Bonjour,\n\nJe souhaite signaler une correction pour la fiche « %s », publiée à l’adresse : %s\n\nCe qui est inexact ou manque :\n\n\nMerci !\n" .Title .Permalink | urlquery }}">Signaler une correction</a></p>"##,
    ),
    (
        "partials/link.html",
        r##"{{ with site.GetPage .path }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}"##,
    ),
    (
        "partials/card.html",
        r##"<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ .Params.summary }}{{ with .Params.starts_on }} <time>{{ time.Format "2 January 2006" . }}</time>{{ end }}</li>"##,
    ),
    (
        "offers/single.html",
        r##"{{ define "jsonld" }}{{ $op := site.GetPage (printf "/operators/%s" .Params.operator) }}{{ $ld := dict "@context" "https://schema.org" "@type" "Event" "name" .Title "description" .Params.summary "url" .Permalink "inLanguage" .Params.languages "isAccessibleForFree" (eq .Params.price "free") "organizer" (dict "@type" "Organization" "name" $op.Title "description" $op.Params.summary "email" $op.Params.email "telephone" $op.Params.phone "url" $op.Params.website "address" (dict "@type" "PostalAddress" "streetAddress" $op.Params.address "postalCode" $op.Params.postcode "addressLocality" "Liège")) }}{{ with .Params.venues }}{{ $v := site.GetPage (printf "/venues/%s" (index . 0)) }}{{ $ld = merge $ld (dict "location" (dict "@type" "Place" "name" $v.Title "geo" (dict "@type" "GeoCoordinates" "latitude" $v.Params.lat "longitude" $v.Params.lon) "address" (dict "@type" "PostalAddress" "streetAddress" $v.Params.address "postalCode" $v.Params.postcode "addressLocality" "Liège"))) }}{{ end }}{{ with .Params.starts_on }}{{ $ld = merge $ld (dict "startDate" (time.Format "2006-01-02" .)) }}{{ end }}<script type="application/ld+json">{{ $ld | jsonify | safeJS }}</script>{{ end }}
{{ define "main" }}<article class="wrap record"><header class="record-header"><p class="kicker">{{ index site.Data.vocab.discipline (index .Params.disciplines 0) }}</p><h1>{{ .Title }}</h1><p class="lead">{{ .Params.summary }}</p>
<ul class="badges"><li class="badge">{{ index site.Data.vocab.price .Params.price }}</li>{{ range .Params.audiences }}<li class="badge">{{ index site.Data.vocab.audience . }}</li>{{ end }}</ul></header>
<div class="record-layout"><aside class="record-facts"><h2>En pratique</h2><dl class="facts">
<div><dt>Quand</dt><dd>{{ with .Params.starts_on }}<time datetime="{{ time.Format "2006-01-02" . }}">du {{ time.Format "2 January 2006" . }}</time>{{ else }}toute l'année{{ end }}{{ with .Params.ends_on }} au {{ time.Format "2 January 2006" . }}<br><a class="calendar-link" href="offer.ics">Ajouter à mon agenda</a>{{ end }} {{ .Params.schedule }}</dd></div>
{{ with .Params.venues }}<div><dt>Où</dt><dd>{{ range . }}{{ partial "link.html" (dict "path" (printf "/venues/%s" .)) }}{{ with site.GetPage (printf "/venues/%s" .) }}<br><span>{{ .Params.address }}, {{ .Params.postcode }} Liège</span>{{ end }}{{ end }}</dd></div>{{ end }}
<div><dt>Quartiers</dt><dd>{{ range .Params.districts }}{{ partial "link.html" (dict "path" (printf "/districts/%s" .)) }} {{ end }}</dd></div>
<div><dt>Tarif</dt><dd>{{ index site.Data.vocab.price .Params.price }} {{ .Params.price_detail }}</dd></div>
<div><dt>Réservation</dt><dd>{{ .Params.booking }}</dd></div>
<div><dt>Publics</dt><dd>{{ range .Params.audiences }}{{ index site.Data.vocab.audience . }} {{ end }}{{ with .Params.age_min }} dès {{ . }} ans{{ end }}{{ with .Params.age_max }} jusqu'à {{ . }} ans{{ end }}</dd></div>
<div><dt>Disciplines</dt><dd>{{ range .Params.disciplines }}{{ index site.Data.vocab.discipline . }} {{ end }}</dd></div>
{{ with .Params.accessibility }}<div><dt>Accessibilité</dt><dd><ul class="plain">{{ range . }}<li>{{ index site.Data.vocab.accessibility . }}</li>{{ end }}</ul></dd></div>{{ end }}
<div><dt>Langues</dt><dd>{{ delimit .Params.languages ", " }}</dd></div><div><dt>Statut</dt><dd>{{ .Params.status }}</dd></div>
<div><dt>Proposée par</dt><dd>{{ partial "link.html" (dict "path" (printf "/operators/%s" .Params.operator)) }}</dd></div>
{{ with after 1 .Params.operators }}<div><dt>Partenaires</dt><dd>{{ range . }}{{ partial "link.html" (dict "path" (printf "/operators/%s" .)) }} {{ end }}</dd></div>{{ end }}
</dl></aside>
<div class="record-main"><section><h2>Présentation</h2><div class="prose">{{ .Content }}</div></section>
{{ with .Params.partnerships }}<section><h2>Dans le cadre de</h2><ul class="link-list">{{ range . }}<li>{{ partial "link.html" (dict "path" (printf "/partnerships/%s" .)) }}</li>{{ end }}</ul></section>{{ end }}</div></div>
<footer class="record-footer"><p>Fiche mise à jour le {{ time.Format "2 January 2006" .Params.updated_on }}</p>{{ partial "correction.html" . }}</footer></article>{{ end }}
"##,
    ),
    (
        "offers/single.ics",
        r##"BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Hugo//bench//FR
BEGIN:VEVENT
UID:{{ .File.ContentBaseName }}@charte.example.org
DTSTAMP:{{ time.Format "20060102T000000Z" .Params.updated_on }}
DTSTART;VALUE=DATE:{{ time.Format "20060102" .Params.starts_on }}
DTEND;VALUE=DATE:{{ time.Format "20060102" (.Params.ends_on.AddDate 0 0 1) }}
SUMMARY:{{ .Title }}
DESCRIPTION:{{ .Params.summary }}
URL:{{ .Permalink }}
END:VEVENT
END:VCALENDAR
"##,
    ),
    (
        "offers/list.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ len .Pages }} offres</p><ul>{{ range (.Paginate .Pages.ByTitle).Pages }}{{ partial "card.html" . }}{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}
"##,
    ),
    (
        "partnerships/single.html",
        r##"{{ define "main" }}<article><h1>{{ .Title }}</h1><p class="summary">{{ .Params.summary }}</p>
<h2>Acteurs</h2><ul>{{ range .Params.members }}<li>{{ partial "link.html" (dict "path" (printf "/operators/%s" .)) }}</li>{{ end }}</ul>
<h2>Offres</h2><ul>{{ range .Params.offer_ids }}<li>{{ partial "link.html" (dict "path" (printf "/offers/%s" .)) }}</li>{{ end }}</ul>
<h2>Quartiers</h2><ul>{{ range .Params.district_ids }}<li>{{ partial "link.html" (dict "path" (printf "/districts/%s" .)) }}</li>{{ end }}</ul>
<div class="description">{{ .Content }}</div></article>{{ end }}
"##,
    ),
    (
        "partnerships/list.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages.ByTitle).Pages }}{{ partial "card.html" . }}{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}
"##,
    ),
    (
        "operators/term.html",
        r##"{{ define "jsonld" }}<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "Organization" "name" .Title "description" .Params.summary "email" .Params.email "telephone" .Params.phone "url" .Params.website "address" (dict "@type" "PostalAddress" "streetAddress" .Params.address "postalCode" .Params.postcode "addressLocality" "Liège") | jsonify | safeJS }}</script>{{ end }}
{{ define "main" }}<article><h1>{{ .Title }}</h1><p class="summary">{{ .Params.summary }}</p>
<dl><dt>Type</dt><dd>{{ .Params.kind }}</dd>{{ with .Params.home }}<dt>Quartier</dt><dd>{{ partial "link.html" (dict "path" (printf "/districts/%s" .)) }}</dd>{{ end }}
<dt>Adresse</dt><dd>{{ .Params.address }}, {{ .Params.postcode }} Liège</dd><dt>Contact</dt><dd><a href="{{ .Params.website }}">{{ .Params.website }}</a> {{ .Params.email }} {{ .Params.phone }}</dd></dl>
<div class="description">{{ .Content }}</div><h2>Offres</h2><ul>{{ range .Pages.ByTitle }}{{ partial "card.html" . }}{{ end }}</ul>
<p>Mis à jour le {{ time.Format "2 January 2006" .Params.updated_on }}</p>{{ partial "correction.html" . }}</article>{{ end }}
"##,
    ),
    (
        "venues/term.html",
        r##"{{ define "jsonld" }}<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "Place" "name" .Title "geo" (dict "@type" "GeoCoordinates" "latitude" .Params.lat "longitude" .Params.lon) "address" (dict "@type" "PostalAddress" "streetAddress" .Params.address "postalCode" .Params.postcode "addressLocality" "Liège") | jsonify | safeJS }}</script>{{ end }}
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<dl><dt>Type</dt><dd>{{ .Params.kind }}</dd><dt>Quartier</dt><dd>{{ partial "link.html" (dict "path" (printf "/districts/%s" .Params.home)) }}</dd>
<dt>Géré par</dt><dd>{{ partial "link.html" (dict "path" (printf "/operators/%s" .Params.operator)) }}</dd>
<dt>Adresse</dt><dd>{{ .Params.address }}, {{ .Params.postcode }} Liège ({{ .Params.lat }}, {{ .Params.lon }})</dd><dt>Horaires</dt><dd>{{ .Params.opening_hours }}</dd>
{{ with .Params.accessibility }}<dt>Accessibilité</dt><dd>{{ range . }}{{ index site.Data.vocab.accessibility . }} {{ end }}</dd>{{ end }}</dl>
<h2>Offres</h2><ul>{{ range .Pages.ByTitle }}{{ partial "card.html" . }}{{ end }}</ul></article>{{ end }}
"##,
    ),
    (
        "districts/term.html",
        r##"{{ define "main" }}<article><h1>{{ .Title }}</h1><p class="summary">{{ .Params.summary }}</p>
<p>{{ .Params.population }} habitants{{ if .Params.priority }}, quartier prioritaire{{ end }}</p>
<h2>Offres</h2><ul>{{ range (.Paginate .Pages.ByTitle).Pages }}{{ partial "card.html" . }}{{ end }}</ul>{{ template "_internal/pagination.html" . }}</article>{{ end }}
"##,
    ),
    (
        "_default/terms.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1><table><tr><th>Nom</th><th>Offres</th></tr>{{ range (.Paginate .Pages.ByTitle).Pages }}<tr><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ len .Pages }}</td></tr>{{ end }}</table>{{ template "_internal/pagination.html" . }}{{ end }}
"##,
    ),
    (
        "_default/list.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul>{{ end }}
"##,
    ),
    (
        "_default/single.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
"##,
    ),
    (
        "_default/agenda.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1>{{ range (.Paginate ((where (where site.RegularPages "Section" "offers") "Params.starts_on" "!=" nil).GroupByParamDate "starts_on" "January 2006")).PageGroups }}<h2>{{ .Key }}</h2><ul>{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul>{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}
"##,
    ),
    (
        "_default/catalogue.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1>{{ range (.Paginate (site.GetPage "/operators").Pages.ByTitle 10).Pages }}<section><h2>{{ .Title }}</h2><p>{{ .Params.summary }}</p><ul>{{ range .Pages.ByTitle }}<li>{{ .Title }} — {{ .Params.summary }}</li>{{ end }}</ul></section>{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}
"##,
    ),
    (
        "index.html",
        r##"{{ define "main" }}<h1>{{ site.Title }}</h1><p>{{ len (where site.RegularPages "Section" "offers") }} offres.</p><ul>{{ range first 20 (where site.RegularPages "Section" "offers").ByTitle }}{{ partial "card.html" . }}{{ end }}</ul>{{ end }}
"##,
    ),
];

#[cfg(test)]
mod tests {
    use crate::synth::{generate, Shape};

    // One content file per record (plus the section and list pages), whatever the shape.
    #[test]
    fn one_content_file_per_record() {
        let c = generate(Shape { offers: 40, seed: 5 });
        let dir = std::env::temp_dir().join(format!("passerelle-hugo-test-{}", std::process::id()));
        super::project(&c, &dir).expect("project written");
        let count = |sub: &str| walk(&dir.join("content").join(sub));
        assert_eq!(count("offers"), c.offers.len() + 1);
        assert_eq!(count("partnerships"), c.partnerships.len() + 1);
        assert_eq!(count("operators"), c.operators.len() + 1);
        assert_eq!(count("venues"), c.venues.len() + 1);
        assert_eq!(count("districts"), c.districts.len() + 1);
        let offer =
            std::fs::read_to_string(dir.join("content/offers").join(format!("{}.md", c.offers[0].id)))
                .expect("offer");
        assert!(offer.starts_with("+++\ntitle = ") && offer.contains("\n+++\n"));
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }

    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .expect("listed")
            .map(|e| e.expect("entry").path())
            .map(|p| if p.is_dir() { walk(&p) } else { 1 })
            .sum()
    }
}
