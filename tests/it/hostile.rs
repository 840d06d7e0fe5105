//! Crash safety, escaping and odd-but-valid input.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::SiteTest;

fn file_list(site: &SiteTest) -> BTreeSet<std::path::PathBuf> {
    site.snapshot().into_keys().collect()
}

/// The `N` of the marker page's `<p>vN</p>` (on its page, or in its section's listing).
fn marker_version(html: &str) -> u64 {
    let text = html
        .split_once("<p>v")
        .or_else(|| html.split_once("<p class=summary>v"))
        .and_then(|(_, rest)| rest.split_once("</p>"))
        .map(|(n, _)| n)
        .unwrap_or_else(|| panic!("no marker in:\n{html}"));
    text.parse()
        .unwrap_or_else(|_| panic!("marker `{text}` is not a number"))
}

/// SIGKILL at 20 moments of a build: the output folder is always a whole site (the
/// previous one or the new one), and the next build removes leftover staging folders.
#[test]
fn killed_builds_never_leave_a_half_written_site() {
    let site = SiteTest::new("bilingual");
    for i in 0..300 {
        site.write(
            &format!("content/measures/p{i:03}.md"),
            format!("---\ntitle: 页{i}\nweight: {}\n---\n正文{i}。\n", i + 10),
        );
    }
    site.write("content/measures/marker.md", "---\ntitle: 标记\n---\nv0\n");
    site.build();
    let complete = file_list(&site);
    // The marker's version in the output: the last build that swapped its site in.
    let mut shown = 0;
    let mut killed_mid_build = 0;
    for trial in 1..=20u64 {
        site.write(
            "content/measures/marker.md",
            format!("---\ntitle: 标记\n---\nv{trial}\n"),
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_bichig"))
            .args(["build", "--root"])
            .arg(site.root())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the build (deterministic, 0–190 ms).
        std::thread::sleep(Duration::from_millis((trial * 37) % 200));
        let _ = child.kill();
        let status = child.wait().unwrap();
        assert_eq!(
            file_list(&site),
            complete,
            "trial {trial}: the output is not a whole site"
        );
        let page = marker_version(&site.read("measures/marker/index.html"));
        let listing = marker_version(&site.read("measures/index.html"));
        assert_eq!(page, listing, "trial {trial}: pages of two builds mixed");
        match status.code() {
            Some(0) => assert_eq!(page, trial, "trial {trial}: a finished build is shown"),
            // Killed: the swap is the build's last step, so the previous site
            // stays unless the kill came after it.
            None => {
                killed_mid_build += 1;
                assert!(
                    [shown, trial].contains(&page),
                    "trial {trial}: shows v{page}, previous v{shown}"
                );
            }
            Some(code) => panic!("trial {trial}: the build failed with {code}"),
        }
        shown = page;
    }
    println!("{killed_mid_build} of 20 builds were killed while running");
    assert!(
        killed_mid_build >= 10,
        "the kills must hit running builds: {killed_mid_build}"
    );
    site.build();
    let leftovers: Vec<String> = site
        .root_names()
        .into_iter()
        .filter(|n| n.starts_with(".public."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(site.read("measures/marker/index.html").contains("v20"));
}

/// Titles, tags, data labels and values with `<script>`, quotes and `&` stay text
/// in HTML text and attributes, the search index, feeds, JSON-LD and SVG.
#[test]
fn hostile_text_is_escaped_everywhere() {
    let site = SiteTest::new("data");
    let evil = "<script>alert(\"x\")</script> & 'q'";
    site.write("content/evil.md", format!("---\ntitle: '{}'\ndate: 2017-10-17\ntags: ['<b>&\"']\n---\n\n{{{{ chart(id=\"evil\", kind=\"bar\") }}}}\n\n{{{{ table(id=\"evil\") }}}}\n", evil.replace('\'', "''")));
    site.write(
        "content/data/evil.yaml",
        format!(
            "title: {{ zh: '{e}', mn: '{e}' }}\nsource: report\nas_of: 2016-12-31\ncolumns:\n  - {{ key: name, label: {{ zh: '{e}', mn: x }} }}\n  - {{ key: v, label: {{ zh: v, mn: v }}, type: number }}\nrows:\n  - {{ id: a, name: {{ zh: '{e}', mn: '{e}' }}, v: 1 }}\n  - {{ id: b, name: {{ zh: b, mn: b }}, v: 2 }}\n",
            e = evil.replace('\'', "''")
        ),
    );
    let pages = [
        "evil/index.html",
        "data/evil/index.html",
        "mn/evil/index.html",
        "tags/index.html",
        "data/index.html",
        "index.html",
    ];
    // Without minification every occurrence is escaped as written by the templates.
    let config = site.add_config("minify: false\n");
    site.build();
    for file in pages {
        let html = site.read(file);
        assert!(!html.contains("<script>alert"), "{file}: raw script");
        assert!(!html.contains("<b>&"), "{file}: raw tag");
    }
    // The templates' escaper: the five characters HTML needs, and URLs left legible.
    let page = site.read("evil/index.html");
    assert!(
        page.contains(
            "<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</h1>"
        ),
        "title escaped in text"
    );
    assert!(page.contains("href=\"/\""), "URLs not entity-encoded");
    assert!(!page.contains("&#x2F;"));
    // Minified, `<` may stay literal where HTML cannot read it as markup (inside
    // <title> and quoted attribute values): nowhere else.
    site.write("site.yaml", &config);
    site.build();
    for file in pages {
        let html = site.read(file);
        let without_title = match (html.find("<title>"), html.find("</title>")) {
            (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
            _ => html.clone(),
        };
        let outside_attributes: String = without_title.split('"').step_by(2).collect();
        assert!(
            !outside_attributes.contains("<script>alert"),
            "{file}: executable script"
        );
        assert!(!outside_attributes.contains("<b>&"), "{file}: raw tag");
    }
    let page = site.read("evil/index.html");
    // The minifier keeps only the escapes HTML needs in text: `<` and `&` before a name.
    assert!(
        page.contains("<h1>&lt;script>alert(\"x\")&lt;/script> & 'q'</h1>"),
        "escaped in text"
    );
    assert!(
        page.contains("<title><script>alert(\"x\")</script> & 'q' - 数据报告</title>"),
        "the title element holds text only, so `<` stays literal"
    );
    let svg = page
        .split("<svg")
        .nth(1)
        .unwrap()
        .split("</svg>")
        .next()
        .unwrap();
    assert!(
        svg.contains("&lt;script>alert") && !svg.contains("<script"),
        "escaped in SVG: {svg}"
    );
    let jsonld = page
        .split("application/ld+json>")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    assert!(!jsonld.contains('<'));
    let feed = site.read("atom.xml");
    assert!(
        feed.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;q&apos;"),
        "{feed}"
    );
    assert!(
        site.search_fragments("").iter().any(|d| d[0] == evil),
        "the index keeps the title as data"
    );
    assert!(site
        .read("data/evil/evil.csv")
        .contains("\"<script>alert(\"\"x\"\")</script> & 'q'\""));
}

/// Odd but valid input builds: BOM, CRLF, spaces and CJK in file names, a page of
/// several MB, deep nesting, Mongolian control characters.
#[test]
fn odd_but_valid_input_builds() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/measures/bom-crlf.md",
        "\u{feff}---\r\ntitle: 回车换行\r\n---\r\n第一行\r\n第二行\r\n",
    );
    site.write(
        "content/measures/with space.md",
        "---\ntitle: 空格\n---\n正文。\n",
    );
    site.write(
        "content/measures/金融.md",
        "---\ntitle: 金融\nslug: jinrong-page\n---\n正文。\n",
    );
    let big: String = (0..60_000)
        .map(|i| format!("第{i}段文字，内容较长。\n\n"))
        .collect();
    site.write(
        "content/measures/big.md",
        format!("---\ntitle: 大页\n---\n{big}"),
    );
    let nested = (0..60)
        .map(|i| format!("{}- 第{i}层\n", "  ".repeat(i)))
        .collect::<String>()
        + &">".repeat(80)
        + " 引用\n";
    site.write(
        "content/measures/nested.md",
        format!("---\ntitle: 嵌套\n---\n{nested}"),
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The BOM is dropped, the CRLF front matter is read, and the soft line break
    // between two Chinese lines joins them without a space (as with LF).
    let crlf = site.read("measures/bom-crlf/index.html");
    assert!(
        crlf.contains("<title>回车换行 - 双语报告</title>"),
        "{crlf}"
    );
    assert!(
        crlf.contains("<div class=content lang=zh-Hans><p>第一行第二行</p></div>"),
        "{crlf}"
    );
    assert!(!crlf.contains('\r') && !crlf.contains('\u{feff}'));
    assert!(site.has("measures/with-space/index.html"));
    assert!(site.has("measures/jinrong-page/index.html"));
    assert!(
        std::fs::metadata(site.root().join("public/measures/big/index.html"))
            .unwrap()
            .len()
            > 1_000_000
    );
    assert!(site.read("measures/nested/index.html").contains("第59层"));
}

/// Builds the basic site, then adds `content/measures/deep.md` with `body`:
/// the build must fail with exit code 1 naming `deep.md:line` and `message`,
/// and leave the previous output as it was.
fn refused_at(body: &str, line: usize, message: &str) {
    let site = SiteTest::new("basic");
    site.build();
    let before = site.snapshot();
    site.write(
        "content/measures/deep.md",
        format!("---\ntitle: 深\n---\nintro\n\n{body}"),
    );
    let r = site.run(&["build"]);
    r.fails_with(1, &[&format!("content/measures/deep.md:{line}:"), message]);
    assert!(!r.stderr.contains("overflow"), "{}", r.stderr);
    assert!(site.snapshot() == before, "the previous output changed");
}

fn lines(n: usize, line: impl Fn(usize) -> String) -> String {
    (0..n).map(line).collect()
}

/// Nesting beyond 128 HTML elements is refused with a diagnostic instead of
/// overflowing minify-html's recursive parser (the build used to abort).
#[test]
fn deep_blockquotes_are_refused_at_their_line() {
    refused_at(
        &format!("{}deepquote\n", "> ".repeat(5000)),
        6,
        "error: blockquotes nested 5000 deep: at most 128 levels of HTML elements",
    );
    // One `>` more per line: the paragraph in the 128th blockquote (line
    // 6 + 127) is the 129th element.
    refused_at(
        &lines(5000, |i| format!("{} q{i}\n", ">".repeat(i + 1))),
        6 + 127,
        "error: blockquotes nested 5000 deep",
    );
}

#[test]
fn deep_lists_are_refused_at_their_line() {
    // A list level is two elements (list, item): the 65th level (line 6 + 64)
    // passes 128.
    refused_at(
        &lines(300, |i| format!("{}- a{i}\n", "  ".repeat(i))),
        6 + 64,
        "error: lists nested 300 deep",
    );
    refused_at(
        &lines(300, |i| format!("{}1. a{i}\n", "   ".repeat(i))),
        6 + 64,
        "error: lists nested 300 deep",
    );
}

#[test]
fn deep_emphasis_is_refused_at_its_line() {
    for (open, close, n) in [("*", "*", 1000), ("_", "_", 1000), ("**", "**", 2000)] {
        refused_at(
            &format!("{}deepem{}\n", open.repeat(2000), close.repeat(2000)),
            6,
            &format!("error: emphasis nested {n} deep"),
        );
    }
    // In a table cell.
    refused_at(
        &format!(
            "| a | b |\n|---|---|\n| x | {}deepcell{} |\n",
            "*".repeat(2000),
            "*".repeat(2000)
        ),
        8,
        "error: emphasis nested 1000 deep",
    );
}

#[test]
fn deep_html_in_markdown_is_refused_at_its_line() {
    refused_at(
        &format!("{}deepdiv{}\n", "<div>".repeat(5000), "</div>".repeat(5000)),
        6,
        "error: `<div>` elements nested 5000 deep",
    );
    // Unclosed inline tags keep everything after them nested inside.
    refused_at(
        &lines(300, |i| format!("<span>p{i}\n\n")),
        6 + 2 * 64,
        "error: `<p>` elements nested 300 deep",
    );
}

/// What cannot nest builds: links inside links are not links, and front
/// matter summaries are text.
#[test]
fn deep_brackets_and_summaries_build() {
    let site = SiteTest::new("basic");
    site.write(
        "content/measures/deep.md",
        format!(
            "---\ntitle: 深\nsummary: \"{}摘要\"\n---\n{}deeplink{}\n\n{}open\n",
            "<div>".repeat(5000),
            "[".repeat(5000),
            "](x)".repeat(5000),
            "[".repeat(5000)
        ),
    );
    site.build();
    let page = site.read("measures/deep/index.html");
    assert!(page.contains("deeplink</a>"), "links");
    assert!(page.contains(&format!("{}open", "[".repeat(5000))));
    assert!(site
        .read("measures/index.html")
        .contains(&format!("{}摘要", "&lt;div>".repeat(5000))));
}

#[test]
fn deep_nesting_in_a_translation_and_in_check_is_refused() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/measures/finance.mn.md",
        format!("---\ntitle: ᠰᠠᠩᠬᠦᠦ\n---\n{}ᠬᠣᠲᠠ\n", "> ".repeat(5000)),
    );
    let message = "error: blockquotes nested 5000 deep: at most 128 levels";
    site.run(&["build"])
        .fails_with(1, &["content/measures/finance.mn.md:4:", message]);
    // `check` reports on stdout.
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout
            .contains(&format!("content/measures/finance.mn.md:4:257: {message}")),
        "{}",
        r.stdout
    );
}

/// 30 levels of lists, quotes and emphasis build as before.
#[test]
fn ordinary_nesting_builds() {
    let site = SiteTest::new("basic");
    site.write(
        "content/measures/deep.md",
        format!(
            "---\ntitle: 深\n---\n{}\n{}q30\n\n{}e30{}\n",
            lines(30, |i| format!("{}- l{i}\n", "  ".repeat(i))),
            "> ".repeat(30),
            "*".repeat(30),
            "*".repeat(30)
        ),
    );
    site.build();
    let page = site.read("measures/deep/index.html");
    assert_eq!(page.matches("<blockquote>").count(), 30);
    assert!(
        page.contains("l29</li>") && page.contains("e30</"),
        "{page}"
    );
}
