//! A PostgreSQL server for the tests, used as found: the tests never install a package,
//! change a file's owner or run anything as another user. In order:
//!
//! 1. `PAYPRO_POSTGRES_URL`, a superuser URL of a running server over TCP (e.g.
//!    `postgres://postgres@127.0.0.1:5432/postgres`; `.ci/run` starts one with
//!    `crates/paypro-store/scripts/start-postgres.sh`, and so can you). Each test creates
//!    databases of its own there (`paypro_<label>_<pid>_<n>`) and drops them at its end. A URL
//!    that is set but does not work fails the test.
//! 2. Otherwise, when this process is not root and `initdb` and `pg_ctl` are on `PATH` or in
//!    `/usr/lib/postgresql/*/bin`: a throwaway cluster of the current user in a temporary
//!    directory, on a free 127.0.0.1 port, stopped and deleted at the test's end. (PostgreSQL
//!    refuses to run as root; as root, set `PAYPRO_POSTGRES_URL`.)
//! 3. Otherwise the test prints one line saying what is missing and how to get it, and is
//!    skipped; with `PAYPRO_POSTGRES_TEST=require` (CI) that line is a failure.
//!
//! A server restart, as a store sees it, without controlling the server's process: the store
//! connects through a [`Proxy`] (a tokio task on 127.0.0.1 forwarding to the server).
//! [`Proxy::down`] drops every connection through it, refuses new ones and terminates the
//! databases' backends on the server (`pg_terminate_backend`: their open transactions roll
//! back, as in a crash); [`Proxy::up`] accepts connections again.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;
use tokio_postgres::config::Host;

use crate::processes::scratch;

/// Where a server listens and who connects to it as a superuser.
#[derive(Clone, Debug)]
struct Server {
    host: String,
    port: u16,
    user: String,
    password: Option<String>,
    /// The database the superuser connects to (to create and drop the tests' databases).
    admin_db: String,
}

impl Server {
    fn from_url(url: &str) -> Result<Server, String> {
        let config = tokio_postgres::Config::from_str(url).map_err(|e| e.to_string())?;
        let host = match config.get_hosts() {
            [Host::Tcp(host)] => host.clone(),
            _ => return Err("it must name one TCP host (host:port), not a socket".into()),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let user = config.get_user().ok_or("it names no user")?.to_string();
        let password = config
            .get_password()
            .map(|p| String::from_utf8_lossy(p).into_owned());
        let admin_db = config.get_dbname().unwrap_or("postgres").to_string();
        Ok(Server {
            host,
            port,
            user,
            password,
            admin_db,
        })
    }

    /// The URL of the database `db` as reached at `host:port` (the server's, or a proxy's).
    fn url(&self, host: &str, port: u16, db: &str) -> String {
        let password = match &self.password {
            Some(p) => format!(":{}", encode(p)),
            None => String::new(),
        };
        let host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.to_string()
        };
        format!(
            "postgres://{}{password}@{host}:{port}/{}",
            encode(&self.user),
            encode(db)
        )
    }

    /// A superuser session on the admin database, straight to the server.
    async fn admin(&self) -> Result<tokio_postgres::Client, String> {
        let url = self.url(&self.host, self.port, &self.admin_db);
        let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
            .await
            .map_err(|e| format!("cannot connect to {}:{}: {e}", self.host, self.port))?;
        tokio::spawn(connection);
        Ok(client)
    }

    /// Ends every session of the databases `dbs` on the server; how many there were.
    async fn terminate_backends(&self, dbs: &[String]) -> Result<usize, String> {
        let admin = self.admin().await?;
        let mut ended = 0;
        for db in dbs {
            ended += admin
                .query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE datname = $1 AND pid <> pg_backend_pid()",
                    &[db],
                )
                .await
                .map_err(|e| format!("pg_terminate_backend: {e}"))?
                .len();
        }
        Ok(ended)
    }
}

/// Percent-encodes all but unreserved characters (for a URL's user, password and path).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The repository's `crates/paypro-store/scripts/NAME`.
fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new(".."))
        .join("paypro-store/scripts")
        .join(name)
}

/// A PostgreSQL server this test may create databases in (see the module's docs).
pub(crate) struct Postgres {
    server: Server,
    /// The private cluster, when this process started one.
    cluster: Option<Cluster>,
    /// The databases this test created (dropped at its end on a server it did not start).
    created: Mutex<Vec<String>>,
}

