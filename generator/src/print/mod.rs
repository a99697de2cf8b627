//! Stage `print`: the charter → `catalogue.pdf` and one A4 poster per district
//! (`districts/<id>.affiche.pdf`), typeset with Typst used as a library.
//!
//! Inputs: the [`Charter`] and the [`Content`] (its `site.toml`, and template overrides in
//! `content/templates/print/`). Output: PDF files, for the `write` stage to put.
//!
//! - [`catalogue`], [`poster`]: what each document shows, as the data (`data.json`) its
//!   template reads; [`map`]: a district's map as shapes; QR codes are SVG files beside it;
//! - [`world`]: the minimal Typst world that serves the template, those files and the
//!   embedded fonts, and nothing else;
//! - the templates (`generator/templates/print/*.typ`) are Typst documents: the layout lives
//!   there, fed with data, never string-built.
//!
//! Typesetting is the costly part (about a second for a 100-page catalogue), so a [`Job`]
//! carries the hash of everything its PDF is made from: when the previous site's PDF was made
//! from the same hash (recorded in [`KEYS`]), it is kept as it is and nothing is typeset. The
//! documents are typeset one at a time after the other stages, Typst's caches emptied after
//! each, so the build's peak memory is the larger of the pages' and one document's (README
//! "Print": typesetting beside the pages doubled it).

pub mod catalogue;
pub mod map;
pub mod poster;
pub mod world;

use crate::load::content::Content;
use crate::model::Charter;
use crate::render::i18n::Catalogue;
use anyhow::{anyhow, Context, Result};
use std::collections::{BTreeMap, HashMap};
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::WorldExt;
use typst_layout::PagedDocument;
use world::PrintWorld;

/// The catalogue's path in the site.
pub const CATALOGUE: &str = "catalogue.pdf";
/// The site file that records which inputs each PDF was typeset from (`<hash> <path>` lines).
pub const KEYS: &str = ".passerelle-print";

/// The built-in templates, by name; `content/templates/<name>` overrides one.
const TEMPLATES: [(&str, &str); 2] = [
    ("print/catalogue.typ", include_str!("../../templates/print/catalogue.typ")),
    ("print/affiche.typ", include_str!("../../templates/print/affiche.typ")),
];

/// A district poster's path: beside the district's page, `districts/<id>.affiche.pdf` (ids
/// have no dot, so it never meets another record's file).
pub fn poster_path(district: &str) -> String {
    format!("districts/{district}.affiche.pdf")
}

/// The virtual path of a QR code file.
fn qr_path(name: &str) -> String {
    format!("qr/{name}.svg")
}

/// The files a document reads besides its template: `data.json` and QR codes.
#[derive(Default)]
pub struct Files {
    files: BTreeMap<String, Vec<u8>>,
}

impl Files {
    /// Adds the QR code of `url` at `path`, as SVG (one path of dark modules, no text).
    fn qr(&mut self, path: &str, url: &str) {
        if let Ok(code) = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M) {
            let svg =
                code.render::<qrcode::render::svg::Color>().quiet_zone(false).module_dimensions(4, 4).build();
            self.files.insert(path.to_owned(), svg.into_bytes());
        }
    }
}

/// One document to typeset: where it goes, its template and the files it reads.
pub struct Job {
    pub path: String,
    template_name: &'static str,
    template: String,
    /// Where the template came from, for messages (`content/templates/print/catalogue.typ`).
    origin: String,
    files: Files,
    /// BLAKE3 of the template, every file and the binary: equal keys, equal PDFs.
    pub key: String,
}

impl Job {
    fn new(
        content: &Content,
        name: &'static str,
        path: String,
        data: impl serde::Serialize,
        mut files: Files,
    ) -> Result<Job> {
        let (template, origin) = match content.templates.get(name) {
            Some(text) => (text.clone(), format!("content/templates/{name}")),
            None => {
                let text = TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or_default();
                (text.to_owned(), format!("generator/templates/{name}"))
            }
        };
        files.files.insert("data.json".into(), serde_json::to_vec(&data)?);
        let mut hasher = blake3::Hasher::new();
        hasher.update(b"passerelle print 1\0");
        hasher.update(crate::write::binary_identity().unwrap_or("unknown binary").as_bytes());
        hasher.update(template.as_bytes());
        for (name, bytes) in &files.files {
            hasher.update(&(name.len() as u64).to_le_bytes());
            hasher.update(name.as_bytes());
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        }
        Ok(Job {
            path,
            template_name: name,
            template,
            origin,
            files,
            key: hasher.finalize().to_hex().to_string(),
        })
    }
}

