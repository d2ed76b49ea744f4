//! Markdown in resume text (`summary`, `highlights`, …), rendered for each output
//! format without trusting it.
//!
//! Resume authors write `**bold**`, lists and links in their text fields; themes show
//! that formatting. Raw HTML in the text is shown as text, never passed through;
//! links become links only for the URLs [`safe_url`] accepts; images become their alt
//! text (a resume should not load pictures from elsewhere); headings are demoted to
//! bold paragraphs so they cannot break the theme's outline.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::text::{escape_markdown, escape_typst_into, escape_typst_string, safe_url, url_display};

/// What Markdown text is turned into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Sanitised HTML.
    Html,
    /// Typst markup in which the text is literal.
    Typst,
    /// Markdown again, with raw HTML and unsafe links defused.
    Markdown,
    /// Plain text: formatting dropped, link targets in brackets.
    Text,
}

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Renders the Markdown `source` for `target`. With `inline`, paragraphs are joined
/// with spaces instead of being wrapped as blocks (for a list item or a table cell).
#[must_use]
pub fn render(source: &str, target: Target, inline: bool) -> String {
    match target {
        Target::Html => to_html(source, inline),
        Target::Typst => to_typst(source, inline),
        Target::Markdown => defuse_markdown(source, inline),
        Target::Text => to_text(source, inline),
    }
}

/// Rewrites the events of one document so that nothing unsafe is left: raw HTML as
/// text, unsafe links unwrapped, images as their alt text, headings as bold paragraphs.
fn sanitised(source: &str, inline: bool) -> Vec<Event<'_>> {
    let mut events = Vec::new();
    // For each open link: whether its start tag was kept.
    let mut links: Vec<bool> = Vec::new();
    let mut paragraphs = 0usize;
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Html(text) | Event::InlineHtml(text) => events.push(Event::Text(text)),
            Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match safe_url(&dest_url) {
                Some(url) => {
                    links.push(true);
                    events.push(Event::Start(Tag::Link {
                        link_type: if link_type == LinkType::Email {
                            LinkType::Email
                        } else {
                            LinkType::Inline
                        },
                        dest_url: CowStr::from(url),
                        title,
                        id,
                    }));
                }
                None => links.push(false),
            },
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(Tag::Heading { .. }) => {
                events.push(Event::Start(Tag::Paragraph));
                events.push(Event::Start(Tag::Strong));
            }
            Event::End(TagEnd::Heading(_)) => {
                events.push(Event::End(TagEnd::Strong));
                events.push(Event::End(TagEnd::Paragraph));
            }
            Event::Start(Tag::Paragraph) if inline => {
                if paragraphs > 0 {
                    events.push(Event::Text(CowStr::Borrowed(" ")));
                }
                paragraphs += 1;
            }
            Event::End(TagEnd::Paragraph) if inline => {}
            other => events.push(other),
        }
    }
    events
}

fn to_html(source: &str, inline: bool) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 4);
    pulldown_cmark::html::push_html(&mut out, sanitised(source, inline).into_iter());
    if inline {
        out.truncate(out.trim_end().len());
    }
    out
}

fn to_typst(source: &str, inline: bool) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 4);
    // Open lists: the next number of an ordered list, `None` for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in sanitised(source, inline) {
        match event {
            Event::Text(t) | Event::Code(t) => escape_typst_into(&t, &mut out),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("\\ "),
            Event::Start(Tag::Strong) => out.push_str("#strong["),
            Event::Start(Tag::Emphasis) => out.push_str("#emph["),
            Event::Start(Tag::Strikethrough) => out.push_str("#strike["),
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.push_str("#link(\"");
                out.push_str(&escape_typst_string(&dest_url));
                out.push_str("\")[");
            }
            Event::End(
                TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough | TagEnd::Link,
            ) => {
                out.push(']');
            }
            Event::End(TagEnd::Paragraph) if lists.is_empty() => out.push_str("\n\n"),
            Event::End(TagEnd::Paragraph) => out.push(' '),
            Event::Start(Tag::List(start)) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.push_str("\n\n");
                }
            }
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item) => out.push('\n'),
            Event::Start(Tag::CodeBlock(_)) => {}
            Event::End(TagEnd::CodeBlock) => out.push_str("\n\n"),
            Event::Rule => out.push_str("#line(length: 100%)\n\n"),
            _ => {}
        }
    }
    // Code blocks keep their lines: the escaping turned `\n` into spaces already, which
    // is acceptable for a resume.
    out.trim().to_owned()
}

fn to_text(source: &str, inline: bool) -> String {
    let mut out = String::with_capacity(source.len());
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut link_stack: Vec<(String, usize)> = Vec::new();
    for event in sanitised(source, inline) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link_stack.push((dest_url.to_string(), out.len()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, at)) = link_stack.pop() {
                    let shown = url_display(&url);
                    if out[at..].trim() != shown {
                        out.push_str(&format!(" ({shown})"));
                    }
                }
            }
            Event::End(TagEnd::Paragraph) if lists.is_empty() => out.push_str("\n\n"),
            Event::End(TagEnd::Paragraph) => out.push(' '),
            Event::Start(Tag::List(start)) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item) => {
                out.truncate(out.trim_end().len());
                out.push('\n');
            }
            Event::End(TagEnd::CodeBlock) => out.push('\n'),
            Event::Rule => out.push_str("\n\n"),
            _ => {}
        }
    }
    let trimmed: Vec<&str> = out.lines().map(str::trim_end).collect();
    trimmed.join("\n").trim().to_owned()
}

