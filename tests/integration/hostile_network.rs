//! URL inputs against a misbehaving server on 127.0.0.1 (started by the test): a body
//! that drips forever, headers that drip, silence, an endless body, a web page, a
//! redirect loop, a redirect to `file://`, TLS to a port that does not speak it. Each
//! command that reads a document ends with exit 2 and a message naming the URL.
//!
//! The timeout is lowered with `VITAE_HTTP_TIMEOUT_MS` so that a case costs a fraction
//! of a second. The drip cases show that the timeout is a total deadline: a byte every
//! 20 ms never lets a per-read timeout fire, so a run that depended on one would only
//! end at the suite's hang guard, and fail.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use crate::support::{fixture, run_bounded};

const VALID: &str = "{\"basics\": {\"name\": \"Ada\"}}";

/// Reads a request's first line and headers; returns the path.
fn read_request(stream: &TcpStream) -> Option<String> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut request = String::new();
    reader.read_line(&mut request).ok()?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
    }
    request.split_whitespace().nth(1).map(str::to_owned)
}

/// Writes `bytes` one at a time, 20 ms apart, until the client goes away.
fn drip(stream: &mut TcpStream, bytes: impl Iterator<Item = u8>) {
    for b in bytes {
        if stream.write_all(&[b]).is_err() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn answer(stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

fn misbehave(mut stream: TcpStream) {
    let Some(path) = read_request(&stream) else {
        return;
    };
    match path.as_str() {
        "/resume.json" => answer(
            &mut stream,
            "200 OK",
            "Content-Type: application/json\r\n",
            VALID.as_bytes(),
        ),
        "/drip" => {
            // Under the size limit, so that only the deadline can end it.
            let head = "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            drip(
                &mut stream,
                "{\"basics\": {\"summary\": \""
                    .bytes()
                    .chain(std::iter::repeat(b'a')),
            );
        }
        "/drip-chunked" => {
            let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            drip(&mut stream, b"1\r\n \r\n".iter().copied().cycle());
        }
        "/drip-headers" => drip(
            &mut stream,
            "HTTP/1.1 200 OK\r\n"
                .bytes()
                .chain(b"X-Slow: ".iter().copied())
                .chain(std::iter::repeat(b'a')),
        ),
        "/silent" => {
            // Never answer; hold the connection until the client gives up.
            let mut sink = [0; 64];
            let _ = stream.set_read_timeout(Some(Duration::from_secs(120)));
            while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
        }
        "/endless" => {
            let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let chunk = format!("10000\r\n{}\r\n", " ".repeat(0x10000));
            while stream.write_all(chunk.as_bytes()).is_ok() {}
        }
        "/endless-no-length" => {
            // No length, no chunks: the body ends when the connection does (never).
            let _ = stream.write_all(b"HTTP/1.0 200 OK\r\n\r\n{\"basics\": {\"summary\": \"");
            let block = vec![b'a'; 0x10000];
            while stream.write_all(&block).is_ok() {}
        }
        "/huge-length" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Length: 10000000000\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
        }
        "/login" => answer(
            &mut stream,
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n",
            b"<!DOCTYPE html><html><body><form>Sign in</form></body></html>",
        ),
        "/login-as-text" => answer(
            &mut stream,
            "200 OK",
            "Content-Type: text/plain\r\n",
            b"\n<!doctype html>\n<html><body>Sign in</body></html>",
        ),
        "/loop" => answer(&mut stream, "302 Found", "Location: /loop\r\n", b""),
        "/ping" => answer(
            &mut stream,
            "307 Temporary Redirect",
            "Location: /pong\r\n",
            b"",
        ),
        "/pong" => answer(
            &mut stream,
            "307 Temporary Redirect",
            "Location: /ping\r\n",
            b"",
        ),
        "/to-file" => answer(
            &mut stream,
            "302 Found",
            "Location: file:///etc/passwd\r\n",
            b"",
        ),
        "/to-ftp" => answer(
            &mut stream,
            "301 Moved Permanently",
            "Location: ftp://127.0.0.1/resume.json\r\n",
            b"",
        ),
        "/forbidden" => answer(&mut stream, "403 Forbidden", "", b"no"),
        _ => answer(&mut stream, "404 Not Found", "", b"nope"),
    }
}

/// A misbehaving HTTP server on 127.0.0.1, one thread per connection; its base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || misbehave(stream));
        }
    });
    base
}

/// A port that answers any connection with bytes that are not TLS (nor HTTP).
fn serve_garbage() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let _ = stream.write_all(b"\x15\x03\x03\x00\x02\x02\x50garbage\r\n\r\n");
                let _ = stream.write_all(&[0xAB; 4096]);
                std::thread::sleep(Duration::from_secs(2));
            });
        }
    });
    format!("https://{addr}/resume.json")
}

/// Every command that reads a document, with `{}` where the URL goes.
fn commands(sample: &str) -> Vec<Vec<String>> {
    let c: Vec<Vec<&str>> = vec![
        vec!["validate", "{}"],
        vec!["validate", "--schema", "{}", sample],
        vec!["convert", "{}", "--to", "yaml"],
        vec!["migrate", "{}"],
        vec!["diff", "{}", sample],
        vec!["render", "{}", "--format", "html"],
    ];
    c.into_iter()
        .map(|v| v.into_iter().map(str::to_owned).collect())
        .collect()
}

