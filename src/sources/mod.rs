//! The report's sources, `content/sources.yaml`: who published each text, its
//! title and date in every language, a URL where one exists, and optionally the
//! captured text under `seeds/` that `bichig check` reads every figure of a
//! table in ([`crate::data::provenance`]). Data tables cite a source by `id`;
//! readers see the citation in words ([`Source::citation`]), never the file.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use crate::config::Localized;
use crate::content::SourceDate;
use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;
use crate::locale::{format_date, Style};
use crate::suggest::Known;
use crate::yaml::{self, Spans};

/// Where the sources live, relative to the site root.
pub const PATH: &str = "content/sources.yaml";

/// One source a table (or page) cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Id the tables cite (`report2017`).
    pub id: String,
    /// Who published it, per language.
    pub publisher: Localized,
    /// Its title, per language.
    pub title: Localized,
    /// Date of publication.
    pub date: SourceDate,
    /// Where readers find it, when it is online.
    pub url: Option<String>,
    /// The captured text under the site root (`seeds/…`) that provenance
    /// reads; never shown to readers.
    pub file: Option<String>,
    /// `path:line` of its entry, for messages.
    pub at: String,
}

impl Source {
    /// The citation as a reader of `lang` sees it (`default`: the language
    /// to fall back to): `内蒙古扶贫开发宣传平台，《综述》，2017年10月17日`; in
    /// Mongolian with `᠂` and the date written by [`format_date`].
    pub fn citation(&self, lang: &str, default: &str, style: Style, strings: &Strings) -> String {
        self.cite(lang, default, style, strings, &|s| s.to_string())
    }

    /// [`Source::citation`] with `part` applied to the publisher, title and
    /// date but not to the punctuation between them (HTML escapes the parts
    /// and tags their Chinese runs; `《》` stay in the page's language).
    pub fn cite(
        &self,
        lang: &str,
        default: &str,
        style: Style,
        strings: &Strings,
        part: &dyn Fn(&str) -> String,
    ) -> String {
        let publisher = part(&self.publisher.get(lang, default));
        let title = part(&self.title.get(lang, default));
        let date = part(&format_date(self.date.date(), style, strings));
        match style {
            Style::Chinese => format!("{publisher}，《{title}》，{date}"),
            Style::Mongolian => format!("{publisher}᠂ 《{title}》᠂ {date}"),
            Style::Plain => format!("{publisher}, “{title}”, {date}"),
        }
    }
}

/// Every source of the site, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources {
    /// Sources, in file order.
    pub list: Vec<Source>,
}

impl Sources {
    /// The source with `id`.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.list.iter().find(|s| s.id == id)
    }

    /// The ids with their places, for "did you mean" hints.
    pub fn known(&self) -> Vec<Known> {
        self.list.iter().map(|s| Known::at(&s.id, &s.at)).collect()
    }
}

/// An entry as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    publisher: Localized,
    title: Localized,
    date: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    file: Option<String>,
}

/// Reads `content/sources.yaml` of `root` (none: no sources); a `file:` must
/// exist under `root`.
pub fn load(root: &Path) -> Result<Sources, Vec<Diagnostic>> {
    let file = root.join(PATH);
    if !file.is_file() {
        return Ok(Sources::default());
    }
    let src = crate::content::read_text(&file, Path::new(PATH)).map_err(|d| vec![d])?;
    parse(&src, Path::new(PATH), &|f| root.join(f).is_file())
}

