//! `vitae render`, `vitae themes` and `vitae init`: every built-in theme shows every
//! entry of the official sample, nothing hostile gets through, local themes stay in
//! their folder, errors point at the template line.

use std::path::Path;

use crate::support::{fixture, run, stderr, stdout};

/// The built-in themes and the format each writes (PDF is checked in `pdf.rs`).
const TEXT_THEMES: &[(&str, &str)] = &[
    ("modern", "html"),
    ("classic", "html"),
    ("markdown", "md"),
    ("text", "txt"),
    ("modern-pdf", "typ"),
    ("classic-pdf", "typ"),
];

fn render_ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "vitae {args:?} failed: {}",
        stderr(&out)
    );
    stdout(&out)
}

/// Text as a reader sees it: HTML entities decoded, Typst and Markdown backslash
/// escapes removed, whitespace collapsed.
pub fn readable(text: &str) -> String {
    let text = text
        .replace("&amp;", "&")
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(chars.next().unwrap_or('\\'));
        } else {
            out.push(c);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every entry of the official sample, by the text that names it.
pub const SAMPLE_ENTRIES: &[&str] = &[
    "Richard Hendriks",
    "Programmer",
    "Pied Piper",
    "CEO/President",
    "Successfully won Techcrunch Disrupt",
    "CoderDojo",
    "Teacher of the Month",
    "University of Oklahoma",
    "Information Technology",
    "DB1101 - Basic SQL",
    "Digital Compression Pioneer Award",
    "Techcrunch",
    "Video compression for 3d media",
    "Hooli",
    "Web Development",
    "Javascript",
    "Compression",
    "Native speaker",
    "Wildlife",
    "Unicorns",
    "Erlich Bachman",
    "valuable addition to any company",
    "Miss Direction",
    "A mapping engine that misguides you",
    "Won award at AIHacks 2016",
    "San Francisco",
    "richard.hendriks@mail.com",
    "(912) 555-4321",
    "richardhendricks.example.com",
    "neutralthoughts",
    "SoundCloud",
];

#[test]
fn every_theme_shows_every_entry_of_the_sample() {
    let sample = fixture("jsonresume/sample.resume.json");
    let sample = sample.to_str().unwrap();
    for (theme, format) in TEXT_THEMES {
        let out = render_ok(
            Path::new("."),
            &["render", sample, "--theme", theme, "--format", format],
        );
        let text = readable(&out);
        for entry in SAMPLE_ENTRIES {
            assert!(text.contains(entry), "theme {theme}: `{entry}` missing");
        }
        // Dates are formatted in every theme.
        assert!(text.contains("2013") && text.contains("2014"), "{theme}");
        assert!(
            !out.contains("2013-12-01"),
            "theme {theme} prints raw dates"
        );
    }
}

/// `interests[].summary` is not in the standard, but the text importer writes it (prose
/// under an interests heading): every theme shows it rather than lose it.
#[test]
fn every_theme_shows_an_interest_summary() {
    let dir = tempfile::tempdir().unwrap();
    let resume = r#"{"basics": {"name": "Ada"}, "interests": [
        {"name": "Sailing", "keywords": ["dinghies"],
         "summary": "Crewed a *two-handed* boat across the Baltic in 2019."}
    ]}"#;
    std::fs::write(dir.path().join("r.json"), resume).unwrap();
    for (theme, format) in TEXT_THEMES {
        let out = render_ok(
            dir.path(),
            &["render", "r.json", "--theme", theme, "--format", format],
        );
        let text = readable(&out);
        for words in ["Sailing", "dinghies", "across the Baltic in 2019"] {
            assert!(
                text.contains(words),
                "theme {theme}: `{words}` missing:\n{out}"
            );
        }
    }
    for theme in ["modern-pdf", "classic-pdf"] {
        let out = run(
            dir.path(),
            &["render", "r.json", "--theme", theme, "-o", "r.pdf"],
        );
        assert!(out.status.success(), "{theme}: {}", stderr(&out));
    }
}

