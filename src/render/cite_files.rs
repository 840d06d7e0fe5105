//! The report's citation files of each language (`Lang::cite`): BibTeX, RIS
//! and CSL-JSON. A language sharing the default language's title shares its
//! files, written once.

use std::collections::HashSet;

use crate::cite::{formats, report};
use crate::output::OutputFile;
use crate::resolve::Site;

/// `cite/report.bib`, `.ris` and `.json` (and `<code>/cite/…` where the
/// report's title differs from the default language's).
pub fn files(site: &Site) -> Vec<OutputFile> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for l in &site.langs {
        if !seen.insert(l.cite.bib.out_path.as_str()) {
            continue;
        }
        let work = report(site, l.id);
        for (target, text) in [
            (&l.cite.bib, formats::bibtex(&work)),
            (&l.cite.ris, formats::ris(&work)),
            (&l.cite.json, formats::csl_json(&work)),
        ] {
            out.push(OutputFile::bytes(
                target.out_path.clone(),
                text.into_bytes(),
            ));
        }
    }
    out
}
