//! `bichig serve` over real HTTP: pages, edits, broken edits, traversal, Ctrl-C.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::support::browser;
use crate::support::http::{get, Server};
use crate::support::SiteTest;

/// How long `serve` waits after the last change before a full build (`SETTLE`
/// in src/serve/rebuild.rs).
const PAUSE: Duration = Duration::from_millis(1000);

/// The hash of the search index in its manifest: it changes with the index.
fn search_hash(addr: &str) -> String {
    let (_, manifest) = get(addr, "/search/index.json");
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    manifest["h"].as_str().unwrap().to_string()
}

/// True while `since` is less than the server's pause ago, so that no full build
/// can have started since. On a machine too busy for that, says so on stderr
/// (libtest does not capture it): the caller's check is then left out.
fn before_the_pause(since: Instant) -> bool {
    let elapsed = since.elapsed();
    if elapsed < PAUSE {
        return true;
    }
    let test = std::thread::current().name().unwrap_or("?").to_string();
    let _ = writeln!(
        std::io::stderr(),
        "not checked: {elapsed:?} passed, longer than the pause ({test})"
    );
    false
}

#[test]
fn serves_pages_and_shows_edits() {
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let (status, body) = get(&server.addr, "/measures/finance/");
    assert_eq!(status, 200);
    assert!(
        body.contains("金融扶贫") && body.contains("EventSource"),
        "{body}"
    );
    let (status, _) = get(&server.addr, "/mn/measures/finance/");
    assert_eq!(status, 200);
    assert!(
        !site.root().join("public").exists(),
        "serve never writes public/"
    );

    let page = site.root().join("content/measures/finance.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("9家金融机构", "九家金融机构")).unwrap();
    let took = server.wait_for("/measures/finance/", |b| b.contains("九家金融机构"));
    println!("edit served after {} ms", took.as_millis());
    assert_eq!(server.interrupt(), Some(0), "Ctrl-C stops it cleanly");
}

#[test]
fn a_missing_page_gets_the_404_page_of_its_language() {
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let (status, zh) = get(&server.addr, "/measures/no-such-page/");
    assert_eq!(status, 404);
    assert!(zh.contains(" lang=zh-Hans><head>"), "{zh}");
    let (status, mn) = get(&server.addr, "/mn/no-such-page/");
    assert_eq!(status, 404);
    assert!(mn.contains(" lang=mn-Mong><head>"), "{mn}");
    // A folder named like a language code is not that language.
    let (status, other) = get(&server.addr, "/mnx/no-such-page/");
    assert_eq!(status, 404);
    assert!(other.contains(" lang=zh-Hans><head>"), "{other}");
    assert_eq!(server.interrupt(), Some(0));
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_and_shows_the_error() {
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let page = site.root().join("content/measures/finance.md");
    let good = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, "---\ntitle: [broken\n---\n").unwrap();
    server.wait_for("/measures/finance/", |b| b.contains("bichig-error"));
    let (status, body) = get(&server.addr, "/measures/finance/");
    assert_eq!(status, 200, "still serving");
    assert!(body.contains("金融扶贫"), "the last good page");
    assert!(body.contains("content/measures/finance.md:2"), "{body}");
    let (_, mn) = get(&server.addr, "/mn/measures/finance/");
    assert!(
        mn.contains("ᠪᠦᠲᠦᠭᠡᠬᠦ ᠠᠯᠳᠠᠭ᠎ᠠ"),
        "overlay heading in the page's language"
    );
    std::fs::write(&page, good).unwrap();
    server.wait_for("/measures/finance/", |b| !b.contains("bichig-error"));
}

#[test]
fn the_overlay_explains_a_yaml_error_in_the_page_language_and_comes_back() {
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let page = site.root().join("content/measures/finance.md");
    let good = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, "---\ntitle: 金融扶贫: 2016\n---\n").unwrap();
    server.wait_for("/measures/finance/", |b| b.contains("bichig-error"));
    let (_, zh) = get(&server.addr, "/measures/finance/");
    for needle in [
        "content/measures/finance.md:2:12: error: a colon followed by a space inside an unquoted value: YAML reads it as a new key\n    2 | title: 金融扶贫: 2016\n      |                ^\n    hint: put the value in quotes: `title: &quot;金融扶贫: 2016&quot;`",
        "onclick=\"this.parentNode.remove()\" lang=\"zh-Hans\"",
        ">× 关闭</button>",
        ">构建失败</h2>",
    ] {
        assert!(zh.contains(needle), "{needle}\n{zh}");
    }
    let (_, mn) = get(&server.addr, "/mn/measures/finance/");
    assert!(mn.contains(">× ᠬᠠᠭᠠᠬᠤ</button>"), "{mn}");
    std::fs::write(&page, &good).unwrap();
    server.wait_for("/measures/finance/", |b| !b.contains("bichig-error"));
    // A later failure shows it again, however the last one was dismissed.
    std::fs::write(&page, "---\ntitle: x\nWeight: 3\n---\n").unwrap();
    server.wait_for("/measures/finance/", |b| {
        b.contains("unknown key `Weight`")
            && b.contains("did you mean `weight`? keys are written in lowercase")
    });
    std::fs::write(&page, good).unwrap();
    server.wait_for("/measures/finance/", |b| !b.contains("bichig-error"));
}

