//! Builds the explorer (explorer/, a Yew app) to WebAssembly so the generator can embed it.
//!
//! 1. adds the `wasm32-unknown-unknown` target when rustup says it is missing;
//! 2. runs a nested `cargo build -p passerelle-explorer --target wasm32-unknown-unknown
//!    --profile explorer` in its own target dir (`explorer/` inside the outer build's target
//!    dir, `CARGO_TARGET_DIR` or `target/`: the outer cargo holds the lock of the target dir
//!    itself), with the outer build's flags and wrappers cleared;
//! 3. runs wasm-bindgen through the `wasm-bindgen-cli-support` library (pinned to the exact
//!    version of the explorer's `wasm-bindgen`, so the two never drift; nothing is downloaded);
//! 4. shrinks the wasm with `wasm-opt -Oz` when a binaryen ≥ 117 is on PATH (optional: the
//!    budgets hold without it);
//! 5. writes `explorer.js`, `explorer_bg.wasm`, `explorer.css` and `explorer_assets.rs` (their
//!    content-hashed names) into OUT_DIR, where `src/index/assets.rs` includes them.
//!
//! `PASSERELLE_EXPLORER_NAMES=1` keeps function names in the wasm, for size analysis.
//!
//! The JS is wasm-bindgen's `--target web` module plus one line that starts the app with the
//! hashed wasm name resolved against `import.meta.url`. A failure of any step fails the build
//! with the nested cargo's own messages.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TARGET: &str = "wasm32-unknown-unknown";

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let workspace = manifest.parent().expect("the generator sits in the workspace").to_path_buf();
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    for watched in [
        "explorer/src",
        "explorer/Cargo.toml",
        "explorer/style.css",
        "index/src",
        "index/Cargo.toml",
        "Cargo.lock",
        "Cargo.toml",
    ] {
        println!("cargo:rerun-if-changed={}", workspace.join(watched).display());
    }
    println!("cargo:rerun-if-env-changed=PATH");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_DIR");
    println!("cargo:rerun-if-env-changed=PASSERELLE_EXPLORER_NAMES");

    ensure_target();
    let wasm = build_wasm(&workspace);
    let (js, wasm) = bindgen(&wasm, &out);
    let wasm = optimise(wasm, &out);
    let css = fs::read(workspace.join("explorer/style.css"))
        .unwrap_or_else(|e| fail(&format!("cannot read explorer/style.css: {e}")));

    let wasm_name = format!("explorer-{}_bg.wasm", hash8(&wasm));
    let js = format!(
        "{js}\n// Passerelle: start the explorer.\n__wbg_init({{ module_or_path: new URL(\"{wasm_name}\", import.meta.url) }});\n"
    );
    let js_name = format!("explorer-{}.js", hash8(js.as_bytes()));
    let css_name = format!("explorer-{}.css", hash8(&css));
    write(&out.join("explorer.js"), js.as_bytes());
    write(&out.join("explorer_bg.wasm"), &wasm);
    write(&out.join("explorer.css"), &css);
    let names = format!(
        "/// Content-hashed file names of the explorer's assets (written by build.rs).\n\
         pub const SCRIPT: &str = {js_name:?};\npub const WASM: &str = {wasm_name:?};\npub const STYLE: &str = {css_name:?};\n"
    );
    write(&out.join("explorer_assets.rs"), names.as_bytes());
}

/// Stops the build with `message` (cargo shows a build script's panic with its output).
fn fail(message: &str) -> ! {
    panic!("\n\nbuilding the explorer failed:\n{message}\n")
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}

/// Adds the wasm target with rustup when it is not installed. Without rustup (a distribution's
/// toolchain), the nested build says what is missing.
fn ensure_target() {
    let Ok(listed) =
        Command::new("rustup").args(["target", "list", "--installed"]).stderr(Stdio::inherit()).output()
    else {
        return;
    };
    if !listed.status.success() || String::from_utf8_lossy(&listed.stdout).lines().any(|l| l.trim() == TARGET)
    {
        return;
    }
    println!("cargo:warning=adding the {TARGET} target with rustup (once)");
    let added = Command::new("rustup").args(["target", "add", TARGET]).output();
    match added {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            fail(&format!("`rustup target add {TARGET}` failed:\n{}", String::from_utf8_lossy(&o.stderr)))
        }
        Err(e) => fail(&format!("cannot run rustup: {e}")),
    }
}

