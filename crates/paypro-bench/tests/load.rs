//! The load driver's flags and arithmetic (`paypro_bench::load`), on known inputs. No run:
//! nothing here starts a sandbox or measures time.

use std::collections::BTreeMap;
use std::time::Duration;

use paypro_bench::load::{
    ErrorClass, FlagError, Latencies, MAX_CLIENTS, MAX_REQUESTS, MAX_SECS, Options, Report, Rss,
    Sandbox, Tally, vm_rss_kib,
};

fn args(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

#[test]
fn no_flags_are_the_defaults_of_each_entry_point() {
    let program = Options::program().with_args(args("")).unwrap();
    assert_eq!(program, Options::program());
    assert_eq!(
        (
            program.clients,
            program.secs,
            program.max_requests,
            program.amount
        ),
        (50, 60, 1_000_000, 1000)
    );
    assert_eq!(
        program.sandbox,
        Sandbox::Program {
            port: 18081,
            pid: None
        }
    );
    let bench = Options::in_process().with_args(args("--bench")).unwrap();
    assert_eq!(
        (bench.clients, bench.secs, bench.max_requests),
        (50, 10, 200_000)
    );
    assert_eq!(
        bench.sandbox,
        Sandbox::InProcess {
            threads: 1,
            settle_ms: 200,
            max_orders: None
        }
    );
}

#[test]
fn the_documented_commands_parse() {
    // RELIABILITY.md's load command.
    let o = Options::program()
        .with_args(args("--port 18081 --clients 50 --secs 60 --pid 4242"))
        .unwrap();
    assert_eq!((o.clients, o.secs), (50, 60));
    assert_eq!(
        o.sandbox,
        Sandbox::Program {
            port: 18081,
            pid: Some(4242)
        }
    );
    // BENCHMARKS.md's sandbox commands (cargo bench puts `--bench` first).
    let o = Options::in_process()
        .with_args(args(
            "--bench --clients 50 --secs 10 --max-requests 200000 --threads 2",
        ))
        .unwrap();
    assert_eq!((o.clients, o.secs, o.max_requests), (50, 10, 200_000));
    assert_eq!(
        o.sandbox,
        Sandbox::InProcess {
            threads: 2,
            settle_ms: 200,
            max_orders: None
        }
    );
    let o = Options::in_process()
        .with_args(args("--settle-ms 3600000 --clients 10 --amount 5000"))
        .unwrap();
    assert_eq!((o.clients, o.amount), (10, 5000));
    assert_eq!(
        o.sandbox,
        Sandbox::InProcess {
            threads: 1,
            settle_ms: 3_600_000,
            max_orders: None
        }
    );
    // BENCHMARKS.md's memory bound: a small cap, this process's RSS reported.
    let o = Options::in_process()
        .with_args(args(
            "--bench --max-requests 100000 --secs 60 --max-orders 5000",
        ))
        .unwrap();
    assert_eq!((o.max_requests, o.secs), (100_000, 60));
    assert_eq!(
        o.sandbox,
        Sandbox::InProcess {
            threads: 1,
            settle_ms: 200,
            max_orders: Some(5000)
        }
    );
}

#[test]
fn every_bound_is_enforced() {
    for (flag, max) in [
        ("--clients", MAX_CLIENTS),
        ("--secs", MAX_SECS),
        ("--max-requests", MAX_REQUESTS),
    ] {
        for options in [Options::program(), Options::in_process()] {
            assert!(
                options
                    .clone()
                    .with_args(args(&format!("{flag} {max}")))
                    .is_ok()
            );
            assert_eq!(
                options
                    .clone()
                    .with_args(args(&format!("{flag} {}", max + 1))),
                Err(FlagError::OutOfRange {
                    flag: flag.into(),
                    max,
                    got: max + 1
                })
            );
            assert_eq!(
                options.with_args(args(&format!("{flag} 0"))),
                Err(FlagError::OutOfRange {
                    flag: flag.into(),
                    max,
                    got: 0
                })
            );
        }
    }
    let too_many_threads = Options::in_process().with_args(args("--threads 65"));
    assert!(matches!(
        too_many_threads,
        Err(FlagError::OutOfRange { max: 64, .. })
    ));
    let port_zero = Options::program().with_args(args("--port 0"));
    assert!(matches!(
        port_zero,
        Err(FlagError::OutOfRange { max: 65535, .. })
    ));
}

#[test]
fn bad_command_lines_are_typed_errors_never_panics() {
    let program = Options::program;
    assert_eq!(
        program().with_args(args("--clients")),
        Err(FlagError::MissingValue {
            flag: "--clients".into()
        })
    );
    for value in ["-1", "ten", "1e3", "", "18446744073709551616", "٣"] {
        assert_eq!(
            program().with_args(["--secs", value]),
            Err(FlagError::NotANumber {
                flag: "--secs".into(),
                value: value.into()
            }),
            "{value:?}"
        );
    }
    assert_eq!(
        program().with_args(args("--port 70000")),
        Err(FlagError::OutOfRange {
            flag: "--port".into(),
            max: 65535,
            got: 70000
        })
    );
    // Each entry point takes its own sandbox's flags only.
    for (options, flag) in [
        (Options::program(), "--threads"),
        (Options::program(), "--settle-ms"),
        (Options::program(), "--max-orders"),
        (Options::in_process(), "--port"),
        (Options::in_process(), "--pid"),
        (Options::program(), "--host"),
        (Options::program(), "positional"),
    ] {
        assert_eq!(
            options.with_args([flag, "1"]),
            Err(FlagError::Unknown { flag: flag.into() })
        );
    }
    let message = program()
        .with_args(args("--clients 501"))
        .unwrap_err()
        .to_string();
    assert_eq!(message, "--clients must be between 1 and 500, got 501");
    assert!(Options::program().usage().contains("--pid"));
    assert!(!Options::program().usage().contains("--threads"));
    assert!(Options::in_process().usage().contains("--settle-ms"));
    assert!(Options::in_process().usage().contains("--max-orders"));
    assert_eq!(
        Options::in_process().with_args(args("--max-orders 1000001")),
        Err(FlagError::OutOfRange {
            flag: "--max-orders".into(),
            max: MAX_REQUESTS,
            got: 1_000_001
        })
    );
    assert_eq!(
        Options::in_process().with_args(args("--max-orders 0")),
        Err(FlagError::OutOfRange {
            flag: "--max-orders".into(),
            max: MAX_REQUESTS,
            got: 0
        })
    );
}

#[test]
fn quantiles_on_known_latencies() {
    // 1..=100 ms, shuffled: index round(99 q) of the sorted values.
    let micros: Vec<u64> = (1..=100).rev().map(|ms| ms * 1000).collect();
    let l = Latencies::from_micros(micros);
    let ms = |q: f64| l.quantile(q).unwrap().as_micros() as u64 / 1000;
    assert_eq!(l.len(), 100);
    assert_eq!(ms(0.0), 1);
    assert_eq!(ms(0.5), 51, "index round(49.5) = 50");
    assert_eq!(ms(0.99), 99, "index round(98.01) = 98");
    assert_eq!(ms(1.0), 100);
    // Out of range and NaN are clamped, not a panic.
    assert_eq!(ms(-1.0), 1);
    assert_eq!(ms(7.0), 100);
    assert_eq!(ms(f64::NAN), 1);

    let one = Latencies::from_micros(vec![2500]);
    for q in [0.0, 0.5, 0.99, 1.0] {
        assert_eq!(one.quantile(q), Some(Duration::from_micros(2500)));
    }
    let two = Latencies::from_micros(vec![30, 10]);
    assert_eq!(two.quantile(0.5), Some(Duration::from_micros(30)));
    assert_eq!(two.quantile(0.49), Some(Duration::from_micros(10)));
    assert_eq!(Latencies::default().quantile(0.5), None);
    assert!(Latencies::default().is_empty());
}

#[test]
fn tallies_merge_and_keep_five_examples() {
    let mut a = Tally::default();
    a.answered(Duration::from_micros(10));
    a.failed(ErrorClass::Unknown, || "timed out".into());
    let mut b = Tally::default();
    b.answered(Duration::from_micros(20));
    b.answered(Duration::from_secs(u64::MAX));
    for n in 0..6 {
        b.failed(ErrorClass::Unreadable, || format!("unreadable {n}"));
    }
    b.failed(ErrorClass::Unknown, || "timed out again".into());
    assert_eq!(b.first_errors.len(), 5);
    a.merge(b);
    assert_eq!(a.latencies_us, [10, 20, u64::MAX]);
    assert_eq!(
        a.errors,
        BTreeMap::from([(ErrorClass::Unknown, 2), (ErrorClass::Unreadable, 6)])
    );
    assert_eq!(a.first_errors.len(), 5);
    assert_eq!(a.first_errors[0], "timed out");
}

fn report(latencies_ms: &[u64], errors: &[(ErrorClass, u64)], elapsed: Duration) -> Report {
    Report {
        options: Options::program(),
        target: "http://127.0.0.1:18081/indonesia-pay".into(),
        elapsed,
        latencies: Latencies::from_micros(latencies_ms.iter().map(|ms| ms * 1000).collect()),
        errors: errors.iter().copied().collect(),
        first_errors: vec!["unreadable answer (HTTP 503): ...".into()],
        callbacks: 3,
        callback_wait: Duration::from_millis(500),
        rss: Some(Rss {
            pid: 4242,
            before_kib: Some(5120),
            after_kib: Some(296_653),
            settled_kib: None,
        }),
    }
}

#[test]
fn a_report_counts_rates_and_prints() {
    let r = report(
        &[4, 1, 3, 2],
        &[
            (ErrorClass::Unknown, 2),
            (ErrorClass::Rejected, 1),
            (ErrorClass::Unreadable, 1),
        ],
        Duration::from_secs(2),
    );
    assert_eq!(r.answered(), 4);
    assert_eq!(r.failed(), 4);
    assert_eq!(r.may_have_moved_money(), 3, "Rejected moved nothing");
    assert_eq!(r.per_second(), 2.0);
    let printed = r.to_string();
    let first = printed.lines().next().unwrap();
    assert_eq!(
        first,
        "load http://127.0.0.1:18081/indonesia-pay: 50 clients, 2.0 s, 4 pay-ins answered (2/s), p50 3.00 ms, p99 4.00 ms, max 4.00 ms, 4 errors, 3 callbacks received (0.5 s after the run)"
    );
    assert!(
        printed.contains(
            "errors by class: Rejected 1, Unknown 2, Unreadable 1 (3 may have moved money)"
        ),
        "{printed}"
    );
    assert!(printed.contains("  error: unreadable answer"), "{printed}");
    assert!(
        printed.contains(
            "sandbox pid 4242 RSS: before 5.0 MiB, after 289.7 MiB, after the callbacks ?"
        ),
        "{printed}"
    );

    // No time, no answers: no division by zero, no percentile invented.
    let empty = report(&[], &[], Duration::ZERO);
    assert_eq!(empty.per_second(), 0.0);
    assert!(empty.to_string().contains("p50 -, p99 -, max -"), "{empty}");

    let mut in_process = report(&[1], &[], Duration::from_secs(1));
    in_process.options = Options::in_process();
    in_process.rss = None;
    let printed = in_process.to_string();
    assert!(
        printed.contains("(sandbox in-process, 1 thread(s) per side, orders settle after 200 ms)"),
        "{printed}"
    );
    assert!(!printed.contains("RSS"), "{printed}");

    // A capped in-process run names the cap, and whose memory the RSS is.
    let mut capped = report(&[1], &[], Duration::from_secs(1));
    capped.options = Options::in_process()
        .with_args(args("--max-orders 5000"))
        .unwrap();
    let printed = capped.to_string();
    assert!(
        printed.contains("orders settle after 200 ms, at most 5000 orders kept)"),
        "{printed}"
    );
    assert!(
        printed.contains("this process (sandbox and clients), pid 4242 RSS: before 5.0 MiB"),
        "{printed}"
    );
}

#[test]
fn error_classes_say_whether_money_may_have_moved() {
    let moved: Vec<ErrorClass> = [
        ErrorClass::Invalid,
        ErrorClass::NotSent,
        ErrorClass::Rejected,
        ErrorClass::Uncertain,
        ErrorClass::Unknown,
        ErrorClass::Unreadable,
        ErrorClass::Other,
    ]
    .into_iter()
    .filter(|c| c.may_have_moved_money())
    .collect();
    assert_eq!(
        moved,
        [
            ErrorClass::Uncertain,
            ErrorClass::Unknown,
            ErrorClass::Unreadable,
            ErrorClass::Other
        ]
    );
}

#[test]
fn resident_memory_is_read_from_proc_status_text() {
    let status = "Name:\tpaypro-mock\nVmPeak:\t  300000 kB\nVmRSS:\t   296653 kB\nThreads:\t3\n";
    assert_eq!(vm_rss_kib(status), Some(296_653));
    assert_eq!(vm_rss_kib("Name:\tx\n"), None);
    assert_eq!(vm_rss_kib("VmRSS:\tlots kB\n"), None);
    assert_eq!(vm_rss_kib(""), None);
}