#[test]
fn absent_sections_leave_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    std::fs::write(
        &path,
        r#"{"basics": {"name": "Only Name", "profiles": []}, "work": [{}], "skills": [{"name": ""}]}"#,
    )
    .unwrap();
    for (theme, format) in TEXT_THEMES {
        let out = render_ok(
            dir.path(),
            &["render", "r.json", "--theme", theme, "--format", format],
        );
        assert!(out.contains("Only Name"), "{theme}");
        for label in [
            "Experience",
            "Skills",
            "Profiles",
            "Education",
            "Volunteering",
            "Awards",
            "Certificates",
            "Publications",
            "Languages",
            "Interests",
            "References",
            "Projects",
            "Profile",
            "Contact",
        ] {
            assert!(
                !out.contains(label) && !out.contains(&label.to_uppercase()),
                "theme {theme} shows `{label}` for an absent section:\n{out}"
            );
        }
    }
}

/// A resume that tries everything: markup, scripts, event handlers, `javascript:`
/// URLs, template syntax and Typst code in every kind of field.
pub const HOSTILE: &str = r##"{
  "basics": {
    "name": "Eve <script>alert('name')</script>",
    "label": "{{ resume.basics.email }} {% for x in range(3) %}LOOP{% endfor %}",
    "image": "javascript:alert('img')",
    "email": "eve@example.com\" onmouseover=\"alert(1)",
    "url": "javascript:alert('url')",
    "phone": "<b>555</b>",
    "summary": "Hi <img src=x onerror=alert('summary')> [click](javascript:alert('md')) <a href=\"javascript:alert(2)\">a</a> #panic(\"typst-pwned\") $x^2$ @ref <lbl> `raw` ]) #read(\"/etc/passwd\")",
    "location": {"city": "<svg onload=alert(1)>", "address": "#set page(width: 1cm)"},
    "profiles": [{"network": "\"><script>alert(3)</script>", "username": "x", "url": "data:text/html,<script>alert(4)</script>"}]
  },
  "work": [{
    "name": "Acme\" onclick=\"alert(5)",
    "position": "{{ 7 * 7 }}] #panic(\"pos\") [",
    "url": "JaVaScRiPt:alert(6)",
    "startDate": "2020-01",
    "summary": "<iframe src=\"https://evil.example\"></iframe>\n\n<script>alert(7)</script>",
    "highlights": ["<style>body{display:none}</style>", "*][#panic(\"hl\")", "{{ range(10)|join }}"]
  }],
  "projects": [{"name": "P #{ panic() }", "url": "//evil.example/p", "keywords": ["<k>", "#k"]}],
  "skills": [{"name": "`#panic()`", "keywords": ["\\", "]", "[#raw(\"x\")"]}],
  "references": [{"name": "R", "reference": "</blockquote><script>alert(8)</script>"}]
}"##;

const HTML_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "div",
    "header",
    "main",
    "aside",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "li",
    "span",
    "a",
    "strong",
    "em",
    "del",
    "code",
    "br",
    "blockquote",
];

