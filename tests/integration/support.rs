//! Helpers shared by the integration tests: fixture paths and running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository's `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A path under `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    fixtures().join(rel)
}

/// Every file with extension `ext` in `dir`, sorted.
pub fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

/// The `vitae` binary, ready to run in `dir`.
pub fn vitae(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vitae"));
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    cmd
}

/// Runs `vitae ARGS` in `dir` with `stdin` as its input.
pub fn run_with_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = vitae(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vitae runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Runs `vitae ARGS` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    vitae(dir).args(args).output().expect("vitae runs")
}

/// Stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A run of `vitae` that cannot hang or eat the machine: see [`run_bounded`].
#[derive(Debug)]
pub struct Bounded {
    /// The exit code (`None`: killed by a signal).
    pub code: Option<i32>,
    /// Stdout, lossily decoded.
    pub stdout: String,
    /// Stderr, lossily decoded.
    pub stderr: String,
    /// The most memory the process held (VmHWM, KiB), as last seen while polling.
    pub peak_kib: u64,
}

impl Bounded {
    /// Stdout and stderr together.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// Whether the run panicked (Rust's panic message or its backtrace hint).
    pub fn panicked(&self) -> bool {
        let all = self.all();
        all.contains("panicked") || all.contains("RUST_BACKTRACE")
    }
}

/// A run that takes longer than this is a hang, not slowness: it only guards the test
/// suite against a run that never ends; no test asserts on speed.
pub const HANG: std::time::Duration = std::time::Duration::from_secs(60);

/// The address space (KiB) a bounded run may reserve: 2 GiB, a hundred times what any
/// accepted input needs. Past it allocations fail and the run aborts, which the hostile
/// suites report as a failure ("memory without bound").
pub const MEMORY_KIB: u64 = 2 * 1024 * 1024;

/// Runs `vitae ARGS` in `dir` under an address-space limit ([`MEMORY_KIB`], through
/// `ulimit -v`), with `stdin` (or nothing), extra environment variables, and a kill
/// after [`HANG`] (then the test fails, naming the command).
pub fn run_bounded(
    dir: &Path,
    args: &[&str],
    stdin: Option<&[u8]>,
    env: &[(&str, &str)],
) -> Bounded {
    use std::io::{Read, Write};
    use std::time::Instant;
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$@\""))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_vitae"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("vitae runs");
    let pid = child.id();
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        // The child may stop reading early (an input over the limit): ignore the error.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    // Drain the pipes in threads so a chatty child cannot block on a full pipe.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = pipe.read_to_end(&mut s);
            s
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let mut peak_kib = 0;
    let status = loop {
        peak_kib = peak_kib.max(vm_hwm_kib(pid));
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            child.kill().ok();
            child.wait().ok();
            panic!("`vitae {}` hung: killed after {HANG:?}", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    if let Some(feeder) = feeder {
        feeder.join().unwrap();
    }
    Bounded {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
        peak_kib,
    }
}

/// The peak resident memory of a running process (Linux), 0 when unknown.
fn vm_hwm_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}
