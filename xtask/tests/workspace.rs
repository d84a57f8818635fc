//! The workspace's dependency graph has no cycle, dev-dependencies included: a crate's tests
//! never need a crate that needs it. (A crate's dev-dependency on itself, which only turns on
//! features for its own tests, is not a cycle.)
//!
//! One exception, by design: paypro-core's integration tests use `paypro-testkit` (the test
//! server, fuzzing, the test credentials), which is built on paypro-core. Cargo links
//! integration tests against the one paypro-core library, so this is sound; a unit test inside
//! paypro-core that used the testkit would not compile (two `paypro_core`s), so it cannot
//! creep into the library. The exception is that one edge, nothing wider: every other crate's
//! dev-dependency on the testkit must still form no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// The test-support crate paypro-core's integration tests may use (see the module's docs).
const TESTKIT: &str = "paypro-testkit";

/// `cargo metadata`'s packages (the workspace's own, offline).
fn packages() -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the root");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root)
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    meta["packages"].as_array().expect("packages").clone()
}

/// Workspace crate -> the workspace crates it depends on (normal, build and dev).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let packages = packages();
    let members: BTreeSet<String> = packages
        .iter()
        .map(|p| p["name"].as_str().expect("name").to_string())
        .collect();
    packages
        .iter()
        .map(|p| {
            let name = p["name"].as_str().expect("name").to_string();
            let deps = p["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .filter_map(|d| d["name"].as_str())
                .filter(|d| members.contains(*d) && *d != name)
                .filter(|d| !(name == "paypro-core" && *d == TESTKIT))
                .map(str::to_string)
                .collect();
            (name, deps)
        })
        .collect()
}

/// A cycle through `graph`, if there is one, as the path that closes it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

/// Test tools stay out of the product: paypro-testkit is never published, no publishable
/// crate depends on it but for its tests, and only it turns on paypro-mock's `test-hooks`.
#[test]
fn test_support_never_reaches_a_merchants_build() {
    let packages = packages();
    let mut problems = Vec::new();
    for p in &packages {
        let name = p["name"].as_str().expect("name");
        // `publish = false` is `[]`; no `publish` key is `null` (any registry).
        let publishable = p["publish"].as_array().is_none_or(|r| !r.is_empty());
        if name == TESTKIT && publishable {
            problems.push(format!("{TESTKIT} can be published"));
        }
        for d in p["dependencies"].as_array().expect("dependencies") {
            let (dep, kind) = (d["name"].as_str().unwrap_or(""), d["kind"].as_str());
            if dep == TESTKIT && kind != Some("dev") && publishable {
                problems.push(format!("{name} depends on {TESTKIT} outside its tests"));
            }
            let hooks = d["features"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f == "test-hooks"));
            if dep == "paypro-mock" && hooks && name != TESTKIT {
                problems.push(format!("{name} turns on paypro-mock's test-hooks"));
            }
        }
    }
    assert!(packages.iter().any(|p| p["name"] == TESTKIT));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_dependency_cycle_among_workspace_crates() {
    let graph = graph();
    assert!(graph.contains_key("paypro-core") && graph.contains_key("paypro-mock"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!("dependency cycle: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_cycle_finder_finds_the_old_cycle() {
    // The shape this test guards against: paypro-id (dev) -> paypro-mock -> paypro-all -> paypro-id.
    let edges = [
        ("paypro-id", "paypro-mock"),
        ("paypro-mock", "paypro-all"),
        ("paypro-all", "paypro-id"),
        ("paypro-id", "paypro-core"),
    ];
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges {
        graph.entry(from.into()).or_default().insert(to.into());
        graph.entry(to.into()).or_default();
    }
    let cycle = find_cycle(&graph).expect("a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4, "{cycle:?}");
}

/// The `(name, version)` of every package a merchant's build of `krate` compiles (normal and
/// build dependencies, on this host), with `features` on.
fn build_graph(krate: &str, features: &str) -> BTreeSet<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the root");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "--locked",
            "-p",
            krate,
            "--features",
            features,
        ])
        .args(["-e", "normal,build", "--prefix", "none"])
        .args(["--format", "{p}"])
        .current_dir(root)
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some((words.next()?.to_string(), words.next()?.to_string()))
        })
        .collect()
}

#[test]
fn a_one_country_app_compiles_one_syn_major() {
    // Every feature a merchant might turn on for a signed country (the client, blocking, the
    // axum extractor, JSON Schemas).
    let graph = build_graph("paypro-id", "client,rustls,blocking,axum,schemars");
    let majors: BTreeSet<&str> = graph
        .iter()
        .filter(|(name, _)| name == "syn")
        .map(|(_, version)| version.split('.').next().expect("a major"))
        .collect();
    assert_eq!(majors.len(), 1, "syn majors: {majors:?}");
    // The one crate holds everything: no other Paypro crate is needed beside paypro-core.
    let paypro: BTreeSet<&str> = graph
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| name.starts_with("paypro-"))
        .collect();
    assert_eq!(
        paypro,
        BTreeSet::from(["paypro-core", "paypro-derive", "paypro-id"])
    );
}

/// The README's first command, `cargo run -p quickstart-<cc>`, builds what a merchant's app
/// builds: each country's quickstart is its own package (a package's examples would build its
/// dev-dependencies, the test tools), and its build holds nothing but what the country crate
/// (with `axum`, where it has it) and the embedded sandbox build.
#[test]
fn a_quickstart_builds_no_test_only_crate() {
    let packages = packages();
    // One quickstart per country spec (spec/<cc>.toml).
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let mut codes: Vec<String> = std::fs::read_dir(spec)
        .expect("spec/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".toml").map(str::to_string))
        .filter(|f| f != "common")
        .collect();
    codes.sort();
    assert!(codes.contains(&"id".to_string()), "{codes:?}");
    let sandbox = build_graph("paypro-mock", "");
    for code in codes {
        let krate = format!("paypro-{code}");
        let quickstart = format!("quickstart-{code}");
        let package = packages
            .iter()
            .find(|p| p["name"] == krate.as_str())
            .unwrap_or_else(|| panic!("no {krate}"));
        let features = if package["features"].get("axum").is_some() {
            "axum"
        } else {
            ""
        };
        let mut allowed = build_graph(&krate, features);
        allowed.extend(sandbox.iter().cloned());
        let graph = build_graph(&quickstart, "");
        let extra: Vec<&(String, String)> = graph
            .iter()
            .filter(|(name, _)| *name != quickstart)
            .filter(|p| !allowed.contains(*p))
            .collect();
        assert!(
            extra.is_empty(),
            "{quickstart} builds what neither {krate} nor paypro-mock builds: {extra:?}"
        );
        let names: BTreeSet<&str> = graph.iter().map(|(name, _)| name.as_str()).collect();
        assert!(
            !names.contains(TESTKIT) && !names.contains("proptest"),
            "{quickstart}"
        );
        let paypro: BTreeSet<&str> = names
            .iter()
            .copied()
            .filter(|n| n.starts_with("paypro-"))
            .collect();
        assert_eq!(
            paypro,
            BTreeSet::from([
                "paypro-core",
                "paypro-derive",
                "paypro-mock",
                krate.as_str()
            ]),
            "{quickstart}"
        );
    }
}