/// Parses a sources file's text (`path` names it in diagnostics);
/// `file_exists` tells whether a `file:` exists under the site root.
pub fn parse(
    src: &str,
    path: &Path,
    file_exists: &dyn Fn(&str) -> bool,
) -> Result<Sources, Vec<Diagnostic>> {
    let text = if src.trim().is_empty() { "[]" } else { src };
    let raw: Vec<RawSource> = yaml::parse(text, path, 0).map_err(|d| {
        let shape = "sources.yaml is a list of `{ id, publisher: { zh, mn }, title: { zh, mn }, date: YYYY-MM-DD, url, file }`";
        vec![d.with_more_hint(shape)]
    })?;
    let spans = Spans::parse(text, 0);
    let mut list = Vec::new();
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for (i, r) in raw.into_iter().enumerate() {
        let entry = spans.root().index(i);
        let err = |field: &str, message: String, hint: &str| {
            let p = entry.get(field).pos();
            Diagnostic::error(path, p.line, p.column, message).with_hint(hint)
        };
        if !crate::slug::is_valid(&r.id) || !ids.insert(r.id.clone()) {
            problems.push(err(
                "id",
                format!("source id `{}` is not a unique ASCII slug", r.id),
                "ids are lowercase ASCII, digits, `-` or `_`, one per source",
            ));
        }
        let date = SourceDate::parse(&r.date)
            .map_err(|e| problems.push(err("date", e, "write the date as `2017-10-17`")))
            .ok();
        if let Some(url) = &r.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                problems.push(err(
                    "url",
                    format!("source url `{url}` is not a web address"),
                    "write the full address, `https://…`, or leave `url` out",
                ));
            }
        }
        if let Some(f) = &r.file {
            if f.contains("..") || f.starts_with('/') || !file_exists(f) {
                problems.push(err(
                    "file",
                    format!("source file `{f}` not found"),
                    "name the captured text under the site root, e.g. seeds/report.txt",
                ));
            }
        }
        if let Some(date) = date {
            list.push(Source {
                id: r.id,
                publisher: r.publisher,
                title: r.title,
                date,
                url: r.url,
                file: r.file,
                at: format!("{}:{}", path.display(), entry.pos().line),
            });
        }
    }
    if problems.is_empty() {
        Ok(Sources { list })
    } else {
        Err(problems)
    }
}

/// A source `report` (publisher 平台, title 综述, 2017-10-17) reading
/// `seeds/a.txt`, for tests of the modules that cite sources.
#[cfg(test)]
pub(crate) fn for_tests() -> Sources {
    let one = |s: &str| Localized::One(s.to_string());
    Sources {
        list: vec![Source {
            id: "report".into(),
            publisher: one("平台"),
            title: one("综述"),
            date: SourceDate::parse("2017-10-17").unwrap_or_else(|e| panic!("{e}")),
            url: None,
            file: Some("seeds/a.txt".into()),
            at: format!("{PATH}:1"),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "- id: report2017
  publisher: { zh: 内蒙古扶贫开发宣传平台, mn: ᠲᠠᠪᠴᠠᠩ }
  title: { zh: 十八大以来内蒙古自治区脱贫攻坚综述, mn: ᠲᠣᠶᠢᠮ }
  date: 2017-10-17
  file: seeds/a.txt
- id: web
  publisher: 国家统计局
  title: 公报
  date: 2018-02-28
  url: https://www.stats.gov.cn/
";

    fn p(src: &str) -> Result<Sources, Vec<Diagnostic>> {
        parse(src, Path::new(PATH), &|f| f == "seeds/a.txt")
    }

    #[test]
    fn reads_sources_with_lines() {
        let s = p(SRC).unwrap();
        assert_eq!(s.list.len(), 2);
        assert_eq!(
            s.get("report2017").unwrap().file.as_deref(),
            Some("seeds/a.txt")
        );
        assert_eq!(s.get("web").unwrap().at, "content/sources.yaml:6");
        assert!(s.get("nope").is_none());
    }

    #[test]
    fn citations_in_words() {
        let s = p(SRC).unwrap();
        let r = s.get("report2017").unwrap();
        let strings = Strings::new();
        assert_eq!(
            r.citation("zh", "zh", Style::Chinese, &strings),
            "内蒙古扶贫开发宣传平台，《十八大以来内蒙古自治区脱贫攻坚综述》，2017年10月17日"
        );
        assert_eq!(
            r.citation("mn", "zh", Style::Mongolian, &strings),
            "ᠲᠠᠪᠴᠠᠩ᠂ 《ᠲᠣᠶᠢᠮ》᠂ 2017 ᠣᠨ\u{202F}ᠤ 10\u{202F}ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ\u{202F}ᠶᠢᠨ 17\u{202F}ᠤ ᠡᠳᠦᠷ"
        );
    }

    #[test]
    fn bad_entries_name_their_field() {
        let src = SRC
            .replace("2018-02-28", "2018/2/28")
            .replace("seeds/a.txt", "seeds/b.txt")
            .replace("https://www", "www")
            .replace("id: web", "id: report2017");
        let e = p(&src).unwrap_err();
        let lines: Vec<usize> = e.iter().map(|d| d.line).collect();
        assert_eq!(lines, [5, 6, 9, 10], "{e:#?}");
        assert!(e[1].message.contains("not a unique"), "{e:#?}");
    }
}
