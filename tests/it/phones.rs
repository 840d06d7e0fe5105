//! The shipped report on a phone (390×844) in headless Chromium: the header is a
//! slim bar whose menu opens, the text gets the width, and nothing overflows.
//!
//! Headless Chromium keeps its window at least 500 px wide, so each page is
//! loaded into a 390×844 iframe of a wrapper page: media queries and layout
//! inside follow the iframe's viewport. The wrapper measures the framed page
//! (same origin) and writes the figures into `<pre id="measure">` for
//! `--dump-dom`. Touch and the viewport meta need a real mobile viewport: the
//! swipe test emulates one over the DevTools pipe (`bichig::pdf`'s client).

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use bichig::pdf::cdp::Message;
use serde_json::{json, Value};

use crate::support::browser::{chromium, dump_dom, serve};
use crate::support::build_shipped;

/// Measures the framed page once its fonts are ready; with `click`, clicks the
/// menu button and measures again (`open`).
const WRAPPER: &str = r#"<!doctype html><meta charset="utf-8"><body style="margin:0">
<iframe id="f" src="PAGE" width="WIDTH" height="HEIGHT" style="border:0"></iframe>
<script>
var f = document.getElementById('f');
f.onload = function () {
  var w = f.contentWindow, d = w.document, e = d.documentElement;
  w.document.fonts.ready.then(function () {
    function q(s) { return d.querySelector(s); }
    function box(el) { var b = el.getBoundingClientRect(); return { l: b.left, t: b.top, r: b.right, b: b.bottom }; }
    function cs(el) { return w.getComputedStyle(el); }
    var menu = q('.site-menu'), summary = q('.site-menu > summary');
    var nav = q('.site-nav a'), lang = q('.lang-switch a');
    function state() {
      nav.focus();
      var focused = d.activeElement === nav;
      nav.blur();
      return { open: menu.open, nav: nav.checkVisibility(), lang: lang.checkVisibility(),
        focusable: focused, panel: box(q('.site-menu-body')), sw: e.scrollWidth, sh: e.scrollHeight };
    }
    var r = { vw: w.innerWidth, vh: w.innerHeight, cw: e.clientWidth, ch: e.clientHeight,
      header: box(q('.site-header')), main: box(q('main')),
      title: box(q('.site-title')), switcher: box(q('.lang-switch')),
      button: summary.checkVisibility(), label: summary.textContent,
      overflow: [cs(e).overflowX, cs(d.body).overflowX, cs(e).overflowY],
      touch: [cs(e).touchAction, cs(d.body).touchAction],
      scrollers: Array.prototype.filter.call(d.querySelectorAll('.table-scroll, main table, .data-chart svg'),
        function (el) { return el.matches('.table-scroll') || !el.closest('.table-scroll'); }).map(box),
      closed: state() };
    if (CLICK) { summary.click(); r.opened = state(); }
    var o = document.createElement('pre');
    o.id = 'measure';
    o.textContent = 'MEASURE ' + JSON.stringify(r);
    document.body.appendChild(o);
  });
};
</script>"#;

/// Loads `page` (a URL path) in a `width`×`height` frame; returns the figures.
fn at_size(
    chromium: &Path,
    public: &Path,
    base: &str,
    page: &str,
    (width, height): (u32, u32),
    click: bool,
) -> Value {
    let name = format!(
        "frame-{}-{width}.html",
        page.trim_matches('/').replace('/', "-")
    );
    let html = WRAPPER
        .replace("PAGE", page)
        .replace("WIDTH", &width.to_string())
        .replace("HEIGHT", &height.to_string())
        .replace("CLICK", if click { "true" } else { "false" });
    fs::write(public.join(&name), html).unwrap();
    let dom = dump_dom(chromium, &format!("{base}/{name}"), None);
    // The last one: the script's own text has the marker too.
    let json = dom
        .rsplit("MEASURE ")
        .next()
        .filter(|_| dom.contains("id=\"measure\""))
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| panic!("no measurement for {page}:\n{dom}"))
        .replace("&quot;", "\"");
    let v: Value = serde_json::from_str(&json).unwrap();
    println!("{page} at {width}×{height}: {v}");
    v
}

fn f(v: &Value, path: &[&str]) -> f64 {
    path.iter()
        .fold(v, |v, k| &v[*k])
        .as_f64()
        .unwrap_or_else(|| panic!("no number at {path:?} in {v}"))
}

/// Closed, the menu's links are neither shown nor focusable; one click on the
/// button opens it, and they are both.
fn assert_menu_opens(v: &Value, page: &str) {
    assert_eq!(v["button"], true, "{page}: the menu button shows");
    assert_eq!(v["closed"]["open"], false, "{page}");
    assert_eq!(v["closed"]["nav"], false, "{page}: navigation hidden: {v}");
    assert_eq!(v["closed"]["lang"], false, "{page}: switcher hidden: {v}");
    assert_eq!(v["closed"]["focusable"], false, "{page}: {v}");
    assert_eq!(v["opened"]["open"], true, "{page}: a click opens it");
    assert_eq!(v["opened"]["nav"], true, "{page}: navigation shown: {v}");
    assert_eq!(v["opened"]["lang"], true, "{page}: switcher shown: {v}");
    assert_eq!(v["opened"]["focusable"], true, "{page}: {v}");
}

