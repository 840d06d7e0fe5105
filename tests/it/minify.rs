//! The page minifier against minify-html, page by page on the shipped report:
//! every page comes out byte for byte as minify-html writes it.

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
fn shipped_pages_minify_byte_for_byte_as_minify_html_does() {
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
            ours == want,
            "{}: bichig's minified page differs from minify-html's:\n{}\n---\n{}",
            f.path,
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&want)
        );
        pages += 1;
        ours_total += ours.len();
        reference_total += want.len();
    }
    assert!(pages > 250, "only {pages} pages");
    eprintln!("{pages} pages: bichig {ours_total} bytes, minify-html {reference_total}");
}
