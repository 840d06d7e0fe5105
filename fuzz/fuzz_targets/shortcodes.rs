//! Shortcode finding and expansion: never panics, spans stay inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    let (calls, problems) = bichig::markdown::shortcodes::find(body);
    for c in &calls {
        assert!(c.start < c.end && c.end <= body.len());
        assert!(body.is_char_boundary(c.start) && body.is_char_boundary(c.end));
    }
    for (offset, _) in &problems {
        assert!(*offset <= body.len());
    }
    let (out, _) = bichig::markdown::shortcodes::expand(body, &calls, &|_| Ok("<b>x</b>".into()));
    assert!(!out.is_empty() || body.is_empty() || !calls.is_empty());
});