/// Runs every command on `url` with a `timeout_ms` and checks: exit 2, no panic, the URL
/// named, and `why` in the message.
fn refused(url: &str, timeout_ms: &str, why: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let sample = fixture("jsonresume/sample.resume.json")
        .display()
        .to_string();
    let mut failures = Vec::new();
    for template in commands(&sample) {
        let args: Vec<String> = template.iter().map(|a| a.replace("{}", url)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run_bounded(
            dir.path(),
            &args,
            None,
            &[("VITAE_HTTP_TIMEOUT_MS", timeout_ms)],
        );
        let line = format!("`vitae {}`", args.join(" "));
        if out.panicked() {
            failures.push(format!("{line} panicked: {}", out.stderr));
        } else if out.code != Some(2) {
            failures.push(format!(
                "{line} exited {:?}, not 2: {}",
                out.code,
                out.all()
            ));
        } else if !out.stderr.contains(url) || !why.iter().any(|w| out.stderr.contains(w)) {
            failures.push(format!(
                "{line}: the message should name the URL and say {why:?}: {}",
                out.stderr
            ));
        }
    }
    failures
}

#[test]
fn misbehaving_servers_end_in_clear_errors() {
    let base = serve();
    let url = |p: &str| format!("{base}{p}");
    let timeout = "400";
    let within = "no complete answer within 0.4 s";
    let cases: Vec<(String, &str, Vec<&str>)> = vec![
        // Timeouts: a total deadline, whatever trickles in.
        (url("/drip"), timeout, vec![within]),
        (url("/drip-chunked"), timeout, vec![within]),
        (url("/drip-headers"), timeout, vec![within]),
        (url("/silent"), timeout, vec![within]),
        // Size: cut at the cap (the default timeout: reading 5 MiB is not the point).
        (url("/endless"), "10000", vec!["larger than the 5 MiB"]),
        (
            url("/endless-no-length"),
            "10000",
            vec!["larger than the 5 MiB"],
        ),
        (url("/huge-length"), "10000", vec!["larger than the 5 MiB"]),
        // A web page is not a resume.
        (
            url("/login"),
            timeout,
            vec!["is a web page (text/html; charset=utf-8), not a resume"],
        ),
        (
            url("/login-as-text"),
            timeout,
            vec!["is a web page (an HTML page), not a resume"],
        ),
        // Redirects.
        (url("/loop"), timeout, vec!["too many or bad redirects"]),
        (url("/ping"), timeout, vec!["too many or bad redirects"]),
        (
            url("/to-file"),
            timeout,
            vec!["file:///etc/passwd", "not http(s)"],
        ),
        (url("/to-ftp"), timeout, vec!["ftp://127.0.0.1/resume.json"]),
        (url("/forbidden"), timeout, vec!["403 Forbidden"]),
        // TLS to a port that speaks plain HTTP, and to one that speaks garbage.
        (
            base.replace("http://", "https://") + "/resume.json",
            timeout,
            vec!["cannot connect", "tls", "TLS"],
        ),
        (
            serve_garbage(),
            timeout,
            vec!["cannot connect", "tls", "TLS"],
        ),
    ];
    let mut failures = Vec::new();
    for (url, timeout_ms, why) in &cases {
        failures.extend(refused(url, timeout_ms, why));
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The same server answers well-behaved requests: the failures above are the server's.
#[test]
fn a_well_behaved_url_still_works() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{base}/resume.json");
    let out = run_bounded(
        dir.path(),
        &["validate", &url],
        None,
        &[("VITAE_HTTP_TIMEOUT_MS", "5000")],
    );
    assert_eq!(out.code, Some(0), "{}", out.all());
    let out = run_bounded(
        dir.path(),
        &["convert", &url, "--to", "toml"],
        None,
        &[("VITAE_HTTP_TIMEOUT_MS", "5000")],
    );
    assert_eq!(out.code, Some(0), "{}", out.all());
    assert_eq!(out.stdout, "[basics]\nname = \"Ada\"\n");
}

/// Link checks against the same server: each bad link is one warning; none hangs.
#[test]
fn link_checks_against_misbehaving_servers_end() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let doc = serde_json::json!({
        "basics": {"name": "Ada", "url": format!("{base}/silent"),
                   "profiles": [{"network": "x", "url": format!("{base}/drip-headers")},
                                {"network": "y", "url": format!("{base}/loop")}]}
    });
    std::fs::write(dir.path().join("links.json"), doc.to_string()).unwrap();
    let out = run_bounded(
        dir.path(),
        &[
            "validate",
            "--check-links",
            "--format",
            "concise",
            "links.json",
        ],
        None,
        &[("VITAE_HTTP_TIMEOUT_MS", "400")],
    );
    assert_eq!(out.code, Some(0), "dead links are warnings: {}", out.all());
    assert_eq!(
        out.stdout.matches("warning[lint/dead-link]").count(),
        3,
        "{}",
        out.stdout
    );
}