/// A swipe pans the page itself: nothing on the root or body clips or
/// restricts touch panning.
fn assert_pans(v: &Value, page: &str) {
    assert_eq!(
        v["overflow"],
        json!(["visible", "visible", "visible"]),
        "{page}"
    );
    assert_eq!(v["touch"], json!(["auto", "auto"]), "{page}");
}

#[test]
fn on_a_phone_the_header_is_a_slim_bar_with_a_menu() {
    let Some(chromium) = chromium() else { return };
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let build = build_shipped(&public);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let base = serve(&public);
    let phone = (390, 844);

    for page in ["/mn/measures/funding/", "/mn/data/poverty_by_league/"] {
        let v = at_size(&chromium, &public, &base, page, phone, true);
        let vw = f(&v, &["vw"]);
        assert_eq!(vw, 390.0);
        let bar = f(&v, &["header", "r"]) - f(&v, &["header", "l"]);
        assert!(bar <= vw * 0.15, "{page}: the bar is {bar} px of {vw}");
        assert!(
            f(&v, &["main", "l"]) >= f(&v, &["header", "r"]) - 0.5
                && vw - f(&v, &["main", "l"]) >= vw * 0.85,
            "{page}: the text gets at least 85% of the width: {v}"
        );
        assert_eq!(v["label"], "ᠴᠡᠰ", "{page}: the button's name, in Mongolian");
        assert_menu_opens(&v, page);
        assert_pans(&v, page);
        // Columns run sideways, and the page does not also scroll up and down,
        // with the menu closed or open; tables and charts stay in the column.
        assert!(f(&v, &["closed", "sw"]) > f(&v, &["cw"]), "{page}: {v}");
        for state in ["closed", "opened"] {
            assert!(
                f(&v, &[state, "sh"]) <= f(&v, &["ch"]),
                "{page} ({state}): no vertical scrolling: {v}"
            );
        }
        for b in v["scrollers"].as_array().unwrap() {
            assert!(f(b, &["b"]) <= f(&v, &["ch"]), "{page}: {b} in {v}");
        }
        // The open panel is just after the bar, on the screen.
        assert!(f(&v, &["opened", "panel", "l"]) >= f(&v, &["header", "r"]) - 0.5);
        assert!(f(&v, &["opened", "panel", "r"]) <= vw, "{page}: {v}");
    }

    for page in ["/measures/funding/", "/data/poverty_by_league/"] {
        let v = at_size(&chromium, &public, &base, page, phone, true);
        let (cw, vh) = (f(&v, &["cw"]), f(&v, &["vh"]));
        assert_eq!(v["label"], "菜单", "{page}");
        assert_menu_opens(&v, page);
        assert_pans(&v, page);
        for state in ["closed", "opened"] {
            assert!(
                f(&v, &[state, "sw"]) <= cw,
                "{page} ({state}): nothing overflows sideways: {v}"
            );
        }
        for b in v["scrollers"].as_array().unwrap() {
            assert!(f(b, &["r"]) <= cw, "{page}: {b} in {v}");
        }
        let bar = f(&v, &["header", "b"]) - f(&v, &["header", "t"]);
        assert!(bar <= vh * 0.12, "{page}: the bar is {bar} px of {vh}");
    }
}

#[test]
fn on_a_wide_screen_the_navigation_shows_without_a_button() {
    let Some(chromium) = chromium() else { return };
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let build = build_shipped(&public);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let base = serve(&public);
    for page in ["/measures/funding/", "/mn/measures/funding/"] {
        let v = at_size(&chromium, &public, &base, page, (1200, 800), false);
        assert_eq!(v["button"], false, "{page}: no menu button: {v}");
        assert_eq!(v["closed"]["open"], false, "{page}");
        assert_eq!(v["closed"]["nav"], true, "{page}: navigation shown: {v}");
        assert_eq!(v["closed"]["lang"], true, "{page}: switcher shown: {v}");
        assert_eq!(v["closed"]["focusable"], true, "{page}: {v}");
        // The switcher is a row of its own before the title: above it on a
        // horizontal page, to its left on a vertical one.
        let (lang, title) = (&v["switcher"], &v["title"]);
        if page.starts_with("/mn/") {
            assert!(f(lang, &["r"]) <= f(title, &["l"]), "{page}: {v}");
        } else {
            assert!(f(lang, &["b"]) <= f(title, &["t"]), "{page}: {v}");
        }
    }
}