impl Postgres {
    /// A server for `test`, or `None` after printing one line saying what is missing (a
    /// failure under `PAYPRO_POSTGRES_TEST=require`). A server that is there but does not
    /// work fails the test.
    pub(crate) async fn for_test(test: &str) -> Option<Postgres> {
        match Postgres::find().await {
            Ok(pg) => Some(pg),
            Err(missing) => {
                if std::env::var("PAYPRO_POSTGRES_TEST").as_deref() == Ok("require") {
                    panic!("PAYPRO_POSTGRES_TEST=require, but {missing}");
                }
                // Straight to stderr (not `eprintln!`, which the test harness captures), so
                // that it shows in a plain `cargo test`.
                let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {missing}");
                None
            }
        }
    }

    /// `Err` only when no server can be had (the one line); panics when one is there but
    /// does not work.
    async fn find() -> Result<Postgres, String> {
        if let Some(url) = std::env::var_os("PAYPRO_POSTGRES_URL") {
            let url = url.to_string_lossy();
            let server =
                Server::from_url(&url).unwrap_or_else(|e| panic!("PAYPRO_POSTGRES_URL={url}: {e}"));
            server
                .admin()
                .await
                .unwrap_or_else(|e| panic!("PAYPRO_POSTGRES_URL={url}: {e}"));
            return Ok(Postgres {
                server,
                cluster: None,
                created: Mutex::default(),
            });
        }
        let start = script("start-postgres.sh");
        let unset = format!(
            "no PostgreSQL server: PAYPRO_POSTGRES_URL is not set \
             (`eval \"$(sh {})\"` starts one and sets it)",
            start.display()
        );
        if is_root() {
            return Err(format!(
                "{unset}, and as root this test does not start a cluster of its own \
                 (PostgreSQL refuses to run as root)"
            ));
        }
        let Some(bin) = bin_dir() else {
            return Err(format!(
                "{unset}, and no initdb and pg_ctl on PATH or in /usr/lib/postgresql/*/bin \
                 to start a cluster with ({} installs them, as root)",
                script("install-postgres.sh").display()
            ));
        };
        let cluster = Cluster::start(bin)
            .unwrap_or_else(|e| panic!("a private PostgreSQL cluster did not start: {e}"));
        let server = Server::from_url(&cluster.url()).unwrap();
        server
            .admin()
            .await
            .unwrap_or_else(|e| panic!("the private PostgreSQL cluster: {e}"));
        Ok(Postgres {
            server,
            cluster: Some(cluster),
            created: Mutex::default(),
        })
    }

    /// Creates a new, empty database for this test; its name.
    pub(crate) async fn create_database(&self, label: &str) -> Result<String, String> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "paypro_{label}_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        assert!(
            name.len() <= 63
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "a plain database name: {name}"
        );
        self.server
            .admin()
            .await?
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .map_err(|e| format!("CREATE DATABASE {name}: {e}"))?;
        self.created.lock().unwrap().push(name.clone());
        Ok(name)
    }

    /// The URL of the database `db`, straight to the server.
    pub(crate) fn url_of(&self, db: &str) -> String {
        self.server.url(&self.server.host, self.server.port, db)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if self.cluster.is_some() {
            return; // the cluster goes, databases and all
        }
        let created = std::mem::take(&mut *self.created.lock().unwrap_or_else(|e| e.into_inner()));
        if created.is_empty() {
            return;
        }
        // Dropped on a thread of its own: this runs inside the test's runtime, maybe while a
        // failed test unwinds (so nothing here may panic).
        let server = self.server.clone();
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            runtime.block_on(async {
                server.terminate_backends(&created).await?;
                let admin = server.admin().await?;
                for db in &created {
                    admin
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {db}"))
                        .await
                        .map_err(|e| format!("DROP DATABASE {db}: {e}"))?;
                }
                Ok::<(), String>(())
            })
        })
        .join();
        if let Ok(Err(e)) = dropped {
            eprintln!("the test's databases were not all dropped: {e}");
        }
    }
}

/// A throwaway cluster of the current (non-root) user, stopped and deleted when dropped.
struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
}

