//! `bichig new`: the text of a new page or of a translation scaffold (pure), and
//! the thin part that writes it without overwriting anything.

use std::path::{Path, PathBuf};

use crate::content::{self, page::split_name, SourcePage};
use crate::slug;
use crate::Error;

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to `YYYY-MM-DD` (proleptic Gregorian).
pub fn civil_date(days: i64) -> String {
    // Howard Hinnant's days_from_civil, inverted.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.replace('"', "'")))
}

/// Front matter and a placeholder body for a new page.
pub fn page_text(title: &str, weight: i64, date: &str) -> String {
    format!(
        "---\ntitle: {}\nweight: {weight}\ndate: {date}\n---\n\n",
        yaml_string(title)
    )
}

/// A translation scaffold of `original`: its title, weight and date to translate,
/// `translation: draft` and the hash of the original it is made from.
pub fn translation_text(original: &SourcePage, original_path: &str) -> String {
    let mut out = format!("---\ntitle: {}\n", yaml_string(&original.title));
    if let Some(w) = original.front.weight {
        out.push_str(&format!("weight: {w}\n"));
    }
    if let Some(d) = &original.front.date {
        out.push_str(&format!("date: {d}\n"));
    }
    out.push_str(&format!(
        "translation: draft\nsource_hash: {}\n---\n\n<!-- Translate {original_path} here. -->\n",
        original.hash
    ));
    out
}

/// What `bichig new` wrote.
#[derive(Debug)]
pub struct Created {
    /// The new file.
    pub path: PathBuf,
    /// Things the editor should know (a title another page has).
    pub warnings: Vec<String>,
}

/// Writes a new page (or, with `lang`, a translation of an existing page) and
/// returns its path. Never overwrites. A new page is dated `date`
/// (`YYYY-MM-DD`), else `date:` of `site.yaml`, else the date of its
/// section's latest page, else today.
pub fn new_page(
    root: &Path,
    path: &Path,
    lang: Option<&str>,
    title: Option<&str>,
    date: Option<&str>,
) -> Result<Created, Error> {
    let config = crate::load_config(root)?;
    let date = date.map(parse_day).transpose()?;
    let mut warnings = Vec::new();
    let rel = crate::revision::content_rel(path)?;
    let default = config.default_language().code.clone();
    let content_dir = root.join("content");
    // The original's text, kept once the translation is written (for diffs).
    let mut keep = None;
    let (target_rel, text) = match lang.filter(|l| *l != default) {
        Some(_) if date.is_some() => {
            return Err(Error::Usage(
                "--date is for new pages: a translation takes its original's date".to_string(),
            ))
        }
        Some(lang) => {
            if config.language(lang).is_none() {
                return Err(Error::Usage(format!(
                    "language `{lang}` is not defined in site.yaml"
                )));
            }
            let original_file = content_dir.join(&rel);
            let shown = Path::new("content").join(&rel);
            let text =
                content::read_text(&original_file, &shown).map_err(|d| Error::Content(vec![d]))?;
            let original =
                SourcePage::parse(&rel, &shown, &text, &default).map_err(Error::Content)?;
            let target = format!("{}.{lang}.md", rel.trim_end_matches(".md"));
            keep = Some((lang.to_string(), original.key.clone(), text));
            (
                target,
                translation_text(&original, &shown.to_string_lossy()),
            )
        }
        None => {
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            let stem = split_name(name).map_or(name, |(s, _)| s);
            let Some(slug) = slug::from_ascii(stem) else {
                return Err(Error::Usage(format!(
                    "`{name}`: name the file in ASCII (it becomes the URL) and pass the title with --title"
                )));
            };
            let title = title.map_or_else(|| slug.replace('-', " "), str::to_string);
            let dir = content_dir
                .join(&rel)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| content_dir.clone());
            let section = survey(&dir, &default);
            let date = date
                .or_else(|| config.date.as_ref().map(|d| d.date().to_string()))
                .or(section.latest)
                .unwrap_or_else(today);
            for other in same_title(&content_dir, &title, &default) {
                warnings.push(format!(
                    "warning: {} has the same title `{title}`",
                    other.display()
                ));
            }
            (
                rel.clone(),
                page_text(&title, section.max_weight + 1, &date),
            )
        }
    };
    let target = content_dir.join(&target_rel);
    if target.exists() {
        return Err(Error::Usage(format!(
            "content/{target_rel} already exists; not overwriting it"
        )));
    }
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    std::fs::write(&target, text).map_err(|e| Error::io(&target, e))?;
    if let Some((lang, key, original)) = keep {
        crate::revision::keep_copy(root, &lang, &key, &original)?;
    }
    Ok(Created {
        path: target,
        warnings,
    })
}

