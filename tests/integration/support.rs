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
