//! Vertical Mongolian in a real browser (headless Chromium): layout direction, the
//! shipped web font, and a negative control without any Mongolian font.

use std::fs;

use crate::support::browser::{chromium, dump_dom, serve, serve_logged, Served};
use crate::support::SiteTest;

/// Appended to a built page: measures the layout once fonts are ready and writes
/// the figures into `<pre id="measure">` for `--dump-dom` to carry out.
const MEASURE: &str = r#"<script>
document.fonts.ready.then(function () {
  var body = document.body;
  var wm = getComputedStyle(body).writingMode;
  var p = document.querySelector('.content p');
  var box = p.getBoundingClientRect();
  function span(text) {
    var s = document.createElement('span');
    s.lang = 'mn-Mong';
    s.textContent = text;
    p.appendChild(s);
    return s;
  }
  var joined = span('\u182E\u1823\u1829\u182D\u1823\u182F');
  var split = span('\u182E\u200C\u1823\u200C\u1829\u200C\u182D\u200C\u1823\u200C\u182F');
  function len(s) { var b = s.getBoundingClientRect(); return wm.indexOf('vertical') === 0 ? b.height : b.width; }
  var fonts = [];
  document.fonts.forEach(function (f) { if (f.status === 'loaded') fonts.push(f.family.replace(/"/g, '')); });
  var out = document.createElement('pre');
  out.id = 'measure';
  out.textContent = 'MEASURE ' + JSON.stringify({ wm: wm, w: box.width, h: box.height, joined: len(joined), split: len(split), fonts: fonts });
  body.appendChild(out);
});
</script>"#;

#[derive(Debug)]
struct Measure {
    wm: String,
    w: f64,
    h: f64,
    joined: f64,
    split: f64,
    fonts: String,
}

fn measure(dom: &str) -> Measure {
    let json = dom
        .rsplit("MEASURE ")
        .next()
        .filter(|_| dom.contains("id=\"measure\""))
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| panic!("no measurement in DOM:\n{dom}"));
    let json = json.replace("&quot;", "\"");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    Measure {
        wm: v["wm"].as_str().unwrap().to_string(),
        w: v["w"].as_f64().unwrap(),
        h: v["h"].as_f64().unwrap(),
        joined: v["joined"].as_f64().unwrap(),
        split: v["split"].as_f64().unwrap(),
        fonts: v["fonts"].to_string(),
    }
}

/// Writes `page` with the measuring script beside the original, returns its URL path.
fn with_measure(
    site: &SiteTest,
    page: &str,
    name: &str,
    edit: impl Fn(String) -> String,
) -> String {
    let html = edit(site.read(page));
    let html = html.replacen("</body>", &format!("{MEASURE}</body>"), 1);
    let dir = std::path::Path::new(page).parent().unwrap();
    fs::write(site.root().join("public").join(dir).join(name), html).unwrap();
    format!("/{}/{name}", dir.display())
}

#[test]
fn mongolian_pages_run_vertically_with_the_shipped_font() {
    let Some(chromium) = chromium() else { return };
    let site = SiteTest::new("bilingual");
    site.build();
    let base = serve(&site.root().join("public"));

    let url = with_measure(
        &site,
        "mn/measures/finance/index.html",
        "measure.html",
        |h| h,
    );
    let m = measure(&dump_dom(&chromium, &format!("{base}{url}"), None));
    println!("vertical page: {m:?}");
    assert_eq!(m.wm, "vertical-lr");
    assert!(
        m.h > m.w,
        "a Mongolian paragraph is taller than wide: {m:?}"
    );
    assert!(m.fonts.contains("Mongolian"), "the web font loaded: {m:?}");
    assert!(m.joined < m.split * 0.85, "letters join: {m:?}");

    let url = with_measure(&site, "measures/finance/index.html", "measure.html", |h| h);
    let zh = measure(&dump_dom(&chromium, &format!("{base}{url}"), None));
    assert_eq!(zh.wm, "horizontal-tb");
}

#[test]
fn without_any_mongolian_font_letters_do_not_join() {
    let Some(chromium) = chromium() else { return };
    let site = SiteTest::new("bilingual");
    site.build();
    // Negative control: the page without the web font, and fontconfig hiding the
    // system's Noto Sans Mongolian. If this passed with the font, the positive test
    // above could not tell a rendered font from boxes.
    let css = site
        .read("css/style.css")
        .replace(".woff2", ".missing.woff2");
    fs::write(site.root().join("public/css/nofont.css"), css).unwrap();
    let conf = site.root().join("fonts.conf");
    fs::write(
        &conf,
        r#"<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<selectfont><rejectfont><glob>*Mongolian*</glob></rejectfont></selectfont></fontconfig>"#,
    )
    .unwrap();
    let base = serve(&site.root().join("public"));
    let url = with_measure(
        &site,
        "mn/measures/finance/index.html",
        "nofont.html",
        |h| h.replace("css/style.css", "css/nofont.css"),
    );
    let m = measure(&dump_dom(&chromium, &format!("{base}{url}"), Some(&conf)));
    println!("no font: {m:?}");
    assert!(!m.fonts.contains("Mongolian"), "{m:?}");
    assert!(
        (m.joined - m.split).abs() < m.split * 0.05,
        "without a font, joined and split are the same length: {m:?}"
    );
}

fn search_results(chromium: &std::path::Path, url: &str) -> String {
    let dom = dump_dom(chromium, url, None);
    dom.split("id=\"search-results\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no results container:\n{dom}"))
        .to_string()
}

#[test]
fn search_finds_chinese_by_bigrams_and_mongolian_through_controls() {
    let Some(chromium) = chromium() else { return };
    let site = SiteTest::new("bilingual");
    site.build();
    let base = serve(&site.root().join("public"));
    let zh = search_results(&chromium, &format!("{base}/search/?q=%E9%87%91%E8%9E%8D"));
    assert!(
        zh.contains("href=\"/measures/finance/\""),
        "金融 finds the finance page:\n{zh}"
    );
    assert!(zh.contains("<mark>金融</mark>"), "{zh}");
    assert!(!zh.contains("href=\"/measures/organisation/\""));
    // A prefix without the variation selector and NNBSP of the text.
    let q = "ᠭᠠᠵᠠᠷᠤ";
    let encoded: String = q.bytes().map(|b| format!("%{b:02X}")).collect();
    let mn = search_results(&chromium, &format!("{base}/mn/search/?q={encoded}"));
    assert!(mn.contains("href=\"/mn/measures/finance/\""), "{mn}");
    assert!(mn.contains("<mark>"), "{mn}");
    assert!(
        mn.contains('\u{180B}'),
        "the snippet shows the original text with its selector"
    );
    assert!(
        mn.contains("<span lang=\"zh-Hans\">包商银行</span>"),
        "a Chinese name in a Mongolian snippet keeps its language:\n{mn}"
    );
    assert!(
        !zh.contains("<span lang="),
        "Chinese results need no tagging:\n{zh}"
    );
}

#[test]
fn series_index_links_work_in_the_browser() {
    let Some(chromium) = chromium() else { return };
    let site = SiteTest::new("series");
    site.build();
    let base = serve(&site.root().join("public"));
    let dom = dump_dom(&chromium, &format!("{base}/series/day/"), None);
    let links: Vec<&str> = dom
        .split("href=\"/articles/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|l| !l.is_empty())
        .collect();
    assert!(
        links.contains(&"b2017/") && links.contains(&"a2015/"),
        "{dom}"
    );
    for link in links {
        let page = dump_dom(&chromium, &format!("{base}/articles/{link}"), None);
        assert!(
            page.contains("class=\"series-nav\""),
            "{link} is an installment page"
        );
    }
}

/// Chinese text of `n` characters drawn from 2,000 ideographs (a fixed LCG),
/// a comma every 13.
fn varied_chinese(seed: u64, n: usize) -> String {
    let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    (0..n)
        .map(|i| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            if i % 13 == 12 {
                '，'
            } else {
                char::from_u32(0x4E00 + ((x >> 33) % 2000) as u32).unwrap_or('一')
            }
        })
        .collect()
}

/// Bytes of the files under `dir`, recursively.
fn tree_bytes(dir: &std::path::Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                tree_bytes(&p)
            } else {
                fs::metadata(&p).unwrap().len() as usize
            }
        })
        .sum()
}

