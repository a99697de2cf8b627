//! `cargo xtask layers`: the generator's modules import only modules before them in
//! [`LAYERS`], the pipeline's order (README.md "How it works" draws the same picture). So data
//! flows one way and no two modules import each other, directly or in a loop.
//!
//! A module is a top-level file or folder of `generator/src/`; an import is a `crate::NAME`
//! path in any of its files (tests included: a test that needs a later stage belongs beside
//! it). `super::super::` is refused too: name the module (`crate::render::views`).

use anyhow::{bail, Context, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The generator's modules, each allowed to import only those before it.
pub const LAYERS: &[(&str, &str)] = &[
    ("text", "text hygiene: control and invisible characters"),
    ("fs", "the one door to the file system for reading"),
    ("records", "the record types, defined once"),
    ("vocabulary", "the built-in vocabularies and vocabulary.csv"),
    ("participation", "the draw by lot after RFC 3797: seed, pool, ranking, groups"),
    ("links", "safe external links"),
    ("diagnostics", "problems with their place; their rendering"),
    ("model", "the linked charter (records + vocabularies)"),
    ("config", "content/site.toml's meaning"),
    ("load", "stage 1: data/ and content/ read"),
    ("validate", "stage 2: every problem, all at once"),
    ("write", "the output: staging, commit, stamp"),
    ("index", "stage 4: the explorer's data"),
    ("render", "stage 4: the pages"),
    ("export", "stage 4: the open data files"),
    ("print", "stage 4: catalogue.pdf and the district posters (Typst)"),
    ("progress", "what a build prints"),
    ("serve", "build, serve, rebuild on change"),
    ("draw", "passerelle draw ID: print, verify, announce"),
    ("import", "passerelle import: a listing mapped into a table"),
];

/// Checks the generator under `root`; prints the layers and fails on any import that goes up.
pub fn run(root: &Path) -> Result<()> {
    let problems = problems(&root.join("generator/src"))?;
    for (i, (name, what)) in LAYERS.iter().enumerate() {
        eprintln!("  {i:>2} {name:<12} {what}");
    }
    if !problems.is_empty() {
        bail!("imports against the pipeline's order:\n  {}", problems.join("\n  "));
    }
    eprintln!("layers: every import goes to an earlier module");
    Ok(())
}

/// Every import of a module by one after it (or itself through `super::super`), as text.
pub fn problems(src: &Path) -> Result<Vec<String>> {
    let rank: BTreeMap<&str, usize> = LAYERS.iter().enumerate().map(|(i, (name, _))| (*name, i)).collect();
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(src).with_context(|| format!("failed to list {}", src.display()))? {
        let path = entry?.path();
        let Some(module) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else { continue };
        if matches!(module.as_str(), "lib" | "main") {
            continue;
        }
        let Some(&own) = rank.get(module.as_str()) else {
            problems.push(format!("{module}: not in xtask/src/layers.rs LAYERS (say where it stands)"));
            continue;
        };
        for (file, text) in sources(&path)? {
            for used in imports(&text) {
                match rank.get(used.as_str()) {
                    Some(&r) if r > own => {
                        problems.push(format!("{file}: {module} imports {used}, a later module"))
                    }
                    _ => {}
                }
            }
            if text.contains("super::super::") {
                problems.push(format!("{file}: `super::super::`: name the module instead (crate::…)"));
            }
        }
    }
    problems.sort();
    Ok(problems)
}

/// The `.rs` files of a module (a file, or a folder's files), with their text.
fn sources(path: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for entry in std::fs::read_dir(&p)? {
                stack.push(entry?.path());
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            let text =
                std::fs::read_to_string(&p).with_context(|| format!("failed to read {}", p.display()))?;
            out.push((p.display().to_string(), text));
        }
    }
    Ok(out)
}

/// The names `NAME` of the `crate::NAME` paths in `text`, outside `//` comments.
fn imports(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (i, _) in code.match_indices("crate::") {
            let preceded = code[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
            if preceded {
                continue; // `passerelle_index::…` ends in "index::", not a crate path
            }
            let name: String = code[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    // The generator as it is: no import goes up.
    #[test]
    fn the_generator_keeps_its_layers() {
        let problems = problems(&crate::root().join("generator/src")).expect("reads");
        assert!(problems.is_empty(), "{problems:#?}");
    }

    // An upward import and a `super::super::` are found; comments and other crates are not imports.
    #[test]
    fn upward_imports_are_found() {
        let dir = std::env::temp_dir().join(format!("xtask-layers-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("load")).expect("mkdir");
        std::fs::write(
            dir.join("load/mod.rs"),
            "use crate::render::x; // crate::serve\nuse passerelle_index::fold;\n",
        )
        .expect("write");
        std::fs::write(dir.join("render.rs"), "use super::super::x;\nuse crate::load::y;\n").expect("write");
        let found = problems(&dir).expect("reads");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].ends_with("load imports render, a later module"), "{found:#?}");
        assert!(found[1].contains("super::super::"), "{found:#?}");
    }
}
