//! Answers one request of `passerelle serve`: a file of the built site (HTML with the
//! live-reload tag added on the way out), a redirect from `dir` to `dir/`, the site's
//! `404.html`, or the live-reload endpoints under `/__passerelle/`.
//!
//! Like a static host: a folder is served by its `index.html`, nothing outside the site folder
//! is reachable (`..` is refused after percent-decoding), every response is `no-store` so an
//! edit always shows.

use super::live::{self, Live};
use percent_encoding::percent_decode_str;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tiny_http::{Header, Request, Response, StatusCode};

/// The answer for a missing file when the site has no `404.html`.
const NOT_FOUND: &[u8] = b"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title><body><p>Not found.</p></body></html>";

/// Answers `request` from the site in `site`.
pub fn handle(request: Request, site: &Path, live: &Live) {
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let host = request.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str().to_owned());
    if !host.as_deref().is_none_or(is_local_host) {
        let _ = request.respond(data(
            421,
            "text/plain; charset=utf-8",
            b"This server answers only for 127.0.0.1 and localhost.\n".to_vec(),
        ));
        return;
    }
    let response = match path {
        "/__passerelle/live.js" => {
            data(200, "text/javascript; charset=utf-8", live::SCRIPT.as_bytes().to_vec())
        }
        "/__passerelle/events" => {
            let since =
                query.split('&').find_map(|kv| kv.strip_prefix("since=")).and_then(|n| n.parse().ok());
            let status = live.wait_bounded(since, live::POLL);
            let body = serde_json::to_vec(&status).unwrap_or_default();
            data(200, "application/json", body)
        }
        _ => file(path, site, live),
    };
    let _ = request.respond(response);
}

/// The response for the site path `path` (still percent-encoded).
fn file(path: &str, site: &Path, live: &Live) -> Response<Cursor<Vec<u8>>> {
    let Some(relative) = decode(path) else {
        return data(400, "text/plain; charset=utf-8", b"Bad request\n".to_vec());
    };
    let mut target = site.join(&relative);
    if target.is_dir() {
        if !path.ends_with('/') {
            return with(
                data(301, "text/plain; charset=utf-8", Vec::new()),
                "Location",
                &folder_location(&relative),
            );
        }
        target = target.join("index.html");
    }
    match read(&target, site) {
        Some(bytes) => typed(200, &target, bytes, live),
        None => {
            let not_found = site.join("404.html");
            match read(&not_found, site) {
                Some(bytes) => typed(404, &not_found, bytes, live),
                // No site yet (the first build failed): a page that reloads once there is one.
                None => typed(404, Path::new("404.html"), NOT_FOUND.to_vec(), live),
            }
        }
    }
}

/// Whether a `Host` header names this machine: `127.0.0.1`, `localhost` or `[::1]`, with or
/// without a port (anything else may be a DNS-rebinding page reaching for the local server).
fn is_local_host(host: &str) -> bool {
    let host = host.trim().to_ascii_lowercase();
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split_once(']').map_or("", |(inside, _)| inside),
        None => host.split(':').next().unwrap_or_default(),
    };
    let port_ok =
        |rest: &str| rest.is_empty() || rest.strip_prefix(':').is_some_and(|p| p.parse::<u16>().is_ok());
    let rest = match host.strip_prefix('[') {
        Some(_) => host.split_once(']').map_or("x", |(_, r)| r),
        None => host.find(':').map_or("", |i| &host[i..]),
    };
    matches!(name, "127.0.0.1" | "localhost" | "::1") && port_ok(rest)
}

/// The redirect target of a folder requested without its `/`: the same folder on this server,
/// as a path with a single leading `/` (never `//host/…`, which a browser would leave for).
fn folder_location(relative: &Path) -> String {
    let segments: Vec<String> = relative
        .components()
        .map(|c| percent_encoding::utf8_percent_encode(&c.as_os_str().to_string_lossy(), SEGMENT).to_string())
        .collect();
    format!("/{}/", segments.join("/"))
}

/// What is escaped in a path segment of a redirect.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'\\');

/// The site-relative path of a request path, or `None` when it tries to leave the site.
fn decode(path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0', ':']) => return None,
            s => relative.push(s),
        }
    }
    Some(relative)
}

/// A file's bytes, retried briefly while a rebuild swaps the site folder in.
fn read(path: &Path, site: &Path) -> Option<Vec<u8>> {
    for _ in 0..10 {
        match std::fs::read(path) {
            Ok(bytes) => return Some(bytes),
            Err(_) if !site.exists() => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => return None,
        }
    }
    None
}

/// A file's response, typed by its extension; HTML gets the live-reload tag.
fn typed(code: u16, path: &Path, bytes: Vec<u8>, live: &Live) -> Response<Cursor<Vec<u8>>> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    let mime = match extension {
        "html" | "htm" => {
            return data(code, "text/html; charset=utf-8", live::inject(&bytes, live.status().generation))
        }
        "geojson" => "application/geo+json".to_owned(),
        "ics" => "text/calendar; charset=utf-8".to_owned(),
        "csv" => "text/csv; charset=utf-8".to_owned(),
        "xml" => "application/xml; charset=utf-8".to_owned(),
        _ => {
            let guess = mime_guess::from_ext(extension).first_or_octet_stream();
            let text = matches!(guess.type_(), mime_guess::mime::TEXT)
                || guess.subtype() == "javascript"
                || guess.subtype() == "json";
            if text {
                format!("{guess}; charset=utf-8")
            } else {
                guess.to_string()
            }
        }
    };
    data(code, &mime, bytes)
}

fn data(code: u16, mime: &str, bytes: Vec<u8>) -> Response<Cursor<Vec<u8>>> {
    let response = Response::from_data(bytes).with_status_code(StatusCode(code));
    with(with(response, "Content-Type", mime), "Cache-Control", "no-store")
}

/// `response` with the header `name: value` (left out if the value cannot be a header).
fn with(response: Response<Cursor<Vec<u8>>>, name: &str, value: &str) -> Response<Cursor<Vec<u8>>> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Only this machine's names are accepted as Host, with or without a port.
    #[test]
    fn local_hosts_only() {
        for host in ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]", "[::1]:8000"] {
            assert!(is_local_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "127.0.0.1.evil.example",
            "localhost.evil:80",
            "[::2]",
            "127.0.0.1:x",
            "10.0.0.1",
        ] {
            assert!(!is_local_host(host), "{host}");
        }
    }

    // A folder's redirect stays on the server, however the request path was written.
    #[test]
    fn redirects_never_leave_the_server() {
        for (path, location) in [
            ("/offers", "/offers/"),
            ("//offers", "/offers/"),
            ("//evil.example/x", "/evil.example/x/"),
            ("/a%20b", "/a%20b/"),
        ] {
            let relative = decode(path).expect("inside");
            assert_eq!(folder_location(&relative), location, "{path}");
        }
    }

    // Request paths map inside the site; `..` in any spelling is refused.
    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(decode("/offers/atelier-slam/"), Some(PathBuf::from("offers/atelier-slam")));
        assert_eq!(decode("/a%20b/%C3%A9.html"), Some(PathBuf::from("a b/é.html")));
        assert_eq!(decode("/"), Some(PathBuf::new()));
        for bad in ["/../etc/passwd", "/a/%2e%2e/%2e%2e/x", "/%2E%2E/x", "/a\\..\\x", "/c:/x", "/%ff"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
