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
    let response = match path {
        "/__passerelle/live.js" => {
            data(200, "text/javascript; charset=utf-8", live::SCRIPT.as_bytes().to_vec())
        }
        "/__passerelle/events" => {
            let since =
                query.split('&').find_map(|kv| kv.strip_prefix("since=")).and_then(|n| n.parse().ok());
            let status = live.wait(since, live::POLL);
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
            let location = format!("{path}/");
            return with(data(301, "text/plain; charset=utf-8", Vec::new()), "Location", &location);
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
