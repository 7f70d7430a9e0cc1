//! A small static server for `dist/`, used by `serve` and by the end-to-end tests.
//!
//! Routes of the app (paths without a file extension) get `index.html`, so a reload on
//! `/lesson/…` works; a missing file with an extension (a lesson's JSON, say) is a real 404, so
//! the app's "could not load" message is what a learner sees.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Response, StatusCode};

use crate::Result;

pub struct Server {
    port: u16,
    inner: Arc<tiny_http::Server>,
    thread: JoinHandle<()>,
}

impl Server {
    /// Starts serving `root` on `host:port` (port 0 picks a free one) in a background thread.
    pub fn start(host: &str, port: u16, root: PathBuf) -> Result<Server> {
        let inner = Arc::new(
            tiny_http::Server::http((host, port))
                .map_err(|e| format!("cannot listen on {host}:{port}: {e}"))?,
        );
        let port = inner.server_addr().to_ip().map(|a| a.port()).unwrap_or(port);
        let worker = Arc::clone(&inner);
        let root = Arc::new(root);
        // Each request answered on a thread of its own: a client slow to read one response (a
        // page closed halfway through the wasm, a tab in the background) never holds up the
        // others, as it did when one thread wrote every answer in turn.
        let thread = std::thread::spawn(move || {
            for request in worker.incoming_requests() {
                let root = Arc::clone(&root);
                std::thread::spawn(move || {
                    let response = respond(&root, request.url());
                    let _ = request.respond(response);
                });
            }
        });
        Ok(Server { port, inner, thread })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until the process is stopped.
    pub fn wait(self) {
        let _ = self.thread.join();
    }

    /// Stops serving and waits for the thread.
    pub fn stop(self) {
        self.inner.unblock();
        let _ = self.thread.join();
    }
}

fn respond(root: &Path, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative: PathBuf = Path::new(path.trim_start_matches('/'))
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect();
    let mut file = root.join(&relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    let is_route = relative.extension().is_none();
    if !file.is_file() && is_route {
        file = root.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => {
            let mut response = Response::from_data(bytes)
                .with_header(header("Content-Type", mime(&file)))
                .with_header(header("Cache-Control", "no-cache"))
                .with_header(header("X-Content-Type-Options", "nosniff"));
            if file.extension().is_some_and(|e| e == "html") {
                response.add_header(header("Referrer-Policy", "no-referrer"));
            }
            response
        }
        Err(_) => Response::from_string("not found")
            .with_status_code(StatusCode(404))
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "jsonld" => "application/ld+json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "opus" => "audio/ogg",
        "wav" => "audio/wav",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kns-server-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("content")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>app").unwrap();
        std::fs::write(dir.join("content/course.json"), "{}").unwrap();
        std::fs::write(dir.join("secret.txt"), "outside").unwrap();
        dir
    }

    fn body(response: Response<std::io::Cursor<Vec<u8>>>) -> (u16, String) {
        let status = response.status_code().0;
        let mut out = Vec::new();
        response.raw_print(&mut out, (1, 1).into(), &[], false, None).unwrap();
        let text = String::from_utf8_lossy(&out);
        (status, text.split("\r\n\r\n").nth(1).unwrap_or("").to_string())
    }

    #[test]
    fn routes_get_the_app_and_missing_files_get_404() {
        let root = site();
        assert_eq!(body(respond(&root, "/lesson/abc")), (200, "<!doctype html>app".into()));
        assert_eq!(body(respond(&root, "/")), (200, "<!doctype html>app".into()));
        assert_eq!(body(respond(&root, "/content/course.json?x=1")), (200, "{}".into()));
        assert_eq!(body(respond(&root, "/content/lessons/missing.json")).0, 404);
        // `..` never leaves the served folder.
        let inner = root.join("content");
        assert_eq!(body(respond(&inner, "/../secret.txt")).0, 404);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_client_that_does_not_read_holds_up_no_one_else() {
        use std::io::{Read, Write};
        use std::net::TcpStream;
        let root = std::env::temp_dir().join(format!("kns-server-slow-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("index.html"), "app").unwrap();
        // Larger than what the sockets' buffers take in, so its answer cannot be written at once.
        std::fs::write(root.join("big.bin"), vec![0u8; 32 << 20]).unwrap();
        let server = Server::start("127.0.0.1", 0, root.clone()).unwrap();
        let address = ("127.0.0.1", server.port());
        let mut stalled = TcpStream::connect(address).unwrap();
        stalled.write_all(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        let mut other = TcpStream::connect(address).unwrap();
        other.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
        other.write_all(b"GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        let mut answer = String::new();
        other.read_to_string(&mut answer).expect("answered while the other client reads nothing");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("app"));
        drop(stalled);
        server.stop();
        let _ = std::fs::remove_dir_all(root);
    }
}
