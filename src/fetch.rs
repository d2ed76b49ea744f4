//! The network, only where the user asked for it: reading a document or a schema from an
//! `http(s)://` URL, and checking that the links in a resume answer (`--check-links`).
//!
//! Every request is bounded: [`TIMEOUT`] in all (connecting, redirects, headers and the
//! whole body: a total deadline, so a server that drips a byte a second cannot hold a
//! run for longer), [`MAX_BYTES`] of body, at most [`MAX_REDIRECTS`] redirects, and
//! only `http` and `https` (also after a redirect). A web page (`text/html`) is refused:
//! it is a sign-in page or a page about the file, never a resume. TLS is rustls with
//! the `ring` provider (no OpenSSL, no C build of aws-lc).

use std::io::Read;
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::load::{Document, escape_pointer_token};

/// How long one request may take in all: connecting, redirects, headers and body.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The largest body read from a URL: 5 MiB.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// How many redirects are followed.
pub const MAX_REDIRECTS: usize = 5;
/// How many links are checked at once.
pub const LINK_CONCURRENCY: usize = 8;

/// A URL could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an absolute `http://` or `https://` URL.
    #[error("`{url}` is not an http(s) URL: vitae only fetches http:// and https://")]
    Scheme {
        /// The URL as given.
        url: String,
    },
    /// The request failed: no connection, a timeout, too many redirects, a bad certificate.
    #[error("cannot fetch `{url}`: {reason}")]
    Request {
        /// The URL as given.
        url: String,
        /// What went wrong, in words.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("cannot fetch `{url}`: the server answered {status}")]
    Status {
        /// The URL as given.
        url: String,
        /// The status line, e.g. `404 Not Found`.
        status: String,
    },
    /// The body is larger than [`MAX_BYTES`].
    #[error("`{url}` is larger than the {} MiB vitae reads from the network", MAX_BYTES / (1024 * 1024))]
    TooLarge {
        /// The URL as given.
        url: String,
    },
    /// The whole answer did not arrive within the client's timeout.
    #[error("cannot fetch `{url}`: no complete answer within {}", seconds(*timeout))]
    TimedOut {
        /// The URL as given.
        url: String,
        /// The time allowed, in all.
        timeout: Duration,
    },
    /// The server answered with a web page, not a document.
    #[error(
        "`{url}` is a web page ({content_type}), not a resume: a sign-in page, or a page that \
         shows the file? Give the address of the raw file (on GitHub: the `Raw` button, \
         raw.githubusercontent.com)"
    )]
    WebPage {
        /// The URL as given.
        url: String,
        /// The content type the server sent, or what the body looked like.
        content_type: String,
    },
    /// The HTTP client could not be set up.
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
}

/// Whether `text` is an `http://` or `https://` URL (case-insensitive scheme).
#[must_use]
pub fn is_http_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// An HTTP client with vitae's limits. Cheap to clone; usable from many threads.
#[derive(Debug, Clone)]
pub struct Client {
    inner: reqwest::blocking::Client,
    timeout: Duration,
}

impl Client {
    /// A client with the default [`TIMEOUT`].
    ///
    /// # Errors
    /// [`FetchError::Client`] when the TLS or HTTP stack cannot be set up.
    pub fn new() -> Result<Self, FetchError> {
        Self::with_timeout(TIMEOUT)
    }

