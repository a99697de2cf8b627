//! A minimal Typst [`World`]: one main source (the document's template), a few files served
//! from memory (`data.json`, the maps, the QR codes), the fonts compiled into the binary and a
//! fixed "today". Nothing is read from disk and nothing is fetched: no packages, no system
//! fonts, so the same inputs typeset the same bytes on any machine.
//!
//! After tfachmann/typst-as-library and typst-cli's `world.rs`, minus the file system.

use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts every document uses: Open Sans (Apache-2.0, `generator/print/fonts/`), embedded.
const FONTS: [&[u8]; 4] = [
    include_bytes!("../../print/fonts/OpenSans-Regular.ttf"),
    include_bytes!("../../print/fonts/OpenSans-Italic.ttf"),
    include_bytes!("../../print/fonts/OpenSans-Semibold.ttf"),
    include_bytes!("../../print/fonts/OpenSans-Bold.ttf"),
];

/// The parsed fonts and their book, built once per process.
fn fonts() -> &'static (Vec<Font>, LazyHash<FontBook>) {
    static FONTS_BOOK: OnceLock<(Vec<Font>, LazyHash<FontBook>)> = OnceLock::new();
    FONTS_BOOK.get_or_init(|| {
        let fonts: Vec<Font> = FONTS.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        (fonts, book)
    })
}

/// Typst's standard library, built once per process.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// The id of a file at `path` (`/data.json`) in the document's virtual project.
fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One document to typeset: its template and the files it may read.
pub struct PrintWorld {
    main: Source,
    files: HashMap<String, Bytes>,
    today: NaiveDate,
}

impl PrintWorld {
    /// A world whose main file is `template` (named `name` in messages), serving `files`
    /// (virtual path without the leading `/` → bytes), on day `today`.
    pub fn new(name: &str, template: &str, files: HashMap<String, Bytes>, today: NaiveDate) -> PrintWorld {
        // At the root, beside the files it reads (`json("data.json")`).
        let file = name.rsplit('/').next().unwrap_or(name);
        let id = file_id(&format!("/{file}")).or_else(|| file_id("/main.typ")).expect("a valid path");
        PrintWorld { main: Source::new(id, template.to_owned()), files, today }
    }

    /// The template's text (for placing a diagnostic).
    pub fn text(&self) -> &str {
        self.main.text()
    }
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().1
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.vpath().get_without_slash();
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files.get(path).cloned().ok_or_else(|| FileError::NotFound(path.into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().0.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        let day = self.today;
        Datetime::from_ymd(day.year(), day.month() as u8, day.day() as u8)
    }
}
