//! Data table loading from YAML: never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|src: &str| {
    let _ = bichig::data::parse_yaml("t", Path::new("t.yaml"), src, &["zh", "mn"], &|s| {
        s == "seeds/a.txt"
    });
});