    /// A client whose requests give up after `timeout` in all.
    ///
    /// # Errors
    /// As [`Client::new`].
    pub fn with_timeout(timeout: Duration) -> Result<Self, FetchError> {
        static PROVIDER: Once = Once::new();
        PROVIDER.call_once(|| {
            // Fails only when a provider is already installed, which is fine.
            let _ = rustls::crypto::ring::default_provider().install_default();
        });
        let policy = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() > MAX_REDIRECTS {
                attempt.error(format!("more than {MAX_REDIRECTS} redirects"))
            } else if !matches!(attempt.url().scheme(), "http" | "https") {
                let to = attempt.url().to_string();
                attempt.error(format!("redirected to `{to}`, which is not http(s)"))
            } else {
                attempt.follow()
            }
        });
        let inner = reqwest::blocking::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(policy)
            .user_agent(concat!("vitae/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| FetchError::Client(reason(&e, timeout)))?;
        Ok(Client { inner, timeout })
    }

    /// The time a request may take in all.
    #[must_use]
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Fetches `url` and returns its body.
    ///
    /// # Errors
    /// [`FetchError`] for a URL that is not http(s), a failed request, an error status, a
    /// web page, a body over [`MAX_BYTES`], or an answer not complete within the
    /// timeout.
    pub fn get(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        if !is_http_url(url) {
            return Err(FetchError::Scheme {
                url: url.to_owned(),
            });
        }
        let deadline = Instant::now() + self.timeout;
        let timed_out = || FetchError::TimedOut {
            url: url.to_owned(),
            timeout: self.timeout,
        };
        let request_error = |e: reqwest::Error| {
            if e.is_timeout() {
                timed_out()
            } else {
                FetchError::Request {
                    url: url.to_owned(),
                    reason: reason(&e, self.timeout),
                }
            }
        };
        // A per-request timeout is reqwest's total deadline (the client-wide one of the
        // blocking client applies to each read of the body, not to the whole body).
        let mut response = self
            .inner
            .get(url)
            .timeout(self.timeout)
            .send()
            .map_err(request_error)?;
        let status = response.status();
        if status.is_redirection() {
            // reqwest hands back redirects it will not follow (to another scheme).
            let to = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("nowhere");
            return Err(FetchError::Request {
                url: url.to_owned(),
                reason: format!("it redirects to `{to}`, which is not an http(s) URL"),
            });
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                url: url.to_owned(),
                status: status.to_string(),
            });
        }
        if let Some(content_type) = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .filter(|t| is_web_page(t))
        {
            return Err(FetchError::WebPage {
                url: url.to_owned(),
                content_type: content_type.to_owned(),
            });
        }
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BYTES as u64)
        {
            return Err(FetchError::TooLarge {
                url: url.to_owned(),
            });
        }
        let mut body = Vec::new();
        let mut chunk = vec![0; 64 * 1024];
        loop {
            // reqwest enforces the deadline; this check makes sure of it.
            if Instant::now() >= deadline {
                return Err(timed_out());
            }
            let n = match response.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(_) if Instant::now() >= deadline => return Err(timed_out()),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    return Err(FetchError::Request {
                        url: url.to_owned(),
                        reason: format!("the connection broke while reading: {e}"),
                    });
                }
            };
            if body.len() + n > MAX_BYTES {
                return Err(FetchError::TooLarge {
                    url: url.to_owned(),
                });
            }
            body.extend_from_slice(&chunk[..n]);
        }
        if looks_like_html(&body) {
            return Err(FetchError::WebPage {
                url: url.to_owned(),
                content_type: "an HTML page".to_owned(),
            });
        }
        Ok(body)
    }

    /// Whether `url` answers: a HEAD request, then a GET when HEAD fails or is refused
    /// (many servers do not implement HEAD). `Err` says why the link is dead.
    ///
    /// # Errors
    /// A sentence saying why the link is dead: the status it answered, or the failure.
    pub fn check(&self, url: &str) -> Result<(), String> {
        if !is_http_url(url) {
            return Err("not an http(s) URL".to_owned());
        }
        let alive = |status: reqwest::StatusCode| {
            status.is_success() || status.is_redirection() || status.as_u16() == 429
        };
        if let Ok(r) = self.inner.head(url).timeout(self.timeout).send()
            && alive(r.status())
        {
            return Ok(());
        }
        match self.inner.get(url).timeout(self.timeout).send() {
            Ok(r) if alive(r.status()) => Ok(()),
            Ok(r) => Err(format!("it answered {}", r.status())),
            Err(e) => Err(reason(&e, self.timeout)),
        }
    }

    /// Checks every link in `docs` (each URL once, [`LINK_CONCURRENCY`] at a time) and
    /// returns, per document, one `lint/dead-link` warning per place a dead URL is used.
    #[must_use]
    pub fn check_links(&self, docs: &[&Document]) -> Vec<Vec<Diagnostic>> {
        let per_doc: Vec<Vec<(String, String)>> = docs.iter().map(|d| links(&d.value)).collect();
        let mut urls: Vec<&str> = per_doc
            .iter()
            .flatten()
            .map(|(_, url)| url.as_str())
            .collect();
        urls.sort_unstable();
        urls.dedup();
        let verdicts = self.check_all(&urls);
        docs.iter()
            .zip(&per_doc)
            .map(|(doc, links)| {
                links
                    .iter()
                    .filter_map(|(pointer, url)| {
                        let i = urls.binary_search(&url.as_str()).ok()?;
                        let why = verdicts[i].as_ref().err()?;
                        Some(
                            Diagnostic::new(
                                "lint/dead-link",
                                Severity::Warning,
                                format!("`{url}` does not answer: {why}"),
                            )
                            .with_help("fix or remove the link")
                            .locate(doc, pointer, Target::Value),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    fn check_all(&self, urls: &[&str]) -> Vec<Result<(), String>> {
        let next = AtomicUsize::new(0);
        let workers = LINK_CONCURRENCY.min(urls.len());
        let mut verdicts: Vec<Result<(), String>> = vec![Ok(()); urls.len()];
        let found: Vec<Vec<(usize, Result<(), String>)>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    s.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(url) = urls.get(i) else { break };
                            mine.push((i, self.check(url)));
                        }
                        mine
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for (i, verdict) in found.into_iter().flatten() {
            verdicts[i] = verdict;
        }
        verdicts
    }
}

/// Every http(s) URL in a document's text values, with its JSON pointer.
#[must_use]
pub fn links(value: &Value) -> Vec<(String, String)> {
    fn walk(value: &Value, pointer: &mut String, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(s) if is_http_url(s.trim()) => {
                out.push((pointer.clone(), s.trim().to_owned()));
            }
            Value::Object(map) => {
                for (k, v) in map {
                    if k == "$schema" {
                        continue;
                    }
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(k));
                    walk(v, pointer, out);
                    pointer.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    walk(v, pointer, out);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut String::new(), &mut out);
    out
}

/// Whether a `Content-Type` names a web page.
fn is_web_page(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    matches!(essence.as_str(), "text/html" | "application/xhtml+xml")
}

/// Whether a body is an HTML page whatever its `Content-Type` said.
fn looks_like_html(body: &[u8]) -> bool {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = &body[start..body.len().min(start + 15)];
    let head = head.to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// A duration in words: `10 s`, `0.5 s`.
fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// A request error in words: the innermost cause, which says what really happened.
fn reason(err: &reqwest::Error, timeout: Duration) -> String {
    if err.is_timeout() {
        return format!("no answer within {}", seconds(timeout));
    }
    let mut innermost: &dyn std::error::Error = err;
    while let Some(next) = innermost.source() {
        innermost = next;
    }
    let detail = innermost.to_string();
    if err.is_redirect() {
        format!("too many or bad redirects ({detail})")
    } else if err.is_connect() {
        format!("cannot connect ({detail})")
    } else {
        detail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_pages_are_told_apart() {
        assert!(is_web_page("text/html; charset=utf-8"));
        assert!(is_web_page("Application/XHTML+XML"));
        assert!(!is_web_page("text/plain; charset=utf-8"));
        assert!(!is_web_page("application/json"));
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML><body>"));
        assert!(!looks_like_html(b"{\"basics\": {}}"));
        assert!(!looks_like_html(b"basics:\n  summary: <html> is a tag\n"));
    }

    #[test]
    fn durations_in_words() {
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(300)), "0.3 s");
    }
}
