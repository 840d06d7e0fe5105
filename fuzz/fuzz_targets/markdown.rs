//! Markdown to HTML with links, headings and summaries: never panics, and the
//! summary never exceeds its length.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|body: &str| {
    let ctx = bichig::markdown::LinkContext {
        path: Path::new("content/m/p.md"),
        line_offset: 3,
        dir: "m",
        languages: &["zh", "mn"],
        tag_han: Some("zh-Hans"),
    };
    let out = bichig::markdown::render(body, &ctx, &|key| {
        (key.len() % 2 == 0).then(|| format!("/{key}/"))
    });
    assert!(out.summary.chars().count() <= bichig::markdown::SUMMARY_CHARS + 1);
    let _ = bichig::markdown::summary::cut(body, 40);
});