#[test]
fn requests_outside_the_site_are_refused() {
    let site = SiteTest::new("bilingual");
    std::fs::write(site.root().join("secret.txt"), "TOP-SECRET").unwrap();
    let server = Server::start(site.root());
    // Paths that try to leave the output are refused as bad requests; files of
    // the site root are simply not part of the output.
    for (path, expected) in [
        ("/../secret.txt", 400),
        ("/%2e%2e/secret.txt", 400),
        ("/%2e%2e%2fsecret.txt", 400),
        ("/%252e%252e/secret.txt", 400),
        ("/%c0%ae%c0%ae/secret.txt", 400),
        ("/..%5csecret.txt", 400),
        ("/measures/..\\..\\secret.txt", 400),
        ("/../../../../etc/passwd", 400),
        ("//etc/passwd", 400),
        ("/site.yaml", 404),
        ("/content/measures/finance.md", 404),
    ] {
        let (status, body) = get(&server.addr, path);
        assert_eq!(status, expected, "{path}");
        assert!(
            !body.contains("TOP-SECRET") && !body.contains("root:") && !body.contains("base_url"),
            "{path}"
        );
    }
}

#[test]
fn live_reload_events_announce_builds() {
    use std::io::{Read, Write};
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let mut s = std::net::TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET /__bichig/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 512];
    while !seen.contains("data: 1") {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0, "stream closed: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    std::fs::write(
        site.root().join("content/measures/organisation.md"),
        "---\ntitle: 改\nweight: 2\n---\n新。\n",
    )
    .unwrap();
    while !seen.contains("data: 2") {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0, "stream closed: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(seen.contains("text/event-stream"));
}

