//! A table's `source:`: the id of a source in `content/sources.yaml` (pure).

use super::origin::{Origin, Problem};
use crate::sources::{self, Source, Sources};
use crate::suggest;

/// The source `id` names, or the problem at the table's `source:` value with
/// the nearest id (or, for a file path, the id of the source with that file).
pub(crate) fn resolve(id: &str, sources: &Sources) -> Result<Source, Box<Problem>> {
    if let Some(s) = sources.get(id) {
        return Ok(s.clone());
    }
    let by_file = sources.list.iter().find(|s| s.file.as_deref() == Some(id));
    let hint = match (by_file, sources.list.is_empty()) {
        (Some(s), _) => format!(
            "`source:` names a source by its id: the source with `file: {id}` is `{}` ({})",
            s.id, s.at
        ),
        (None, true) => format!(
            "add the source to {} (`- {{ id: …, publisher: …, title: …, date: … }}`) and cite its id",
            sources::PATH
        ),
        (None, false) => {
            let known = sources.known();
            let listed = format!("sources are listed in {}", sources::PATH);
            match suggest::hint(id, "sources", &known) {
                Some(h) => format!("{h}; {listed}"),
                None => listed,
            }
        }
    };
    Err(Box::new(
        Problem::error(Origin::Value("source"), format!("unknown source `{id}`")).with_hint(hint),
    ))
}