/// The documents of the site: the catalogue and one poster per district. Cheap (no
/// typesetting): their data and keys.
pub fn jobs(charter: &Charter, content: &Content) -> Result<Vec<Job>> {
    let cat = Catalogue::load(content.config.language)?;
    let config = &content.config;
    let mut jobs = Vec::new();
    let mut files = Files::default();
    let data = catalogue::data(charter, &cat, config, &mut files)?;
    jobs.push(Job::new(content, "print/catalogue.typ", CATALOGUE.to_owned(), data, files)?);
    for d in &charter.districts {
        let mut files = Files::default();
        let data = poster::data(charter, &cat, config, d, &mut files)?;
        jobs.push(Job::new(content, "print/affiche.typ", poster_path(&d.id), data, files)?);
    }
    Ok(jobs)
}

/// Typesets `job` into PDF bytes. Deterministic: the PDF's dates are the build day, its
/// identifier derives from its path, so the same inputs give the same bytes.
pub fn typeset(job: &Job, today: chrono::NaiveDate) -> Result<Vec<u8>> {
    let files: HashMap<String, Bytes> =
        job.files.files.iter().map(|(k, v)| (k.clone(), Bytes::new(v.clone()))).collect();
    let world = PrintWorld::new(job.template_name, &job.template, files, today);
    let result = typst::compile::<PagedDocument>(&world).output;
    // Typst memoises layouts across compilations: free them before the export, which is the
    // peak (the laid-out document and the PDF side by side), and a build typesets each once.
    typst::comemo::evict(0);
    let pdf = result.and_then(|document| {
        use chrono::Datelike;
        let date = Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8);
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(format!("passerelle:{}", job.path)),
            creator: Smart::Custom(Some("Passerelle (Typst)".into())),
            timestamp: date.map(typst_pdf::Timestamp::new_utc),
            ..Default::default()
        };
        typst_pdf::pdf(&document, &options)
    });
    typst::comemo::evict(0);
    pdf.map_err(|errors| anyhow!(describe(&world, &job.origin, &errors)))
        .with_context(|| format!("failed to typeset `{}`", job.path))
}

/// The first error as `file:line:col: message`, and how many more there are.
fn describe(world: &PrintWorld, origin: &str, errors: &[SourceDiagnostic]) -> String {
    let Some(first) = errors.iter().find(|e| e.severity == Severity::Error).or(errors.first()) else {
        return "unknown Typst error".into();
    };
    let (line, col) = world
        .range(first.span)
        .map(|range| crate::diagnostics::line_col(world.text(), range.start))
        .unwrap_or((1, 1));
    let more = if errors.len() > 1 { format!(" (and {} more)", errors.len() - 1) } else { String::new() };
    let hints: String = first.hints.iter().map(|h| format!("; hint: {}", h.v)).collect();
    format!("{origin}:{line}:{col}: {}{hints}{more}", first.message)
}

/// The keys recorded by the previous site, by path.
pub fn previous_keys(text: &str) -> HashMap<&str, &str> {
    text.lines().filter_map(|l| l.split_once(' ')).map(|(key, path)| (path, key)).collect()
}

/// The [`KEYS`] file for these jobs: `<hash> <path>` lines, sorted by path.
pub fn keys_file(jobs: &[Job]) -> String {
    let mut lines: Vec<String> = jobs.iter().map(|j| format!("{} {}\n", j.key, j.path)).collect();
    lines.sort_by(|a, b| a.split_once(' ').map(|x| x.1).cmp(&b.split_once(' ').map(|x| x.1)));
    lines.concat()
}

/// Typesets every print template override once, without writing, for `check`: an error in
/// one is a diagnostic at its line.
pub fn trial(charter: &Charter, content: &Content, diagnostics: &mut crate::Diagnostics) {
    let overridden = |j: &Job| content.templates.contains_key(j.template_name);
    let jobs = match jobs(charter, content) {
        Ok(jobs) => jobs,
        Err(e) => {
            return diagnostics.push_at(
                crate::Severity::Error,
                "content/templates/print",
                (1, 1),
                format!("{e:#}"),
                None,
            )
        }
    };
    let mut seen = std::collections::HashSet::new();
    for job in jobs.iter().filter(|j| overridden(j)).filter(|j| seen.insert(j.template_name)) {
        if let Err(e) = typeset(job, charter.today) {
            let text = format!("{:#}", e.root_cause());
            let (place, message) = text.split_once(": ").unwrap_or(("", &text));
            let mut parts = place.rsplitn(3, ':');
            let col = parts.next().and_then(|c| c.parse().ok()).unwrap_or(1);
            let line = parts.next().and_then(|l| l.parse().ok()).unwrap_or(1);
            diagnostics.push_at(
                crate::Severity::Error,
                &job.origin,
                (line, col),
                format!("print template: {message}"),
                Some("fix the override, or remove it to use the built-in template".into()),
            );
        }
    }
}
