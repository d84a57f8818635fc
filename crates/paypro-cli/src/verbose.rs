//! `-v`: the client's own tracing events on stderr: one line per finished or failed call
//! (attempts, outcome) and one per retry of a read-only call. `-vv` adds debug events (the HTTP
//! client's included). Without `-v` nothing is subscribed and stderr carries only the result.
//! The events never carry the secret, the canonical string or the body.

use tracing_subscriber::fmt::format::FmtSpan;

/// Installs the subscriber for `count` `-v` flags.
pub fn init(count: u8) {
    let level = match count {
        0 => return,
        1 => tracing::Level::INFO,
        _ => tracing::Level::DEBUG,
    };
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_span_events(FmtSpan::NONE)
        .try_init();
}
