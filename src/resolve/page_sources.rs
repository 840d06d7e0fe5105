//! The sources a page cites (`sources: [id, …]` in its front matter): ids of
//! `content/sources.yaml`, checked here like a table's `source:`; a
//! translation without its own `sources:` cites its original's.

use super::Site;
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use crate::sources::{self, Source, Sources};
use crate::suggest;

/// Sets each entry's [`super::Entry::sources`]; an unknown id is an error at
/// the `sources:` line of its file, with the nearest id.
pub fn attach(site: &mut Site, cited: &Sources) -> Result<(), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    for src in &site.sources {
        for id in src.front.sources.iter().flatten() {
            if cited.get(id).is_none() {
                problems.push(unknown(id, cited, &src.path, src.front.sources_line));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let lists: Vec<Vec<Source>> = site
        .entries
        .iter()
        .map(|e| {
            let own = &site.source(e).front.sources;
            let ids = match own {
                Some(ids) => Some(ids),
                None => site
                    .lookup(&e.key, LangId::DEFAULT)
                    .and_then(|o| site.source(o).front.sources.as_ref()),
            };
            ids.into_iter()
                .flatten()
                .filter_map(|id| cited.get(id).cloned())
                .collect()
        })
        .collect();
    for (e, list) in site.entries.iter_mut().zip(lists) {
        e.sources = list;
    }
    Ok(())
}

fn unknown(id: &str, cited: &Sources, path: &std::path::Path, line: usize) -> Diagnostic {
    let listed = format!("sources are listed in {}", sources::PATH);
    let hint = match suggest::hint(id, "sources", &cited.known()) {
        Some(h) => format!("{h}; {listed}"),
        None => listed,
    };
    Diagnostic::error(path, line, 1, format!("unknown source `{id}`")).with_hint(hint)
}