/// Checks an HTML page made from [`HOSTILE`]: only the themes' own tags, no event
/// handler attributes, only safe link targets, template syntax shown as written.
fn assert_html_is_safe(theme: &str, html: &str) {
    let lower = html.to_ascii_lowercase();
    for (i, _) in lower.match_indices('<') {
        let rest = &lower[i + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if rest.starts_with('!') {
            continue;
        }
        assert!(
            HTML_TAGS.contains(&name.as_str()),
            "theme {theme}: unexpected tag <{name}> at {}",
            &html[i..(i + 60).min(html.len())]
        );
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        for attr in tag.split_whitespace().skip(1) {
            assert!(
                !attr.starts_with("on"),
                "theme {theme}: event handler in <{tag}>"
            );
        }
        if let Some(at) = tag.find("href=\"") {
            let target = &tag[at + 6..];
            assert!(
                ["http://", "https://", "mailto:", "tel:"]
                    .iter()
                    .any(|s| target.starts_with(s)),
                "theme {theme}: unsafe link <{tag}>"
            );
        }
        if let Some(at) = tag.find("src=\"") {
            panic!("theme {theme}: resource loaded by <{tag}> ({at})");
        }
    }
    // `javascript:` URLs may show as text (escaped), never as a link target: every
    // real tag's `href` was checked above.
}

#[test]
fn hostile_resume_renders_safely_in_every_theme() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil.json"), HOSTILE).unwrap();
    for (theme, format) in TEXT_THEMES {
        let out = render_ok(
            dir.path(),
            &["render", "evil.json", "--theme", theme, "--format", format],
        );
        let text = readable(&out);
        // Template syntax is printed, never run.
        assert!(
            text.contains("{{ resume.basics.email }}"),
            "theme {theme}:\n{out}"
        );
        assert!(
            text.contains("{% for x in range(3) %}LOOP{% endfor %}"),
            "{theme}"
        );
        assert!(
            !out.contains("LOOPLOOP") && !out.contains("0123456789"),
            "{theme}"
        );
        match *format {
            "html" => assert_html_is_safe(theme, &out),
            "md" => assert_markdown_is_safe(theme, &out),
            "typ" => assert_typst_is_literal(theme, &out),
            _ => {
                // Plain text has no markup to inject; the text is there as written.
                assert!(text.contains("<script>alert('name')</script>"), "{theme}");
            }
        }
    }
}

fn assert_markdown_is_safe(theme: &str, md: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                panic!("theme {theme}: raw HTML `{h}` in\n{md}")
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                assert!(
                    ["http://", "https://", "mailto:", "tel:"]
                        .iter()
                        .any(|s| dest_url.to_ascii_lowercase().starts_with(s)),
                    "theme {theme}: link to `{dest_url}`"
                );
            }
            _ => {}
        }
    }
}

/// In Typst markup, code starts with `#`: the only `#` not preceded by a backslash
/// must be the theme's own (at the start of a line or after the theme's markup).
/// The real proof is in `pdf.rs`: the PDF compiles and shows the payload as text.
fn assert_typst_is_literal(theme: &str, typ: &str) {
    for payload in [
        "#panic",
        "#read",
        "#set page(width",
        "$x^2$",
        "@ref",
        "<lbl>",
    ] {
        for (i, _) in typ.match_indices(payload) {
            assert!(
                typ[..i].ends_with('\\'),
                "theme {theme}: `{payload}` unescaped at {}",
                &typ[i.saturating_sub(30)..(i + 30).min(typ.len())]
            );
        }
    }
}

#[test]
fn labels_and_dates_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.json"),
        r#"{"basics": {"name": "A"}, "work": [{"name": "W", "startDate": "2021-03"}],
            "meta": {"language": "fr"}}"#,
    )
    .unwrap();
    let fr = render_ok(dir.path(), &["render", "r.json", "--format", "txt"]);
    assert!(fr.contains("EXPÉRIENCE PROFESSIONNELLE"), "{fr}");
    assert!(fr.contains("mars 2021 – aujourd’hui"), "{fr}");
    for (lang, label, range) in [
        ("de", "Berufserfahrung", "März 2021 – heute"),
        ("nl", "Werkervaring", "maart 2021 – heden"),
        ("es", "Experiencia laboral", "marzo 2021 – actualidad"),
        ("en", "Experience", "March 2021 – Present"),
    ] {
        let html = render_ok(
            dir.path(),
            &["render", "r.json", "--theme", "classic", "--lang", lang],
        );
        assert!(html.contains(label), "{lang}");
        assert!(html.contains(range), "{lang}: {html}");
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
    }
}

