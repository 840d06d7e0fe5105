//! Front matter splitting and parsing of any text: never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|src: &str| {
    let _ = bichig::content::frontmatter::split(src, Path::new("f.md"));
    let _ = bichig::content::SourcePage::parse("m/f.md", Path::new("f.md"), src, "zh");
});
