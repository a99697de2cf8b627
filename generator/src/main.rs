//! The `passerelle` command: parses arguments, calls the library, prints, exits.

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use passerelle::{diagnostics, Diagnostics, Options};
use std::path::PathBuf;
use std::process::ExitCode;

/// `eprintln!` that never panics: with stderr closed or a broken pipe there is no one left to
/// tell, so the line is dropped.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Publish a charter of cultural cooperation as a static web site.
#[derive(Parser, Debug)]
#[command(name = "passerelle", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check the data, then write the site.
    Build {
        /// The folder that holds data/ and content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/site].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Validate the data only: exit 0 when clean, 1 on errors.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Build, serve on 127.0.0.1, rebuild and reload on change.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on (0: any free port).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// A draw by lot among volunteers: print its result, freeze its pool, or verify it.
    Draw {
        /// The draw's id (a row of data/draws.csv).
        id: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Freeze the pool: write its SHA-256 into the draw's `pool_sha256` cell.
        #[arg(long, conflicts_with = "verify")]
        announce: bool,
        /// Recompute the draw from data/ and say whether the published result holds (exit 1 if not).
        #[arg(long)]
        verify: bool,
    },
    /// Import an existing listing (CSV, .xlsx, .ods; .ics into offers) into a table: a dry run
    /// unless --write.
    Import {
        /// The listing to import.
        source: PathBuf,
        /// The table to fill.
        #[arg(long, value_enum)]
        into: Into,
        /// The mapping (TOML) from the source's columns to the table's [default: the source's
        /// headers are the table's column names; for a calendar, the suggested mapping].
        #[arg(long)]
        mapping: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write the table (atomically, only when `check` passes on the result).
        #[arg(long)]
        write: bool,
        /// Print a draft mapping (TOML) for the source instead of importing.
        #[arg(long, conflicts_with_all = ["write", "mapping"])]
        suggest: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// The tables an import fills.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Into {
    #[value(alias = "acteurs")]
    Operators,
    #[value(alias = "lieux")]
    Venues,
    #[value(alias = "offres")]
    Offers,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            say!("error: {error}");
            for cause in error.chain().skip(1) {
                say!("  caused by: {cause}");
            }
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let options = Options::from_env()?;
    match cli.command {
        Command::Build { root, out } => {
            let out = out.unwrap_or_else(|| passerelle::default_out(&root));
            // Ctrl-C stops at the next file; the staging folder is removed, the old site kept.
            let _ = ctrlc::set_handler(passerelle::write::interrupt);
            let mut progress = passerelle::progress::Progress::default();
            let built = passerelle::build_with(&root, &out, &options, &mut |step| progress.step(step))?;
            match built.report {
                Some(report) => {
                    if !report.up_to_date {
                        print_diagnostics(&built.diagnostics);
                    }
                    say!("{}", progress.finish(&out, &report));
                    // The explorer's weight against its budgets (gzip), when the index was written.
                    if let Some(sizes) = &built.explorer {
                        say!("{sizes}");
                    }
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    print_diagnostics(&built.diagnostics);
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Check { root, format } => {
            let checked = passerelle::check(&root, &options)?;
            match format {
                Format::Text => print_diagnostics(&checked.diagnostics),
                Format::Json => {
                    let json =
                        serde_json::to_string_pretty(&diagnostics::render::to_json(&checked.diagnostics))?;
                    print_stdout(&json)?;
                }
            }
            Ok(if checked.diagnostics.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Serve { root, port, open } => {
            passerelle::serve::serve(&root, port, open)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Draw { id, root, announce, verify } => {
            use passerelle::draw::{self as command, Mode};
            let mode = match (announce, verify) {
                (true, _) => Mode::Announce,
                (_, true) => Mode::Verify,
                _ => Mode::Print,
            };
            let run = command::run(&root, &id, mode, &options)?;
            if !run.diagnostics.is_empty() {
                print_diagnostics(&run.diagnostics);
            }
            if run.other_errors > 0 {
                eprintln!(
                    "note: {} other error(s) in data/ (`passerelle check` lists them)",
                    run.other_errors
                );
            }
            print!("{}", run.text);
            Ok(if run.success { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Import { source, into, mapping, root, write, suggest, format } => {
            let table = match into {
                Into::Operators => &passerelle::load::tables::OPERATORS,
                Into::Venues => &passerelle::load::tables::VENUES,
                Into::Offers => &passerelle::load::tables::OFFERS,
            };
            let request = passerelle::import::Request { source, table, mapping, root, write };
            if suggest {
                return match passerelle::import::draft(&request, &options)? {
                    Ok(draft) => {
                        print!("{draft}");
                        Ok(ExitCode::SUCCESS)
                    }
                    Err(found) => {
                        print_diagnostics(&found);
                        Ok(ExitCode::from(1))
                    }
                };
            }
            // Stages with their time on a terminal (a large listing takes a while); nothing otherwise.
            let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
            let started = std::time::Instant::now();
            let mut progress = |line: String| {
                if terminal {
                    eprintln!("{line}  ({:.2} s)", started.elapsed().as_secs_f64());
                }
            };
            let report = passerelle::import::run_with(&request, &options, &mut progress)?;
            match format {
                Format::Text => {
                    print!("{}", report.to_text(std::io::IsTerminal::is_terminal(&std::io::stdout())))
                }
                Format::Json => println!("{}", serde_json::to_string_pretty(&report.to_json())?),
            }
            Ok(if report.diagnostics.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}

/// Prints `text` and a line break on stdout. A reader that went away (`check --format json |
/// head -1`) is not an error: what it wanted it has, so the rest is dropped quietly (the
/// `println!` macro would panic on the broken pipe).
fn print_stdout(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(()),
    }
}

/// Every diagnostic, then the summary, on stderr: rich on a terminal, one line each otherwise.
fn print_diagnostics(diagnostics: &Diagnostics) {
    diagnostics::render::print(diagnostics);
}