/// `--date`: a real day written `YYYY-MM-DD`.
fn parse_day(text: &str) -> Result<String, Error> {
    match content::SourceDate::parse(text) {
        Ok(d) if d.time().is_none() => Ok(d.date().to_string()),
        Ok(_) => Err(Error::Usage(format!(
            "--date {text}: give the day only, as YYYY-MM-DD"
        ))),
        Err(e) => Err(Error::Usage(format!("--date {text}: {e}"))),
    }
}

/// The pages of a section folder, as far as `new` needs them.
struct Survey {
    /// Largest `weight` (0 without any).
    max_weight: i64,
    /// `date` of the latest page, as `YYYY-MM-DD`.
    latest: Option<String>,
}

/// Weights and dates of the pages (originals, not `_index.md`) in `dir`.
fn survey(dir: &Path, default: &str) -> Survey {
    let mut out = Survey {
        max_weight: 0,
        latest: None,
    };
    let mut latest: Option<content::SourceDate> = None;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".md") || name.starts_with("_index") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let Ok(p) = SourcePage::parse(&name, &e.path(), &text, default) else {
            continue;
        };
        if p.lang != default {
            continue;
        }
        out.max_weight = out.max_weight.max(p.front.weight.unwrap_or(0));
        if p.front.date > latest {
            latest = p.front.date;
        }
    }
    out.latest = latest.map(|d| d.date().to_string());
    out
}

/// Content files (originals) whose title is `title`.
fn same_title(content_dir: &Path, title: &str, default: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for e in walkdir::WalkDir::new(content_dir).into_iter().flatten() {
        let name = e.file_name().to_string_lossy();
        if !e.file_type().is_file() || !name.ends_with(".md") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let shown =
            Path::new("content").join(e.path().strip_prefix(content_dir).unwrap_or(e.path()));
        match SourcePage::parse(&name, &shown, &text, default) {
            Ok(p) if p.lang == default && p.title == title.trim() => found.push(shown),
            _ => {}
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(17_456), "2017-10-17");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn page_text_parses_back() {
        let text = page_text("金融: \"扶贫\"", 4, "2017-10-17");
        let p = SourcePage::parse("a.md", Path::new("a.md"), &text, "zh").unwrap();
        assert_eq!(p.title, "金融: \"扶贫\"");
        assert_eq!(p.front.weight, Some(4));
    }

    #[test]
    fn translation_scaffold_records_the_hash() {
        let src = "---\ntitle: 金融扶贫\nweight: 3\ndate: 2017-10-17\n---\n正文";
        let original = SourcePage::parse("m/f.md", Path::new("content/m/f.md"), src, "zh").unwrap();
        let text = translation_text(&original, "content/m/f.md");
        let t = SourcePage::parse("m/f.mn.md", Path::new("f.mn.md"), &text, "zh").unwrap();
        assert_eq!(t.front.source_hash.as_deref(), Some(original.hash.as_str()));
        assert_eq!(t.front.weight, Some(3));
        assert_eq!(t.lang, "mn");
    }

    #[test]
    fn paths_must_stay_in_content() {
        assert_eq!(
            crate::revision::content_rel(Path::new("content/m/a.md")).unwrap(),
            "m/a.md"
        );
        assert!(crate::revision::content_rel(Path::new("../a.md")).is_err());
        assert!(crate::revision::content_rel(Path::new("/etc/a.md")).is_err());
        assert!(crate::revision::content_rel(Path::new("m/a.txt")).is_err());
    }
}