/// A page in headless Chromium driven over the DevTools pipe, emulating a
/// phone: a 390×844 mobile viewport (viewport meta honoured) with touch.
struct Phone {
    _browser: bichig::pdf::chromium::Browser,
    conn: bichig::pdf::cdp::Connection,
    session: String,
}

impl Phone {
    fn new(chromium: &Path) -> Phone {
        let (browser, conn) = bichig::pdf::chromium::launch(chromium).unwrap();
        let mut phone = Phone {
            _browser: browser,
            conn,
            session: String::new(),
        };
        let target = phone.call("Target.createTarget", json!({ "url": "about:blank" }));
        let attached = phone.call(
            "Target.attachToTarget",
            json!({ "targetId": target["targetId"], "flatten": true }),
        );
        phone.session = attached["sessionId"].as_str().unwrap().to_string();
        phone.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
        );
        phone.call(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": true, "maxTouchPoints": 1 }),
        );
        phone
    }

    /// Sends a command (to the page once attached) and returns its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        let session = (!self.session.is_empty()).then_some(self.session.as_str());
        let id = self.conn.send(method, params, session).unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Message::Response { id: got, result } = self.conn.recv(deadline).unwrap() {
                if got == id {
                    return result.unwrap_or_else(|e| panic!("{method}: {e}"));
                }
            }
        }
    }

    /// The value of a JavaScript expression (promises awaited).
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expr, "awaitPromise": true, "returnByValue": true }),
        );
        r["result"]["value"].clone()
    }

    /// Loads `url` and waits for its fonts.
    fn open(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.eval("document.readyState === 'complete' && location.href") != json!(url) {
            assert!(Instant::now() < deadline, "{url} did not load");
            std::thread::sleep(Duration::from_millis(100));
        }
        self.eval("document.fonts.ready.then(function () { return 1; })");
    }

    /// A one-finger swipe by (dx, dy) from the middle of the screen, then the
    /// scroll position and the visual viewport's position on the page.
    fn swipe(&mut self, dx: f64, dy: f64) -> Value {
        let (x, y) = (200.0, 420.0);
        self.call(
            "Input.dispatchTouchEvent",
            json!({ "type": "touchStart", "touchPoints": [{ "x": x, "y": y }] }),
        );
        for i in 1..=10 {
            let k = f64::from(i) / 10.0;
            self.call(
                "Input.dispatchTouchEvent",
                json!({ "type": "touchMove", "touchPoints": [{ "x": x + dx * k, "y": y + dy * k }] }),
            );
        }
        self.call(
            "Input.dispatchTouchEvent",
            json!({ "type": "touchEnd", "touchPoints": [] }),
        );
        std::thread::sleep(Duration::from_millis(700));
        self.eval(SCROLL_STATE)
    }
}

const SCROLL_STATE: &str = "(function () { var e = document.documentElement, v = visualViewport; \
return { iw: innerWidth, ih: innerHeight, sw: e.scrollWidth, sh: e.scrollHeight, \
x: scrollX, y: scrollY, left: v.pageLeft, top: v.pageTop }; })()";

#[test]
fn on_a_phone_a_swipe_turns_the_columns_and_never_scrolls_down() {
    let Some(chromium) = chromium() else { return };
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let build = build_shipped(&public);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let base = serve(&public);
    let mut phone = Phone::new(&chromium);
    for page in ["/mn/measures/funding/", "/mn/data/poverty_by_league/"] {
        phone.open(&format!("{base}{page}"));
        let loaded = phone.eval(SCROLL_STATE);
        println!("{page} on a phone: {loaded}");
        // The layout viewport stays the screen: a phone that widened it to all
        // the columns would also make it as tall, with blank space below.
        assert_eq!(loaded["iw"], 390, "{page}: {loaded}");
        assert_eq!(loaded["ih"], 844, "{page}: {loaded}");
        assert!(f(&loaded, &["sh"]) <= 844.0, "{page}: {loaded}");
        assert!(f(&loaded, &["sw"]) > 390.0, "{page}: {loaded}");
        let left = phone.swipe(-150.0, 0.0);
        println!("  swipe to the left: {left}");
        assert!(f(&left, &["x"]) > 50.0, "{page}: the next columns: {left}");
        let up = phone.swipe(0.0, -150.0);
        println!("  swipe up: {up}");
        assert_eq!(f(&up, &["y"]), 0.0, "{page}: {up}");
        assert_eq!(f(&up, &["top"]), 0.0, "{page}: no panning down: {up}");
    }
    for page in ["/measures/funding/", "/data/poverty_by_league/"] {
        phone.open(&format!("{base}{page}"));
        let left = phone.swipe(-150.0, 0.0);
        println!("{page} on a phone, swipe to the left: {left}");
        assert_eq!(left["iw"], 390, "{page}: {left}");
        assert_eq!(f(&left, &["sw"]), 390.0, "{page}: {left}");
        assert_eq!(f(&left, &["left"]), 0.0, "{page}: nothing sideways: {left}");
    }
}