/// Keeps the author's Markdown but defuses what would be unsafe in a Markdown viewer:
/// a backslash before the `<` of raw HTML and autolinks with unsafe schemes, and before
/// the `[` of links and images whose target is not a safe URL. Repeats until a parse
/// finds nothing left (defusing one link can reveal another), then gives up and escapes
/// everything.
fn defuse_markdown(source: &str, inline: bool) -> String {
    let opts = Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut text = source.trim().to_owned();
    for _ in 0..8 {
        let mut at: Vec<usize> = Vec::new();
        for (event, range) in Parser::new_ext(&text, opts).into_offset_iter() {
            match event {
                Event::Html(_) | Event::InlineHtml(_) => {
                    at.extend(
                        text[range.clone()]
                            .match_indices('<')
                            .map(|(i, _)| range.start + i),
                    );
                }
                Event::Start(Tag::Link { dest_url, .. }) if safe_url(&dest_url).is_none() => {
                    at.push(range.start);
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    let http = safe_url(&dest_url).is_some_and(|u| u.starts_with("http"));
                    if !http {
                        // `![alt](x)`: escape the `[`, not the `!`.
                        at.push(range.start + usize::from(text[range].starts_with('!')));
                    }
                }
                _ => {}
            }
        }
        if at.is_empty() {
            return if inline {
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                text
            };
        }
        at.sort_unstable();
        at.dedup();
        for i in at.into_iter().rev() {
            text.insert(i, '\\');
        }
    }
    escape_markdown(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "Hi <script>alert(1)</script> **bold** [x](javascript:alert(1)) \
        <img src=x onerror=alert(1)> [ok](https://example.com) ![p](https://t.example/p.png)";

    #[test]
    fn html_is_sanitised() {
        let html = render(HOSTILE, Target::Html, false);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(
            html.contains(r#"<a href="https://example.com">ok</a>"#),
            "{html}"
        );
        assert!(html.starts_with("<p>"), "{html}");
        let inline = render("one\n\ntwo", Target::Html, true);
        assert_eq!(inline, "one two");
    }

    #[test]
    fn block_html_and_headings() {
        let html = render(
            "<div onclick=\"x()\">\nhi\n</div>\n\n# Big",
            Target::Html,
            false,
        );
        assert!(!html.contains("<div"), "{html}");
        assert!(!html.contains("<h1"), "{html}");
        assert!(html.contains("<p><strong>Big</strong></p>"), "{html}");
    }

    #[test]
    fn typst_markup() {
        let typ = render(HOSTILE, Target::Typst, false);
        assert!(typ.contains("#strong[bold]"), "{typ}");
        assert!(typ.contains(r#"#link("https://example.com")[ok]"#), "{typ}");
        assert!(!typ.contains("javascript"), "{typ}");
        assert!(typ.contains(r"\<script\>"), "{typ}");
        let list = render("- a\n- b #x\n", Target::Typst, false);
        assert_eq!(list, "- a\n- b \\#x");
        let evil = render("#sys.exit() $x$ `#raw` [a](b) <l>", Target::Typst, false);
        // `[a](b)` is a link to a relative target: unlinked, its text kept.
        assert_eq!(evil, r"\#sys.exit() \$x\$ \#raw a \<l\>");
    }

    #[test]
    fn markdown_is_defused() {
        let md = render(HOSTILE, Target::Markdown, false);
        assert!(md.contains(r"\<script>"), "{md}");
        assert!(md.contains(r"\[x](javascript:alert(1))"), "{md}");
        assert!(md.contains("[ok](https://example.com)"), "{md}");
        assert!(md.contains("![p](https://t.example/p.png)"), "{md}");
        // Re-parsing finds no HTML and no unsafe link.
        for event in Parser::new_ext(&md, options()) {
            match event {
                Event::Html(_) | Event::InlineHtml(_) => panic!("html left in {md}"),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    assert!(safe_url(&dest_url).is_some(), "{md}");
                }
                _ => {}
            }
        }
        let nested = render(
            "[[a](javascript:x)](javascript:y) <javascript:z>",
            Target::Markdown,
            false,
        );
        for event in Parser::new_ext(&nested, options()) {
            if let Event::Start(Tag::Link { dest_url, .. }) = event {
                panic!("link to {dest_url} left in {nested}");
            }
        }
        let reference = render(
            "[a][r]\n\n[r]: javascript:alert(1)",
            Target::Markdown,
            false,
        );
        for event in Parser::new_ext(&reference, options()) {
            if let Event::Start(Tag::Link { dest_url, .. }) = event {
                panic!("link to {dest_url} left in {reference}");
            }
        }
    }

    #[test]
    fn plain_text() {
        let text = render(
            "Built **fast** tools.\n\n- one\n- [two](https://two.example.com)\n",
            Target::Text,
            false,
        );
        assert_eq!(text, "Built fast tools.\n\n- one\n- two (two.example.com)");
        assert_eq!(render("a\n\nb", Target::Text, true), "a b");
    }
}