#[test]
fn an_open_page_reloads_by_itself_after_an_edit() {
    let Some(chromium) = browser::chromium() else {
        return;
    };
    let runner = crate::support::repo().join("tests/a11y");
    if !runner.join("node_modules/puppeteer-core").is_dir() {
        browser::skip("puppeteer-core not installed (npm ci --prefix tests/a11y)");
        return;
    }
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let out = std::process::Command::new("node")
        .arg(runner.join("reload.mjs"))
        .arg(format!("http://{}/measures/finance/", server.addr))
        .arg(site.root().join("content/measures/finance.md"))
        .args(["9家金融机构", "九家金融机构"])
        .env("CHROMIUM", chromium)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success() && stdout.contains("reloaded in"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Requests on one kept-alive connection are answered at once: without
/// TCP_NODELAY each one after the first waited for the client's delayed ACK
/// (about 40 ms), and 20 of them took over 800 ms.
#[test]
fn kept_alive_connections_answer_without_delay() {
    use std::io::{BufRead, BufReader, Read, Write};
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let stream = std::net::TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    let mut exchange = || {
        // One write: the client has Nagle's algorithm on too.
        let request = format!(
            "GET /measures/finance/ HTTP/1.1\r\nHost: {}\r\n\r\n",
            server.addr
        );
        writer.write_all(request.as_bytes()).unwrap();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        assert!(String::from_utf8_lossy(&body).contains("金融扶贫"));
    };
    exchange();
    let mut times: Vec<Duration> = (0..21)
        .map(|_| {
            let start = Instant::now();
            exchange();
            start.elapsed()
        })
        .collect();
    times.sort();
    // A delayed ACK holds each answer at least 40 ms; the median stays clear of
    // a few requests slowed by a busy machine.
    let median = times[times.len() / 2];
    println!(
        "kept-alive requests: median {median:?}, slowest {:?}",
        times[20]
    );
    assert!(median < Duration::from_millis(30), "{times:?}");
}

/// An edit to the text of a page is served at once on the page, on the
/// fallback that shows it and on its section's listing; the search index
/// follows with the full build once edits pause. A changed title goes through a full build.
#[test]
fn an_edit_to_one_page_is_served_before_the_full_rebuild() {
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let index = search_hash(&server.addr);
    let page = site.root().join("content/measures/organisation.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("领导小组", "领导小组和工作专班")).unwrap();
    let written = Instant::now();
    let took = server.wait_for("/measures/organisation/", |b| b.contains("工作专班"));
    println!("page updated after {} ms", took.as_millis());
    // Asked at once: the full build cannot have started before edits paused.
    if before_the_pause(written) {
        assert_eq!(
            search_hash(&server.addr),
            index,
            "the search index waits for the full build"
        );
    }
    server.wait_for("/mn/measures/organisation/", |b| b.contains("工作专班"));
    // Its section's listing shows the new summary.
    assert!(get(&server.addr, "/measures/").1.contains("工作专班"));
    server.wait_for("/search/index.json", |b| !b.contains(&index));

    std::fs::write(&page, text.replace("强化组织保障", "强化组织领导")).unwrap();
    server.wait_for("/measures/", |b| b.contains("强化组织领导"));
    assert!(get(&server.addr, "/measures/organisation/")
        .1
        .contains("强化组织领导"));
}

/// Connections opened together are all answered, each while the others stay
/// open: a thread pool that queued new connections behind busy threads left
/// one of 64 unanswered until another connection closed.
#[test]
fn connections_opened_together_are_all_answered() {
    use std::io::{Read, Write};
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    for round in 0..3 {
        let mut streams: Vec<_> = (0..64)
            .map(|_| std::net::TcpStream::connect(&server.addr).unwrap())
            .collect();
        for s in &mut streams {
            s.write_all(b"GET /measures/ HTTP/1.1\r\nHost: x\r\n\r\n")
                .unwrap();
        }
        let start = Instant::now();
        for (i, s) in streams.iter_mut().enumerate() {
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut first = [0u8; 12];
            let got = s.read_exact(&mut first);
            assert!(
                got.is_ok() && first.starts_with(b"HTTP/1.1 200"),
                "round {round}: connection {i} unanswered after {:?}",
                start.elapsed()
            );
        }
    }
}

/// Bad requests get an HTTP answer naming the problem, not a dropped
/// connection; HEAD gets the headers of GET without the body.
#[test]
fn malformed_oversized_and_head_requests() {
    use std::io::{Read, Write};
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let exchange = |raw: &[u8]| {
        let mut s = std::net::TcpStream::connect(&server.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(raw).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    };
    assert!(exchange(b"BLAH\x01\r\n\r\n").starts_with("HTTP/1.1 400"));
    let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20_000));
    assert!(exchange(big.as_bytes()).starts_with("HTTP/1.1 431"));
    let post = exchange(b"POST /measures/ HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!(post.starts_with("HTTP/1.1 405"), "{post}");
    assert!(post.contains("Allow: GET, HEAD"));
    let head = exchange(b"HEAD /measures/finance/ HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("Content-Length: "));
    assert!(head.ends_with("\r\n\r\n"), "no body after HEAD: {head}");
    // HTTP/1.0 without keep-alive: answered, then closed.
    let old = exchange(b"GET /measures/finance/ HTTP/1.0\r\n\r\n");
    assert!(old.starts_with("HTTP/1.1 200") && old.contains("金融扶贫"));
}

/// Saving through a temporary file (write `page.md.tmp`, rename it over
/// `page.md`, as many editors do) is an edit like any other: each is served at
/// once and the full build waits until edits pause. The temporary file's own
/// event used to count as the pause, so a save started a full build whenever
/// writing and renaming were more than 20 ms apart.
#[test]
fn saves_through_a_temporary_file_wait_for_the_pause() {
    let site = SiteTest::new("bilingual");
    let server = Server::start(site.root());
    let index = search_hash(&server.addr);
    let page = site.root().join("content/measures/organisation.md");
    let scratch = site.root().join("content/measures/organisation.md.tmp");
    let text = std::fs::read_to_string(&page).unwrap();
    // Each save starts 250 ms after the previous one was served (or when it is
    // served, if that took longer), so saves keep coming well inside the pause.
    let mut saved = Instant::now();
    let mut kept_coming = true;
    for i in 0..6 {
        std::thread::sleep(Duration::from_millis(250).saturating_sub(saved.elapsed()));
        kept_coming &= before_the_pause(saved);
        std::fs::write(&scratch, format!("{text}\n\n保存标记{i}号。\n")).unwrap();
        // A moment between writing and renaming, as a script or a busy editor takes.
        std::thread::sleep(Duration::from_millis(60));
        std::fs::rename(&scratch, &page).unwrap();
        saved = Instant::now();
        server.wait_for("/measures/organisation/", |b| {
            b.contains(&format!("保存标记{i}号"))
        });
    }
    if kept_coming && before_the_pause(saved) {
        assert_eq!(
            search_hash(&server.addr),
            index,
            "no full build while saves keep coming"
        );
    }
    server.wait_for("/search/index.json", |b| !b.contains(&index));
}
