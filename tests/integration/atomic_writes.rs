//! Output files are written atomically (temporary file + rename) by every command that
//! writes one: a run that fails, is refused or is killed half-way leaves the previous
//! file exactly as it was, and a read-only target folder is an error, not a clobbered
//! file.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{fixture, run_bounded};

const PREVIOUS: &[u8] = b"previous contents\n";

/// A folder this process cannot write into, whatever its privileges: `chmod 555`, and
/// as root (where permissions do not stop writes) `chattr +i` as well. Undone on drop.
struct ReadOnlyDir {
    path: PathBuf,
    immutable: bool,
}

impl ReadOnlyDir {
    fn new(path: PathBuf) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(path.join(".probe"), b"x").is_err() {
            return Some(ReadOnlyDir {
                path,
                immutable: false,
            });
        }
        std::fs::remove_file(path.join(".probe")).unwrap();
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(ReadOnlyDir {
            path,
            immutable: true,
        })
    }
}

impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        }
        let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o755));
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn writes_into_a_read_only_folder_fail_and_leave_the_old_files() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::copy(
        fixture("jsonresume/sample.resume.json"),
        dir.path().join("in.json"),
    )
    .unwrap();
    let legacy = fixture("jsonresume/legacy-examples/sample.resume.v0.0.16.json");
    std::fs::copy(&legacy, out_dir.join("old.json")).unwrap();
    let targets = ["r.yaml", "m.json", "s.json", "r.html"];
    for name in &targets {
        std::fs::write(out_dir.join(name), PREVIOUS).unwrap();
    }
    let before = names_in(&out_dir);
    let Some(_guard) = ReadOnlyDir::new(out_dir.clone()) else {
        // Root on a file system without the immutable flag (overlayfs, tmpfs): nothing
        // here can make a folder read-only. Say so loudly rather than pass in silence;
        // `VITAE_REQUIRE_READONLY_TEST=1` turns this into a failure.
        let message = "cannot make a read-only folder here (chmod and chattr both failed)";
        assert!(
            std::env::var_os("VITAE_REQUIRE_READONLY_TEST").is_none(),
            "{message}"
        );
        eprintln!("SKIPPED writes_into_a_read_only_folder_fail_and_leave_the_old_files: {message}");
        return;
    };
    let cases: [&[&str]; 6] = [
        &["convert", "in.json", "-o", "out/r.yaml"],
        &["migrate", "out/old.json", "-o", "out/m.json"],
        &["migrate", "out/old.json", "--in-place"],
        &["schema", "-o", "out/s.json"],
        &["render", "in.json", "-o", "out/r.html"],
        &["init", "out/new.json"],
    ];
    for args in cases {
        let out = run_bounded(dir.path(), args, None, &[]);
        assert_eq!(
            out.code,
            Some(2),
            "`vitae {}`: {}",
            args.join(" "),
            out.all()
        );
        assert!(
            // `init` names the folder it cannot write in.
            out.stderr.contains("cannot write `out/")
                || out.stderr.contains("cannot write in `out`"),
            "`vitae {}`: {}",
            args.join(" "),
            out.stderr
        );
        assert!(!out.panicked());
    }
    for name in &targets {
        assert_eq!(
            std::fs::read(out_dir.join(name)).unwrap(),
            PREVIOUS,
            "{name}"
        );
    }
    assert_eq!(
        std::fs::read(out_dir.join("old.json")).unwrap(),
        std::fs::read(&legacy).unwrap()
    );
    assert_eq!(names_in(&out_dir), before, "no temporary files left");
}