#[test]
fn output_format_follows_the_extension_and_the_theme() {
    let dir = tempfile::tempdir().unwrap();
    let sample = fixture("jsonresume/sample.resume.json");
    let sample = sample.to_str().unwrap();
    for (file, start) in [
        ("out.html", "<!DOCTYPE html>"),
        ("out.md", "# Richard Hendriks"),
        ("out.txt", "Richard Hendriks\n================"),
        ("out.typ", "#let accent"),
    ] {
        let out = run(dir.path(), &["render", sample, "-o", file]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(
            text.trim_start().starts_with(start),
            "{file}: {}",
            &text[..80]
        );
    }
    // A theme decides when nothing else does.
    let md = render_ok(dir.path(), &["render", sample, "--theme", "markdown"]);
    assert!(md.starts_with("# Richard Hendriks"));
    // A theme that cannot make the format says so.
    let out = run(
        dir.path(),
        &["render", sample, "--theme", "modern", "--format", "pdf"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("makes html, not pdf"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn text_theme_wraps_at_80_columns() {
    let seed = fixture("text/expected/seed-cv-source.json");
    let out = render_ok(
        Path::new("."),
        &["render", seed.to_str().unwrap(), "--format", "txt"],
    );
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "line too long: {line}");
    }
    assert!(out.starts_with("Eric Koepke\n===========\n"), "{out}");
    // Markdown in text fields is reduced to plain text.
    assert!(out.contains("building data centric solutions"));
    assert!(!out.contains("**"), "{out}");
}

#[test]
fn a_type_error_points_at_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.json"),
        "{\n  \"work\": [\n    {\"name\": \"A\", \"endDate\": null}\n  ]\n}\n",
    )
    .unwrap();
    let out = run(dir.path(), &["render", "r.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("r.json:3:"), "{err}");
    assert!(err.contains("/work/0/endDate"), "{err}");
}

fn write_theme(dir: &Path, name: &str, template: &str) {
    let theme = dir.join(name);
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(
        theme.join("theme.toml"),
        format!("name = \"{name}\"\ndescription = \"test\"\nformat = \"html\"\n"),
    )
    .unwrap();
    std::fs::write(theme.join("resume.html.j2"), template).unwrap();
}

#[test]
fn local_themes_render_and_report_template_errors_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.json"), r#"{"basics": {"name": "Ada"}}"#).unwrap();
    let themes = dir.path().join("themes");
    write_theme(&themes, "mine", "<h1>{{ resume.basics.name }}</h1>\n");
    write_theme(
        &themes,
        "broken",
        "<h1>{{ resume.basics.name }}</h1>\n<p>{{ resume.basics.name|nosuchfilter }}</p>\n",
    );
    // By name from ./themes, and by path.
    assert_eq!(
        render_ok(dir.path(), &["render", "r.json", "--theme", "mine"]),
        "<h1>Ada</h1>\n"
    );
    assert_eq!(
        render_ok(
            dir.path(),
            &["render", "r.json", "--theme", "./themes/mine"]
        ),
        "<h1>Ada</h1>\n"
    );
    let out = run(dir.path(), &["render", "r.json", "--theme", "broken"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("template `resume.html.j2`"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("nosuchfilter"), "{err}");
    assert!(
        err.contains("<p>{{ resume.basics.name|nosuchfilter }}</p>"),
        "{err}"
    );
    // Listed next to the built-ins.
    let list = render_ok(dir.path(), &["themes"]);
    for name in [
        "modern",
        "classic",
        "markdown",
        "text",
        "modern-pdf",
        "classic-pdf",
        "mine",
        "broken",
    ] {
        assert!(
            list.lines().any(|l| l.starts_with(&format!("{name} "))),
            "{name} not in\n{list}"
        );
    }
}

#[test]
fn themes_cannot_leave_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.json"), r#"{"basics": {"name": "Ada"}}"#).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "TOP-SECRET").unwrap();
    let themes = dir.path().join("themes");
    write_theme(&themes, "sneaky", "{% include \"../secret.txt\" %}");
    write_theme(&themes, "absolute", "{% include \"/etc/hostname\" %}");
    write_theme(&themes, "linked", "{% include \"link.txt\" %}");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        themes.join("linked").join("link.txt"),
    )
    .unwrap();
    for theme in ["sneaky", "absolute", "linked"] {
        let out = run(dir.path(), &["render", "r.json", "--theme", theme]);
        assert_eq!(out.status.code(), Some(2), "{theme}");
        assert!(!stdout(&out).contains("TOP-SECRET"), "{theme}");
        assert!(!stderr(&out).contains("TOP-SECRET"), "{theme}");
    }
    // A theme name never walks out; a path must be a theme folder.
    for spec in ["../../x", "../themes", "/etc", "r.json"] {
        let out = run(dir.path(), &["render", "r.json", "--theme", spec]);
        assert_eq!(out.status.code(), Some(2), "{spec}");
        assert!(
            stderr(&out).contains("is not a theme"),
            "{spec}: {}",
            stderr(&out)
        );
    }
    let out = run(dir.path(), &["render", "r.json", "--theme", "nosuch"]);
    assert!(
        stderr(&out).contains("no theme named `nosuch`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn runaway_templates_run_out_of_fuel() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.json"), r#"{"basics": {"name": "Ada"}}"#).unwrap();
    write_theme(
        &dir.path().join("themes"),
        "loop",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    );
    let out = run(dir.path(), &["render", "r.json", "--theme", "loop"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("fuel"), "{}", stderr(&out));
}

#[test]
fn themes_copy_makes_an_editable_theme() {
    let dir = tempfile::tempdir().unwrap();
    let sample = fixture("jsonresume/sample.resume.json");
    let out = run(dir.path(), &["themes", "--copy", "classic", "themes/mine"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("themes/mine/theme.toml").is_file());
    let builtin = render_ok(
        dir.path(),
        &["render", sample.to_str().unwrap(), "--theme", "classic"],
    );
    let copy = render_ok(
        dir.path(),
        &[
            "render",
            sample.to_str().unwrap(),
            "--theme",
            "./themes/mine",
        ],
    );
    assert_eq!(builtin, copy);
    // Never over an existing folder.
    let again = run(dir.path(), &["themes", "--copy", "classic", "themes/mine"]);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn a_local_theme_named_like_a_built_in_one_is_listed_once_as_the_override() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["themes", "--copy", "classic", "themes/classic"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let list = render_ok(dir.path(), &["themes"]);
    let classic: Vec<&str> = list
        .lines()
        .filter(|l| l.split_whitespace().next() == Some("classic"))
        .collect();
    assert_eq!(classic.len(), 1, "{list}");
    assert!(classic[0].contains("(overrides built-in)"), "{list}");
    // The other built-ins are still listed as such.
    assert!(
        list.lines()
            .any(|l| l.starts_with("modern ") && l.contains("built-in")),
        "{list}"
    );
}

#[test]
fn init_writes_a_starter_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = dir.path().join("resume.json");
    let written = std::fs::read_to_string(&path).unwrap();
    // It validates cleanly and renders.
    let check = run(dir.path(), &["validate", "resume.json"]);
    assert!(check.status.success(), "{}", stdout(&check));
    assert!(render_ok(dir.path(), &["render", "resume.json"]).contains("Your Name"));
    // A second run fails and leaves the file alone.
    std::fs::write(&path, "mine").unwrap();
    let again = run(dir.path(), &["init", "resume.json"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    assert_ne!(written, "mine");
    // YAML and TOML starters hold the same resume.
    for name in ["resume.yaml", "resume.toml"] {
        let out = run(dir.path(), &["init", name]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
    let value = |name: &str| {
        vitae::load::from_path(&dir.path().join(name), None)
            .unwrap()
            .value
    };
    let json = vitae::load::parse(&written, vitae::Format::Json)
        .unwrap()
        .value;
    assert_eq!(value("resume.yaml"), json);
    assert_eq!(value("resume.toml"), json);
    let bad = run(dir.path(), &["init", "resume.docx"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_missing_input_is_named_once_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["render", "convert", "migrate"] {
        let out = run(dir.path(), &[command, "missing.json"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = stderr(&out);
        assert!(
            err.contains("cannot read `missing.json`"),
            "{command}: {err}"
        );
        // The reason once: not repeated by the error chain.
        assert_eq!(err.matches("os error 2").count(), 1, "{command}: {err}");
    }
}
