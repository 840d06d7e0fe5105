//! Data table loading from YAML: never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|src: &str| {
    let sources = bichig::sources::Sources::default();
    let _ = bichig::data::parse_yaml("t", Path::new("t.yaml"), src, &["zh", "mn"], &sources);
});