/// Runs that fail after reading their input leave an existing output file alone.
#[test]
fn failed_runs_leave_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("bad.json"), "{\"basics\": ").unwrap();
    std::fs::write(d.join("null.json"), "{\"basics\": {\"name\": null}}").unwrap();
    std::fs::write(d.join("list.json"), "[1]").unwrap();
    std::fs::write(d.join("dup.json"), "{\"a\": 1, \"a\": 2}").unwrap();
    std::fs::write(d.join("empty.yaml"), "").unwrap();
    std::fs::write(d.join("old.json"), "{\"basics\": ").unwrap();
    let cases: [&[&str]; 10] = [
        &["convert", "bad.json", "-o", "out.yaml"],
        &["convert", "null.json", "-o", "out.toml"],
        &["convert", "list.json", "-o", "out.yaml"],
        &["convert", "dup.json", "-o", "out.yaml"],
        &["convert", "empty.yaml", "-o", "out.json"],
        &["migrate", "bad.json", "-o", "out.json"],
        &["migrate", "old.json", "--in-place"],
        &["render", "bad.json", "-o", "out.html"],
        &["render", "dup.json", "-o", "out.html"],
        &["render", "null.json", "-o", "out.pdf"],
    ];
    for args in cases {
        for name in ["out.yaml", "out.toml", "out.json", "out.html", "out.pdf"] {
            std::fs::write(d.join(name), PREVIOUS).unwrap();
        }
        let out = run_bounded(d, args, None, &[]);
        assert_eq!(
            out.code,
            Some(2),
            "`vitae {}`: {}",
            args.join(" "),
            out.all()
        );
        for name in ["out.yaml", "out.toml", "out.json", "out.html", "out.pdf"] {
            assert_eq!(
                std::fs::read(d.join(name)).unwrap(),
                PREVIOUS,
                "`vitae {}`",
                args.join(" ")
            );
        }
    }
    assert_eq!(std::fs::read(d.join("old.json")).unwrap(), b"{\"basics\": ");
    let leftovers: Vec<_> = names_in(d)
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// `-o` names a folder: refused, the folder untouched.
#[test]
fn an_output_that_is_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(fixture("jsonresume/sample.resume.json"), d.join("in.json")).unwrap();
    std::fs::create_dir(d.join("out.yaml")).unwrap();
    let out = run_bounded(d, &["convert", "in.json", "-o", "out.yaml"], None, &[]);
    assert_eq!(out.code, Some(2), "{}", out.all());
    assert!(
        out.stderr.contains("cannot write `out.yaml`"),
        "{}",
        out.stderr
    );
    assert!(d.join("out.yaml").is_dir());
    assert_eq!(std::fs::read_dir(d.join("out.yaml")).unwrap().count(), 0);
}

/// `--in-place` on a link updates the file it points to and keeps the link.
#[test]
fn in_place_follows_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(
        fixture("jsonresume/legacy-examples/sample.resume.v0.0.16.json"),
        d.join("real.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink("real.json", d.join("resume.json")).unwrap();
    let out = run_bounded(d, &["migrate", "resume.json", "--in-place"], None, &[]);
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert!(
        std::fs::symlink_metadata(d.join("resume.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let migrated = std::fs::read_to_string(d.join("real.json")).unwrap();
    assert!(migrated.contains("\"url\""), "{migrated}");
}

/// A run killed at any moment leaves the target either as it was or complete: never a
/// prefix of the new contents.
#[test]
fn a_killed_run_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A big resume (about 8 MB), so the write takes a while.
    let work: Vec<serde_json::Value> = (0..40_000)
        .map(|i| serde_json::json!({"name": format!("Employer {i}"), "position": "Engineer",
             "startDate": "2020-01", "highlights": ["Built things", "Shipped them", "Wrote about them"]}))
        .collect();
    let doc = serde_json::json!({"basics": {"name": "Ada"}, "work": work});
    std::fs::write(d.join("big.json"), doc.to_string()).unwrap();
    let full = run_bounded(
        d,
        &["convert", "big.json", "-o", "complete.yaml"],
        None,
        &[],
    );
    assert_eq!(full.code, Some(0), "{}", full.all());
    let complete = std::fs::read(d.join("complete.yaml")).unwrap();
    let (mut old_kept, mut new_written) = (0, 0);
    for attempt in 0..12u64 {
        std::fs::write(d.join("out.yaml"), PREVIOUS).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_vitae"))
            .args(["convert", "big.json", "-o", "out.yaml"])
            .current_dir(d)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a different moment each time: before, while and after writing.
        std::thread::sleep(std::time::Duration::from_millis(attempt * attempt * 15));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(d.join("out.yaml")).unwrap();
        if now == PREVIOUS {
            old_kept += 1;
        } else {
            assert!(
                now == complete,
                "attempt {attempt}: a partial file ({} of {} bytes)",
                now.len(),
                complete.len()
            );
            new_written += 1;
        }
        // A killed run cannot remove its temporary file: it is hidden and named so.
        for name in names_in(d) {
            if name.starts_with(".vitae-") && name.ends_with(".tmp") {
                std::fs::remove_file(d.join(name)).unwrap();
            }
        }
    }
    println!("killed runs: {old_kept} left the old file, {new_written} had written the new one");
}
