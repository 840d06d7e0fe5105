//! The page minifier against minify-html, page by page on the shipped report:
//! minify-html run over bichig's minified page gives exactly what it gives
//! for the unminified page (same elements, attributes, text and whitespace as
//! minify-html sees them), and bichig's pages are no larger, one by one and in
//! total.

use bichig::output::files::Contents;

use crate::support::repo;

fn reference(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: false,
        minify_js: false,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}

#[test]
fn shipped_pages_minify_as_minify_html_does_and_no_larger() {
    let mut loaded = bichig::load(&repo(), None).unwrap();
    loaded.config.minify = false;
    let resolved = bichig::resolve_site(loaded, false).unwrap();
    let generated = bichig::render_site(resolved).unwrap();
    let (mut pages, mut ours_total, mut reference_total) = (0, 0, 0);
    for f in &generated.files {
        let Contents::Html(html) = &f.contents else {
            continue;
        };
        let ours = bichig::output::minify_html(html);
        let want = reference(html.as_bytes());
        assert!(
            reference(&ours) == want,
            "{}: minify-html reads bichig's page differently:\n{}\n---\n{}",
            f.path,
            String::from_utf8_lossy(&reference(&ours)),
            String::from_utf8_lossy(&want)
        );
        assert!(
            ours.len() <= want.len(),
            "{}: {} bytes, minify-html {}",
            f.path,
            ours.len(),
            want.len()
        );
        pages += 1;
        ours_total += ours.len();
        reference_total += want.len();
    }
    assert!(pages > 250, "only {pages} pages");
    eprintln!("{pages} pages: bichig {ours_total} bytes, minify-html {reference_total}");
}
