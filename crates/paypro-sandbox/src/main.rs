//! `paypro-mock`: the program that runs the embedded sandbox (the `paypro-mock` library) in
//! the foreground, serving every country. `paypro mock` is the same program inside the `paypro`
//! command: both take their flags, defaults, help and start-up lines from
//! `paypro_mock::cli` (`paypro-mock --help` lists them).
//!
//! Listens on 127.0.0.1:8080 unless told otherwise (`--port 0`: a free port). Prints one line
//! per country, `CC BASE_URL`, then `merchant M`, `secret S` and `dashboard URL`. The secret is
//! `PAYPRO_SECRET` (never printed), else the sandbox's own test secret. A port in use is a
//! one-line message naming it (exit 1); a bad flag is a usage error (exit 2).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use paypro_core::Secret;
use paypro_mock::cli::{self, SandboxArgs};

#[derive(Parser)]
#[command(name = "paypro-mock", version, about = cli::ABOUT, after_help = cli::AFTER_HELP)]
struct Program {
    #[command(flatten)]
    sandbox: SandboxArgs,
}

/// One message on stderr; a closed stderr is ignored (never a panic).
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// The user's secret, from `PAYPRO_SECRET`; `None` when it is not set.
fn secret() -> Result<Option<Secret>, String> {
    match std::env::var_os("PAYPRO_SECRET") {
        None => Ok(None),
        Some(value) => {
            let value = value
                .into_string()
                .map_err(|_| "PAYPRO_SECRET is not UTF-8 text".to_string())?;
            Secret::new(value)
                .map(Some)
                .map_err(|e| format!("PAYPRO_SECRET: {e}"))
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let program = match Program::try_parse() {
        Ok(program) => program,
        Err(e) => {
            // Help and version go to stdout (exit 0; a closed stdout is not an error), a bad
            // flag to stderr with the usage (exit 2).
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let secret = match secret() {
        Ok(secret) => secret,
        Err(e) => {
            say!("paypro-mock: {e}");
            return ExitCode::from(2);
        }
    };
    let started = match cli::start(&program.sandbox, secret, paypro_all::COUNTRIES).await {
        Ok(started) => started,
        Err(e) => {
            say!("paypro-mock: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = started.print(&mut std::io::stdout().lock()) {
        say!("paypro-mock: cannot write to stdout: {e}");
        return ExitCode::from(1);
    }
    if let Some(note) = started.note() {
        say!("paypro-mock: {note}");
    }
    match tokio::signal::ctrl_c().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say!("paypro-mock: cannot wait for Ctrl-C: {e}");
            ExitCode::from(1)
        }
    }
}