/// The nested cargo build; returns the path of the raw wasm.
fn build_wasm(workspace: &Path) -> PathBuf {
    // The outer build's target dir, as cargo resolves it (relative to the workspace).
    let outer =
        env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace.join("target"), |dir| workspace.join(dir));
    let target_dir = outer.join("explorer");
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(workspace)
        .args([
            "build",
            "--package",
            "passerelle-explorer",
            "--lib",
            "--target",
            TARGET,
            "--profile",
            "explorer",
        ])
        .arg("--target-dir")
        .arg(&target_dir);
    // For size analysis: keep function names in the wasm (`PASSERELLE_EXPLORER_NAMES=1`).
    if env::var_os("PASSERELLE_EXPLORER_NAMES").is_some() {
        command.args(["--config", "profile.explorer.strip=false"]);
    }
    // What the outer build sets for itself must not leak into the wasm build: its flags
    // (coverage, sanitizers, a host target), wrappers, profile overrides and target dir.
    // CARGO_HOME, offline/network settings and the jobserver (CARGO_MAKEFLAGS, shared so the
    // two builds do not oversubscribe the machine) are kept.
    for (key, _) in env::vars_os() {
        let key = key.to_string_lossy();
        let keep = ["CARGO_HOME", "CARGO_MAKEFLAGS", "CARGO_NET_OFFLINE", "CARGO_TERM_COLOR"]
            .contains(&key.as_ref())
            || key.starts_with("CARGO_REGISTRIES_")
            || key.starts_with("CARGO_REGISTRY_")
            || key.starts_with("CARGO_HTTP_")
            || key.starts_with("CARGO_NET_");
        let drop = (key.starts_with("CARGO_") && !keep)
            || [
                "RUSTFLAGS",
                "RUSTDOCFLAGS",
                "RUSTC_WRAPPER",
                "RUSTC_WORKSPACE_WRAPPER",
                "RUSTC",
                "RUSTDOC",
                "RUSTC_LINKER",
            ]
            .contains(&key.as_ref())
            || ["TARGET", "HOST", "OUT_DIR", "OPT_LEVEL", "DEBUG", "PROFILE", "NUM_JOBS"]
                .contains(&key.as_ref());
        if drop {
            command.env_remove(key.as_ref());
        }
    }
    // getrandom 0.3, if a dependency ever pulls it into the wasm, needs its JS backend.
    // The source paths that panic locations embed are cut to what follows the registry's or
    // the workspace's folder: ~5 KB of the wasm's data (~1 KB gzip), and the wasm no longer
    // depends on where the project or the cargo home sit.
    let registries = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .and_then(|home| fs::read_dir(home.join("registry").join("src")).ok())
        .into_iter()
        .flatten()
        .filter_map(|entry| Some((entry.ok()?.path(), "")));
    let mut flags = vec!["--cfg".to_owned(), "getrandom_backend=\"wasm_js\"".to_owned()];
    for (from, to) in registries.chain([(workspace.to_path_buf(), "passerelle")]) {
        if let Some(from) = from.to_str() {
            flags.push(format!("--remap-path-prefix={from}={to}"));
        }
    }
    command.env("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}"));
    let output =
        command.stdin(Stdio::null()).output().unwrap_or_else(|e| fail(&format!("cannot run cargo: {e}")));
    if !output.status.success() {
        fail(&format!(
            "`cargo build -p passerelle-explorer --target {TARGET} --profile explorer` failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let wasm = target_dir.join(TARGET).join("explorer/passerelle_explorer.wasm");
    if !wasm.is_file() {
        fail(&format!("the nested build succeeded but {} is missing", wasm.display()));
    }
    wasm
}

/// wasm-bindgen, `--target web`, no TypeScript; returns the JS text and the wasm bytes.
fn bindgen(wasm: &Path, out: &Path) -> (String, Vec<u8>) {
    let dir = out.join("bindgen");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", dir.display())));
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen.input_path(wasm).out_name("explorer").typescript(false);
    // The name and producers sections help no visitor (~2 KB gzip); kept for size analysis.
    let names = env::var_os("PASSERELLE_EXPLORER_NAMES").is_some();
    bindgen.remove_name_section(!names).remove_producers_section(!names);
    let result = bindgen.web(true).and_then(|b| b.generate(&dir));
    if let Err(e) = result {
        fail(&format!("wasm-bindgen: {e:#}"));
    }
    let js = fs::read_to_string(dir.join("explorer.js"))
        .unwrap_or_else(|e| fail(&format!("wasm-bindgen output: {e}")));
    let wasm =
        fs::read(dir.join("explorer_bg.wasm")).unwrap_or_else(|e| fail(&format!("wasm-bindgen output: {e}")));
    (js, wasm)
}

/// `wasm-opt -Oz` when a binaryen ≥ 117 is on PATH (older ones cannot read current Rust
/// output); otherwise, or if it fails, the wasm as wasm-bindgen left it.
fn optimise(wasm: Vec<u8>, out: &Path) -> Vec<u8> {
    let Ok(version) = Command::new("wasm-opt").arg("--version").output() else {
        return wasm;
    };
    let text = String::from_utf8_lossy(&version.stdout);
    let number = text.split_whitespace().find_map(|w| w.parse::<u32>().ok()).unwrap_or(0);
    if number < 117 {
        return wasm;
    }
    let (input, output) = (out.join("explorer_in.wasm"), out.join("explorer_opt.wasm"));
    write(&input, &wasm);
    let status = Command::new("wasm-opt")
        .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"])
        .args(["--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"])
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output();
    match status {
        Ok(o) if o.status.success() => fs::read(&output).unwrap_or(wasm),
        Ok(o) => {
            println!(
                "cargo:warning=wasm-opt {number} failed, the explorer is used unoptimised: {}",
                String::from_utf8_lossy(&o.stderr).lines().next().unwrap_or("")
            );
            wasm
        }
        Err(_) => wasm,
    }
}

/// The first 8 hex digits of a 64-bit FNV-1a hash: enough to bust caches, stable across builds.
fn hash8(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", h >> 32)
}
