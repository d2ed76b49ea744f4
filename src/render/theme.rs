//! Themes: a folder with a `theme.toml` and minijinja templates, built into the
//! binary or found on disk.
//!
//! A theme can only ever read its own files: template names with `..`, absolute paths,
//! backslashes or dot-files are refused, and a file reached through a symlink must
//! still be inside the theme folder once resolved.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_themes.rs"));
}

/// The manifest file every theme folder has.
pub const MANIFEST: &str = "theme.toml";

/// Largest template file a theme may have (1 MiB).
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// What a theme's templates produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeFormat {
    /// A self-contained HTML page.
    Html,
    /// Markdown.
    Markdown,
    /// Plain text.
    Text,
    /// Typst markup, compiled to PDF (or written as `.typ`).
    Typst,
}

impl ThemeFormat {
    /// The name used in `theme.toml` and listings.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "markdown",
            Self::Text => "text",
            Self::Typst => "typst",
        }
    }

    /// The file-name endings (before an optional `.j2`) an entry template of this
    /// format may have.
    fn entry_extensions(self) -> &'static [&'static str] {
        match self {
            Self::Html => &[".html", ".htm"],
            Self::Markdown => &[".md", ".markdown"],
            Self::Text => &[".txt", ".text"],
            Self::Typst => &[".typ"],
        }
    }

    /// The entry template when `theme.toml` names none.
    fn default_entry(self) -> &'static str {
        match self {
            Self::Html => "resume.html.j2",
            Self::Markdown => "resume.md.j2",
            Self::Text => "resume.txt.j2",
            Self::Typst => "resume.typ.j2",
        }
    }
}

impl fmt::Display for ThemeFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The contents of `theme.toml`.
///
/// ```toml
/// name = "modern"
/// description = "One column, accent colour, print-ready"
/// format = "html"              # html | markdown | text | typst
/// entry = "resume.html.j2"     # optional; this is the default for html
/// date-format = "%b %Y"        # optional; the default of the `date` filters
///
/// [labels.de]                  # optional; overrides of the built-in section labels
/// work = "Berufserfahrung"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Manifest {
    /// Theme name, as `--theme` takes it.
    pub name: String,
    /// One line saying what the theme looks like.
    #[serde(default)]
    pub description: String,
    /// What the templates produce.
    pub format: ThemeFormat,
    /// The template rendered first (it may include, import or extend others).
    #[serde(default)]
    pub entry: Option<String>,
    /// Default format of the `date` and `daterange` filters, e.g. `%b %Y`.
    #[serde(default)]
    pub date_format: Option<String>,
    /// Label overrides per language: `labels.de.work = "Berufserfahrung"`.
    #[serde(default)]
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
}

/// Where a theme's files are.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    /// Embedded in the binary, under this folder name.
    Builtin(&'static str),
    /// A folder on disk (canonical path).
    Dir(PathBuf),
}

/// A theme ready to render with: its manifest and access to its templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    manifest: Manifest,
    origin: Origin,
}

/// A theme that cannot be found or read.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// No built-in or local theme has this name.
    #[error("no theme named `{name}`{}", available_hint(available))]
    NotFound {
        /// The name asked for.
        name: String,
        /// The names that exist.
        available: Vec<String>,
    },
    /// The path is neither a theme name nor a folder with a `theme.toml`.
    #[error(
        "`{spec}` is not a theme: give a theme name (see `vitae themes`) or a path to a folder with a `theme.toml`"
    )]
    NotATheme {
        /// What was given.
        spec: String,
    },
    /// `theme.toml` is missing, unreadable or invalid.
    #[error("{path}: {message}")]
    Manifest {
        /// The manifest's path (or `builtin:NAME/theme.toml`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A template name was refused or its file could not be read.
    #[error("theme `{theme}`: template `{template}`: {message}")]
    Template {
        /// Theme name.
        theme: String,
        /// The template name asked for.
        template: String,
        /// What is wrong.
        message: String,
    },
}

fn available_hint(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" (themes: {})", names.join(", "))
    }
}

impl Theme {
    /// The built-in theme called `name`.
    #[must_use]
    pub fn builtin(name: &str) -> Option<Theme> {
        let (folder, _, text) = builtin::FILES
            .iter()
            .find(|(theme, path, _)| *theme == name && *path == MANIFEST)?;
        // Built-in manifests are checked by a test; a broken one is a bug, not input.
        let manifest = parse_manifest(text, &format!("builtin:{folder}/{MANIFEST}")).ok()?;
        Some(Theme {
            manifest,
            origin: Origin::Builtin(folder),
        })
    }

    /// Every built-in theme, by name.
    #[must_use]
    pub fn builtins() -> Vec<Theme> {
        builtin::FILES
            .iter()
            .filter(|(_, path, _)| *path == MANIFEST)
            .filter_map(|(name, _, _)| Theme::builtin(name))
            .collect()
    }

