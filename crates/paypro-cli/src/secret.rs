//! The app secret: from `--secret-file`, `--secret` or `PAYPRO_SECRET` (in that order), checked
//! before anything is signed or verified. An empty or whitespace-only secret is refused, naming
//! where it came from; so are `--secret` together with `--secret-file`, and a secret file that
//! starts with a byte-order mark. A secret file others can read gets a warning. One trailing
//! line ending (`\n` or `\r\n`) of a secret file is not part of the secret.

use std::fmt;
use std::path::{Path, PathBuf};

use paypro_core::Secret;

use crate::Creds;
use crate::fail::Fail;

/// The environment variable that holds the secret.
const ENV: &str = "PAYPRO_SECRET";

/// Where a secret came from, as messages name it.
enum Source<'a> {
    File(&'a Path),
    Flag,
    Env,
}

impl fmt::Display for Source<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::File(path) => write!(f, "the secret file {}", path.display()),
            Source::Flag => f.write_str("--secret"),
            Source::Env => f.write_str(ENV),
        }
    }
}

/// The secret, if one was given, placed by `--secret-placement` (else the spec's rule).
pub fn secret(creds: &Creds) -> Result<Option<Secret>, Fail> {
    let secret = given(creds)?;
    Ok(match creds.secret_placement {
        Some(placement) => secret.map(|s| s.with_placement(placement)),
        None => secret,
    })
}

fn given(creds: &Creds) -> Result<Option<Secret>, Fail> {
    match (&creds.secret_file, &creds.secret) {
        (Some(_), Some(_)) => Err(Fail::usage(
            "--secret and --secret-file were both given: use one of them (or PAYPRO_SECRET)",
        )),
        (Some(path), None) => from_file(path).map(Some),
        (None, Some(text)) => {
            let secret = checked(text.clone(), Source::Flag)?;
            crate::warn(format_args!(
                "a secret on the command line is visible to other users; use {ENV} or --secret-file"
            ));
            Ok(Some(secret))
        }
        (None, None) => match std::env::var_os(ENV) {
            None => Ok(None),
            Some(value) => match value.into_string() {
                Ok(text) => checked(text, Source::Env).map(Some),
                Err(_) => Err(Fail::usage(format!("{ENV} is not valid Unicode text"))),
            },
        },
    }
}

/// The secret; its absence is a usage error.
pub fn need_secret(creds: &Creds) -> Result<Secret, Fail> {
    secret(creds)?
        .ok_or_else(|| Fail::usage(format!("missing credentials: set {ENV} or --secret-file")))
}

/// Byte-order marks: UTF-8, UTF-16 little- and big-endian.
const BOMS: [&[u8]; 3] = [b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];

fn from_file(path: &PathBuf) -> Result<Secret, Fail> {
    let source = Source::File(path);
    let bytes =
        std::fs::read(path).map_err(|e| Fail::usage(format!("cannot read {source}: {e}")))?;
    warn_if_others_can_read(path);
    if BOMS.iter().any(|bom| bytes.starts_with(bom)) {
        return Err(Fail::usage(format!(
            "{source} starts with a byte-order mark, which would become part of the secret: save it as plain UTF-8 without one"
        )));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| Fail::usage(format!("{source} is not UTF-8 text")))?;
    let text = match text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
    {
        Some(line) => line.to_string(),
        None => text,
    };
    checked(text, source)
}

/// The secret, or why not (an empty or whitespace-only one), naming where it came from.
fn checked(text: String, source: Source<'_>) -> Result<Secret, Fail> {
    Secret::new(text).map_err(|e| Fail::usage(format!("{source}: {e}")))
}

#[cfg(unix)]
fn warn_if_others_can_read(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(metadata) = std::fs::metadata(path) else {
        return;
    };
    let mode = metadata.permissions().mode() & 0o7777;
    if mode & 0o044 != 0 {
        crate::warn(format_args!(
            "the secret file {} has mode {mode:04o}, readable by group or others: run `chmod 600 {}`",
            path.display(),
            path.display()
        ));
    }
}

#[cfg(not(unix))]
fn warn_if_others_can_read(_: &Path) {}