#[test]
fn a_search_query_downloads_a_small_part_of_the_index() {
    let Some(chromium) = chromium() else { return };
    let site = SiteTest::new("bilingual");
    // 300 pages: every one has 普惠, page 137 alone has 鲲鹏 (outside the 2,000).
    for i in 0..300 {
        let rare = if i == 137 { "鲲鹏" } else { "" };
        site.write(
            &format!("content/many/p{i:03}.md"),
            format!(
                "---\ntitle: 第{i}页\n---\n\n{}普惠{rare}。{}\n",
                varied_chinese(i, 400),
                varied_chinese(i + 1000, 400)
            ),
        );
    }
    site.write("content/many/_index.md", "---\ntitle: 多页\n---\n");
    site.build();
    let public = site.root().join("public");
    let whole = tree_bytes(&public.join("search/t")) + tree_bytes(&public.join("search/f"));
    let (base, log) = serve_logged(&public);

    let common = search_results(&chromium, &format!("{base}/search/?q=%E6%99%AE%E6%83%A0"));
    assert!(common.contains("300 个结果"), "{common}");
    assert_eq!(common.matches("<li>").count(), 10, "a page of results");
    assert!(common.contains("class=\"search-more\""), "{common}");
    let fetched = |log: &Served| -> (usize, usize) {
        let log = log.lock().unwrap();
        let index: Vec<&(String, usize)> = log
            .iter()
            .filter(|(p, _)| p.starts_with("/search/") && !p.starts_with("/search/?"))
            .collect();
        let fragments = index
            .iter()
            .filter(|(p, _)| p.starts_with("/search/f/"))
            .count();
        (index.iter().map(|(_, n)| n).sum(), fragments)
    };
    let (bytes, fragments) = fetched(&log);
    println!("common term: {bytes} of {whole} index bytes");
    assert_eq!(fragments, 10, "fragments of the results shown only");
    assert!(bytes * 5 < whole, "{bytes} bytes of {whole}");

    // The button lists the next ten, fetching their fragments only.
    let clicks = r#"<script>
var clicked = false;
new MutationObserver(function () {
  var b = document.querySelector('.search-more');
  if (b && !clicked) { clicked = true; b.click(); }
}).observe(document.getElementById('search-results'), { childList: true, subtree: true });
</script></body>"#;
    let page = site
        .read("search/index.html")
        .replacen("</body>", clicks, 1);
    fs::write(public.join("search/more.html"), page).unwrap();
    log.lock().unwrap().clear();
    let more = search_results(
        &chromium,
        &format!("{base}/search/more.html?q=%E6%99%AE%E6%83%A0"),
    );
    assert_eq!(more.matches("<li>").count(), 20, "{more}");
    assert_eq!(fetched(&log).1, 20);

    log.lock().unwrap().clear();
    let rare = search_results(&chromium, &format!("{base}/search/?q=%E9%B2%B2%E9%B9%8F"));
    assert!(rare.contains("href=\"/many/p137/\""), "{rare}");
    assert!(rare.contains("<mark>鲲鹏</mark>"), "{rare}");
    assert_eq!(rare.matches("<li>").count(), 1, "{rare}");
    let (bytes, fragments) = fetched(&log);
    println!("rare term: {bytes} of {whole} index bytes");
    assert_eq!(fragments, 1);
    assert!(bytes * 10 < whole, "{bytes} bytes of {whole}");
}