    /// The theme in folder `dir` (which must hold a `theme.toml`).
    ///
    /// # Errors
    /// [`ThemeError::NotATheme`] when `dir` has no `theme.toml`,
    /// [`ThemeError::Manifest`] when it cannot be read or is invalid.
    pub fn from_dir(dir: &Path) -> Result<Theme, ThemeError> {
        let manifest_path = dir.join(MANIFEST);
        if !manifest_path.is_file() {
            return Err(ThemeError::NotATheme {
                spec: dir.display().to_string(),
            });
        }
        let shown = manifest_path.display().to_string();
        let root = dir.canonicalize().map_err(|e| ThemeError::Manifest {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        let text = read_limited(&root.join(MANIFEST)).map_err(|message| ThemeError::Manifest {
            path: shown.clone(),
            message,
        })?;
        let manifest = parse_manifest(&text, &shown)?;
        Ok(Theme {
            manifest,
            origin: Origin::Dir(root),
        })
    }

    /// Finds the theme `spec` names: a theme name (`modern`) is looked up in
    /// `local_root` (a folder of theme folders, e.g. `./themes`) and then among the
    /// built-ins; anything else must be the path of a theme folder (or of its
    /// `theme.toml`). A path that is not a theme folder is refused, so `../../x` cannot
    /// be used to reach files outside a themes folder.
    ///
    /// # Errors
    /// [`ThemeError::NotFound`], [`ThemeError::NotATheme`], or a [`ThemeError::Manifest`]
    /// for a broken local theme.
    pub fn find(spec: &str, local_root: Option<&Path>) -> Result<Theme, ThemeError> {
        if is_theme_name(spec) {
            if let Some(root) = local_root {
                let dir = root.join(spec);
                if dir.join(MANIFEST).is_file() {
                    return Theme::from_dir(&dir);
                }
            }
            if let Some(theme) = Theme::builtin(spec) {
                return Ok(theme);
            }
            let mut available: Vec<String> = Theme::builtins()
                .iter()
                .map(|t| t.name().to_owned())
                .collect();
            if let Some(root) = local_root {
                available.extend(local_themes(root).into_iter().filter_map(|(dir, _)| {
                    dir.file_name().map(|n| n.to_string_lossy().into_owned())
                }));
            }
            available.sort();
            available.dedup();
            return Err(ThemeError::NotFound {
                name: spec.to_owned(),
                available,
            });
        }
        let path = Path::new(spec);
        let dir = if path.file_name().is_some_and(|n| n == MANIFEST) && path.is_file() {
            path.parent().unwrap_or(Path::new("."))
        } else {
            path
        };
        if dir.is_dir() && dir.join(MANIFEST).is_file() {
            Theme::from_dir(dir)
        } else {
            Err(ThemeError::NotATheme {
                spec: spec.to_owned(),
            })
        }
    }

    /// The theme's name, from its manifest.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    /// The one-line description.
    #[must_use]
    pub fn description(&self) -> &str {
        &self.manifest.description
    }

    /// What the templates produce.
    #[must_use]
    pub fn format(&self) -> ThemeFormat {
        self.manifest.format
    }

    /// The parsed `theme.toml`.
    #[must_use]
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Whether the theme is built into the binary.
    #[must_use]
    pub fn is_builtin(&self) -> bool {
        matches!(self.origin, Origin::Builtin(_))
    }

    /// The folder of a theme on disk; `None` for a built-in one.
    #[must_use]
    pub fn dir(&self) -> Option<&Path> {
        match &self.origin {
            Origin::Dir(dir) => Some(dir),
            Origin::Builtin(_) => None,
        }
    }

    /// The name of the template rendered first.
    #[must_use]
    pub fn entry(&self) -> &str {
        self.manifest
            .entry
            .as_deref()
            .unwrap_or_else(|| self.manifest.format.default_entry())
    }

    /// The text of template `name` (a path relative to the theme folder, `/`
    /// separated); `Ok(None)` when the theme has no such file.
    ///
    /// # Errors
    /// [`ThemeError::Template`] for a name that tries to leave the theme folder (`..`,
    /// an absolute path, a symlink pointing out), a dot-file, a file over
    /// [`MAX_TEMPLATE_BYTES`], or a read error.
    pub fn template(&self, name: &str) -> Result<Option<String>, ThemeError> {
        let refuse = |message: &str| ThemeError::Template {
            theme: self.name().to_owned(),
            template: name.to_owned(),
            message: message.to_owned(),
        };
        if !is_safe_template_name(name) {
            return Err(refuse(
                "template names are paths inside the theme folder: no `..`, no absolute paths, no dot-files",
            ));
        }
        match &self.origin {
            Origin::Builtin(folder) => Ok(builtin::FILES
                .iter()
                .find(|(theme, path, _)| theme == folder && *path == name)
                .map(|(_, _, text)| (*text).to_owned())),
            Origin::Dir(root) => {
                let path = root.join(name);
                if std::fs::symlink_metadata(&path).is_err() {
                    return Ok(None);
                }
                let real = path.canonicalize().map_err(|e| refuse(&e.to_string()))?;
                if !real.starts_with(root) {
                    return Err(refuse("the file is outside the theme folder (a symlink?)"));
                }
                if !real.is_file() {
                    return Ok(None);
                }
                read_limited(&real).map(Some).map_err(|m| refuse(&m))
            }
        }
    }

    /// Every file of the theme, as (relative path, text), for copying a theme.
    ///
    /// # Errors
    /// A file of a local theme that cannot be read.
    pub fn files(&self) -> Result<Vec<(String, String)>, ThemeError> {
        match &self.origin {
            Origin::Builtin(folder) => Ok(builtin::FILES
                .iter()
                .filter(|(theme, _, _)| theme == folder)
                .map(|(_, path, text)| ((*path).to_owned(), (*text).to_owned()))
                .collect()),
            Origin::Dir(root) => {
                let mut names = Vec::new();
                list_files(root, root, &mut names);
                names.sort();
                let mut files = Vec::new();
                for name in names {
                    if let Some(text) = self.template(&name)? {
                        files.push((name, text));
                    }
                }
                Ok(files)
            }
        }
    }
}

/// The theme folders in `root` (each subfolder with a `theme.toml`), sorted by folder,
/// each with the theme or the reason it could not be read.
#[must_use]
pub fn local_themes(root: &Path) -> Vec<(PathBuf, Result<Theme, ThemeError>)> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(MANIFEST).is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let theme = Theme::from_dir(&dir);
            (dir, theme)
        })
        .collect()
}