impl Cluster {
    fn start(bin: PathBuf) -> Result<Cluster, String> {
        // One directory per cluster: several tests of this process may start one at once.
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = scratch(&format!("postgres-{}", N.fetch_add(1, Ordering::Relaxed)));
        // Not a TestServer: a port number for the Postgres server to bind.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let cluster = Cluster { bin, dir, port };
        let data = cluster.dir.join("data");
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            cluster.dir.display()
        );
        let log = cluster.dir.join("log");
        cluster.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-A".as_ref(),
                "trust".as_ref(),
                "-U".as_ref(),
                "postgres".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        )?;
        cluster.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-o".as_ref(),
                options.as_ref(),
                "-l".as_ref(),
                log.as_os_str(),
                "-w".as_ref(),
                "start".as_ref(),
            ],
        )?;
        Ok(cluster)
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) -> Result<(), String> {
        let out = Command::new(self.bin.join(program))
            .args(args)
            .output()
            .map_err(|e| format!("{program}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{program} failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "immediate".as_ref(),
                "stop".as_ref(),
            ],
        );
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The directory holding `initdb` and `pg_ctl`: on `PATH`, else the newest
/// `/usr/lib/postgresql/*/bin` (Debian keeps them off `PATH`).
fn bin_dir() -> Option<PathBuf> {
    let has = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(found) = std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).find(|dir| has(dir)))
    {
        return Some(found);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, bin)| has(bin))
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// Whether this process runs as root (uid 0), from /proc (no libc call).
fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|u| u == "0"))
        })
        .unwrap_or(false)
}

/// A TCP proxy on 127.0.0.1 between the stores under test and the server, so that a test can
/// take the server away from them and give it back (see the module's docs). Clones share
/// one proxy; it stops when the last is dropped.
#[derive(Clone)]
pub(crate) struct Proxy {
    inner: Arc<Inner>,
}

struct Inner {
    port: u16,
    server: Server,
    /// The databases whose backends [`Proxy::down`] terminates.
    databases: Vec<String>,
    state: Arc<Mutex<State>>,
    accept: AbortHandle,
}

#[derive(Default)]
struct State {
    refusing: bool,
    /// The forwarding task of each connection accepted since the last cut.
    connections: Vec<AbortHandle>,
}

impl Proxy {
    /// A proxy to `pg`'s server; [`Proxy::down`] ends the backends of `databases`.
    pub(crate) async fn start(pg: &Postgres, databases: &[&str]) -> Proxy {
        // Not a TestServer: a byte-level TCP proxy to Postgres that cuts and refuses connections.
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("the proxy binds");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let upstream = (pg.server.host.clone(), pg.server.port);
        let accept = tokio::spawn(accept_loop(listener, upstream, Arc::clone(&state)));
        Proxy {
            inner: Arc::new(Inner {
                port,
                server: pg.server.clone(),
                databases: databases.iter().map(|d| d.to_string()).collect(),
                state,
                accept: accept.abort_handle(),
            }),
        }
    }

    /// The URL of the database `db` through this proxy.
    pub(crate) fn url_of(&self, db: &str) -> String {
        self.inner.server.url("127.0.0.1", self.inner.port, db)
    }

    /// The server goes away: every connection through the proxy is dropped, new ones are
    /// refused (accepted and closed at once) until [`Proxy::up`], and every backend of the
    /// databases is terminated on the server. The number of connections cut.
    pub(crate) async fn down(&self) -> Result<usize, String> {
        let cut = {
            let mut state = self.inner.state.lock().unwrap();
            state.refusing = true;
            let open: Vec<AbortHandle> = state.connections.drain(..).collect();
            let live = open.iter().filter(|c| !c.is_finished()).count();
            open.iter().for_each(AbortHandle::abort);
            live
        };
        self.inner
            .server
            .terminate_backends(&self.inner.databases)
            .await?;
        Ok(cut)
    }

    /// The server is back: connections are accepted and forwarded again.
    pub(crate) fn up(&self) {
        self.inner.state.lock().unwrap().refusing = false;
    }

    /// [`Proxy::down`], `pause`, then [`Proxy::up`]; the number of connections cut.
    pub(crate) async fn restart(&self, pause: Duration) -> Result<usize, String> {
        let cut = self.down().await;
        tokio::time::sleep(pause).await;
        self.up();
        cut
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.accept.abort();
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.connections.iter().for_each(AbortHandle::abort);
    }
}

async fn accept_loop(listener: TcpListener, upstream: (String, u16), state: Arc<Mutex<State>>) {
    loop {
        let mut client = match listener.accept().await {
            Ok((client, _)) => client,
            Err(_) => {
                // Out of file descriptors, say: try again shortly instead of spinning.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        // Decided under the lock that `down` takes: a connection is refused, or it is in the
        // list that `down` cuts.
        let mut guard = state.lock().unwrap();
        if guard.refusing {
            drop(client);
            continue;
        }
        guard.connections.retain(|c| !c.is_finished());
        let upstream = upstream.clone();
        let forward = tokio::spawn(async move {
            let Ok(mut server) = TcpStream::connect((upstream.0.as_str(), upstream.1)).await else {
                return; // the client sees its connection closed
            };
            let _ = client.set_nodelay(true);
            let _ = server.set_nodelay(true);
            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
        });
        guard.connections.push(forward.abort_handle());
        drop(guard);
    }
}
