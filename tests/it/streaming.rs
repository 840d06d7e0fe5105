//! A build writes each file as soon as it is rendered: a failure after some
//! files were written still leaves the previous output as it was.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use bichig::output::{OutputFile, Sink};
use bichig::Error;

use crate::support::SiteTest;

/// A print page that fails while it renders (print pages are rendered last,
/// after every other page was given to the sink).
const FAILING_PRINT: &str = "<p>{{ no_such_value.field }}</p>";

/// A sink counting the files it is given, failing from the `fail_at`-th on.
struct Counting {
    given: AtomicUsize,
    fail_at: usize,
}

impl Counting {
    fn failing_at(fail_at: usize) -> Counting {
        Counting {
            given: AtomicUsize::new(0),
            fail_at,
        }
    }

    fn given(&self) -> usize {
        self.given.load(Ordering::SeqCst)
    }
}

impl Sink for Counting {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        let n = self.given.fetch_add(1, Ordering::SeqCst) + 1;
        if n >= self.fail_at {
            return Err(Error::io(
                Path::new(&file.path),
                io::Error::other("disk full"),
            ));
        }
        Ok(())
    }
}

fn render_into(site: &SiteTest, sink: &Counting) -> Result<bichig::Rendered, Error> {
    let loaded = bichig::load(site.root(), None).unwrap();
    let resolved = bichig::resolve_site(loaded, false).unwrap();
    bichig::render_to(resolved, sink, None)
}

#[test]
fn a_template_failing_after_pages_were_written_keeps_the_previous_output() {
    let site = SiteTest::new("basic");
    site.build();
    let before = site.snapshot();
    site.write("templates/print.html", FAILING_PRINT);
    let names = site.root_names();
    let sink = Counting::failing_at(usize::MAX);
    match render_into(&site, &sink) {
        Err(Error::Content(d)) => assert!(
            d.iter().any(|d| d.path.ends_with("templates/print.html")),
            "{d:?}"
        ),
        other => panic!("the print page must fail: {:?}", other.err()),
    }
    let pages = before
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"));
    assert!(
        sink.given() >= pages.count() - 1,
        "every other page went out before the print page failed: {}",
        sink.given()
    );
    site.run(&["build"])
        .fails_with(1, &["templates/print.html", "no_such_value"]);
    assert!(site.snapshot() == before, "the previous output changed");
    assert_eq!(site.root_names(), names, "a staging folder was left");
}

#[test]
fn a_failing_sink_ends_the_render_with_its_error() {
    let site = SiteTest::new("basic");
    let all = render_into(&site, &Counting::failing_at(usize::MAX))
        .unwrap()
        .files;
    let sink = Counting::failing_at(3);
    match render_into(&site, &sink) {
        Err(Error::Io { source, .. }) => assert_eq!(source.to_string(), "disk full"),
        other => panic!("the sink's error must end the render: {:?}", other.err()),
    }
    assert!(
        sink.given() < all / 2,
        "the render went on giving files: {} of {all}",
        sink.given()
    );
}
