//! Embeds the built-in themes: writes `$OUT_DIR/builtin_themes.rs`, a table of every
//! file under `themes/<name>/` as `(theme, relative path, include_str!(…))`, so adding a
//! theme or a template needs no code change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let themes = root.join("themes");
    println!("cargo::rerun-if-changed=themes");

    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&themes) {
        for entry in entries.flatten() {
            let dir = entry.path();
            if dir.join("theme.toml").is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                collect(&dir, &dir, &name, &mut files);
            }
        }
    }
    files.sort();

    let mut out = String::from(
        "/// Every file of every built-in theme: (theme, path inside the theme, text).\n\
         pub(crate) static FILES: &[(&str, &str, &str)] = &[\n",
    );
    for (theme, rel, abs) in &files {
        println!("cargo::rerun-if-changed={}", abs.display());
        writeln!(
            out,
            "    ({theme:?}, {rel:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .expect("writing to a String");
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("builtin_themes.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

/// Adds every text file under `dir` (recursively, skipping dot-files) to `files`.
fn collect(root: &Path, dir: &Path, theme: &str, files: &mut Vec<(String, String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, theme, files);
        } else if path.is_file() {
            let rel = path
                .strip_prefix(root)
                .expect("under the theme folder")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.push((theme.to_owned(), rel, path));
        }
    }
}