/// A plain theme name: letters, digits, `-` and `_`, starting with a letter or digit.
#[must_use]
pub fn is_theme_name(spec: &str) -> bool {
    spec.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && spec
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A relative, `/`-separated path without `.`/`..` segments, dot-files, backslashes,
/// drive letters or control characters.
fn is_safe_template_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains(['\\', ':', '\0'])
        && !name.chars().any(char::is_control)
        && name
            .split('/')
            .all(|seg| !seg.is_empty() && !seg.starts_with('.'))
}

fn read_limited(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_TEMPLATE_BYTES {
        return Err(format!(
            "the file is larger than {} KiB",
            MAX_TEMPLATE_BYTES / 1024
        ));
    }
    std::fs::read_to_string(path).map_err(|e| e.to_string())
}

fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            list_files(root, &path, out);
        } else if kind.is_file()
            && let Ok(rel) = path.strip_prefix(root)
        {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
}

fn parse_manifest(text: &str, path: &str) -> Result<Manifest, ThemeError> {
    let err = |message: String| ThemeError::Manifest {
        path: path.to_owned(),
        message,
    };
    let manifest: Manifest = toml::from_str(text).map_err(|e| err(e.to_string()))?;
    if manifest.name.trim().is_empty() {
        return Err(err("`name` is empty".to_owned()));
    }
    if let Some(entry) = &manifest.entry {
        let bare = entry.strip_suffix(".j2").unwrap_or(entry);
        let extensions = manifest.format.entry_extensions();
        if !extensions.iter().any(|ext| bare.ends_with(ext)) {
            return Err(err(format!(
                "`entry = \"{entry}\"` does not fit `format = \"{}\"`: the entry template of this format ends with {} (optionally followed by .j2)",
                manifest.format,
                extensions.join(" or ")
            )));
        }
        if !is_safe_template_name(entry) {
            return Err(err(format!(
                "`entry = \"{entry}\"` must be a path inside the theme folder"
            )));
        }
    }
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in ["modern", "my-theme", "a_1"] {
            assert!(is_theme_name(ok), "{ok}");
        }
        for bad in ["", "../x", "./x", "x/y", "-x", ".x", "x.toml"] {
            assert!(!is_theme_name(bad), "{bad}");
        }
        for ok in ["resume.html.j2", "parts/job.html.j2"] {
            assert!(is_safe_template_name(ok), "{ok}");
        }
        for bad in [
            "",
            "../x",
            "a/../../x",
            "/etc/passwd",
            "a//b",
            ".hidden",
            "a/.git/config",
            "C:\\x",
            "c:/x",
            "a\\b",
            "./a",
        ] {
            assert!(!is_safe_template_name(bad), "{bad}");
        }
    }

    #[test]
    fn manifests_are_checked() {
        let bad = parse_manifest("name = \"x\"\nformat = \"html\"\nentry = \"a.txt\"", "t");
        assert!(bad.unwrap_err().to_string().contains("does not fit"));
        let typo = parse_manifest("name = \"x\"\nformat = \"html\"\nentri = \"a.html\"", "t");
        assert!(typo.unwrap_err().to_string().contains("entri"));
        let format = parse_manifest("name = \"x\"\nformat = \"docx\"", "t");
        assert!(format.is_err());
    }
}
