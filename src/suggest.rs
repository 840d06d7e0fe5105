//! "Did you mean …?" for names an editor mistyped: columns, rows, tables,
//! pages, shortcodes, keys, languages (pure).
//!
//! Closeness is the edit distance with swapped neighbours counting as one
//! edit (optimal string alignment, from the `strsim` crate, already built for
//! clap's own suggestions), compared without case so `Weight` finds `weight`
//! and `y2021` finds `y2012`.

/// Lists of at most this many names are printed whole in a hint.
pub const LIST_MAX: usize = 8;

/// A name that exists, and where it is defined (`path:line`), when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// The name as written where it is defined.
    pub name: String,
    /// `path:line` of its definition, if known.
    pub at: Option<String>,
}

impl Known {
    /// A name with no known place.
    pub fn name(name: impl Into<String>) -> Self {
        Known {
            name: name.into(),
            at: None,
        }
    }

    /// A name defined at `at` (`content/data/a.yaml:7`).
    pub fn at(name: impl Into<String>, at: impl Into<String>) -> Self {
        Known {
            name: name.into(),
            at: Some(at.into()),
        }
    }
}

/// Edit distance of `a` and `b`, without case.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase())
}

/// True when `candidate` is near enough to `word` to be what was meant: at most
/// a third of the characters differ (one may in a name of two or more).
fn near(word: &str, candidate: &str) -> bool {
    let len = word.chars().count().max(candidate.chars().count());
    distance(word, candidate) <= (len / 3).max(usize::from(len >= 2))
}

/// The candidate closest to `word`, when near enough to be a typo of it (the
/// first of equally close ones).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .filter(|c| *c != word && near(word, c))
        .min_by_key(|c| distance(word, c))
}

/// `` `a`, `b`, `c` ``.
pub fn list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The hint for an unknown `word` among `known` names of a kind (`what`, plural:
/// "columns"): the closest one with its place, and all of them when there are
/// at most [`LIST_MAX`]. `None` when there is nothing to say.
///
/// `did you mean `trainees` (content/data/t.yaml:8)? columns: `year`, `trainees``
pub fn hint(word: &str, what: &str, known: &[Known]) -> Option<String> {
    let best = closest(word, known.iter().map(|k| k.name.as_str()))
        .and_then(|name| known.iter().find(|k| k.name == name));
    hint_with(best, what, known)
}

/// [`hint`] with the best match already chosen.
pub fn hint_with(best: Option<&Known>, what: &str, known: &[Known]) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(k) = best {
        parts.push(match &k.at {
            Some(at) => format!("did you mean `{}` ({at})?", k.name),
            None => format!("did you mean `{}`?", k.name),
        });
    }
    if known.is_empty() {
        parts.push(format!("there are no {what}"));
    } else if known.len() <= LIST_MAX {
        parts.push(format!(
            "{what}: {}",
            list(known.iter().map(|k| k.name.as_str()))
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The page key meant by `key` (`measures/industry.md`) among `keys`: one with
/// the same file name in another folder (the closest folder first), else the
/// closest key by edit distance.
pub fn closest_page<'a>(key: &str, keys: &[&'a str]) -> Option<&'a str> {
    let file = |k: &str| k.rsplit('/').next().unwrap_or(k).to_string();
    let name = file(key);
    let same_name = keys
        .iter()
        .copied()
        .filter(|k| *k != key && file(k) == name && name != "_index.md")
        .min_by_key(|k| distance(key, k));
    same_name.or_else(|| closest(key, keys.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_case() {
        let cols = ["year", "trainees", "share"];
        assert_eq!(closest("trained", cols), Some("trainees"));
        assert_eq!(
            closest("Weight", ["title", "weight", "date"]),
            Some("weight")
        );
        assert_eq!(closest("y2015", ["y2016", "y2020"]), Some("y2016"));
        assert_eq!(closest("y2021", ["y2012", "now"]), Some("y2012"), "a swap");
        assert_eq!(closest("mm", ["zh", "mn"]), Some("mn"));
        assert_eq!(closest("population", cols), None, "too far from all");
    }

    #[test]
    fn hint_names_the_place_and_lists_few() {
        let known = [
            Known::at("year", "content/data/t.yaml:6"),
            Known::at("trainees", "content/data/t.yaml:7"),
        ];
        assert_eq!(
            hint("trained", "columns", &known).as_deref(),
            Some("did you mean `trainees` (content/data/t.yaml:7)? columns: `year`, `trainees`")
        );
        assert_eq!(
            hint("zzz", "columns", &known).as_deref(),
            Some("columns: `year`, `trainees`")
        );
        assert_eq!(hint("x", "rows", &[]).as_deref(), Some("there are no rows"));
    }

    #[test]
    fn many_names_are_not_listed() {
        let known: Vec<Known> = (0..9).map(|i| Known::name(format!("c{i}"))).collect();
        assert_eq!(hint("zzzz", "columns", &known), None);
        assert_eq!(
            hint("c10", "columns", &known).as_deref(),
            Some("did you mean `c0`?"),
        );
    }

    #[test]
    fn a_page_is_found_by_its_file_name_in_another_folder() {
        let keys = [
            "measures/_index.md",
            "measures/finance.md",
            "measures/key-projects/industry.md",
            "measures/key-projects/_index.md",
        ];
        assert_eq!(
            closest_page("measures/industry.md", &keys),
            Some("measures/key-projects/industry.md")
        );
        assert_eq!(
            closest_page("measures/finanse.md", &keys),
            Some("measures/finance.md")
        );
        assert_eq!(closest_page("about/_index.md", &keys), None);
    }
}
