//! `bichig status`: translation coverage per section and language (pure).

use std::collections::BTreeMap;

use crate::content::page::TranslationState;
use crate::diagnostics::Diagnostic;
use crate::resolve::Site;

/// Counts for one section in one language.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    /// Pages (and section indexes) in the section.
    pub total: usize,
    /// Translations marked `translation: reviewed`, up to date.
    pub reviewed: usize,
    /// Translations marked draft (or unmarked), up to date.
    pub draft: usize,
    /// Translations whose `source_hash` no longer matches the original.
    pub stale: usize,
    /// Pages shown in the original language.
    pub fallback: usize,
}

impl Counts {
    /// Share of pages with an up-to-date translation, in percent.
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * (self.reviewed + self.draft) as f64 / self.total as f64
        }
    }

    fn add(&mut self, other: &Counts) {
        self.total += other.total;
        self.reviewed += other.reviewed;
        self.draft += other.draft;
        self.stale += other.stale;
        self.fallback += other.fallback;
    }
}

/// Coverage of every language other than the default.
#[derive(Debug, Default)]
pub struct Status {
    /// (language, section) → counts; section is the top folder (`/` for the root).
    pub rows: BTreeMap<(String, String), Counts>,
    /// Language → totals.
    pub totals: BTreeMap<String, Counts>,
    /// Language → UI string keys missing (filled from the default language).
    pub missing_ui: BTreeMap<String, Vec<String>>,
    /// Stale translations with the hash of their original today.
    pub stale: Vec<(std::path::PathBuf, String)>,
    /// Stale translation → what changed in its original since (a line, filled
    /// by [`crate::status`] from the kept copy or git history).
    pub changes: BTreeMap<std::path::PathBuf, String>,
}

impl Status {
    /// The lowest total percentage over the translated languages (100 when none).
    pub fn lowest_percent(&self) -> f64 {
        self.totals
            .values()
            .map(Counts::percent)
            .fold(100.0, f64::min)
    }

    /// A table for the terminal.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<6} {:<16} {:>5} {:>8} {:>5} {:>5} {:>8} {:>10}\n",
            "lang", "section", "pages", "reviewed", "draft", "stale", "fallback", "translated"
        );
        let line = |lang: &str, section: &str, c: &Counts| {
            format!(
                "{lang:<6} {section:<16} {:>5} {:>8} {:>5} {:>5} {:>8} {:>9.1}%\n",
                c.total,
                c.reviewed,
                c.draft,
                c.stale,
                c.fallback,
                c.percent()
            )
        };
        for ((lang, section), c) in &self.rows {
            out.push_str(&line(lang, section, c));
        }
        for (lang, c) in &self.totals {
            out.push_str(&line(lang, "(all)", c));
        }
        for (path, hash) in &self.stale {
            out.push_str(&format!(
                "stale: {} (original changed; update it and set source_hash: {hash})\n",
                path.display()
            ));
            if let Some(change) = self.changes.get(path) {
                out.push_str(&format!(
                    "  {change} (bichig status --diff {})\n",
                    path.display()
                ));
            }
        }
        for (lang, keys) in &self.missing_ui {
            out.push_str(&format!("UI strings missing in {lang}: {}", keys.len()));
            if !keys.is_empty() {
                out.push_str(&format!(" ({})", keys.join(", ")));
            }
            out.push('\n');
        }
        out
    }
}

/// Counts translations of `site`; `ui_warnings` are the i18n loader's warnings.
pub fn coverage(site: &Site, ui_warnings: &[Diagnostic]) -> Status {
    let mut status = Status::default();
    for entry in site.entries.iter().filter(|e| !e.lang.is_default()) {
        let section = entry
            .key
            .split_once('/')
            .map_or("/", |(dir, _)| dir)
            .to_string();
        let c = status
            .rows
            .entry((site.lang(entry.lang).code.clone(), section))
            .or_default();
        c.total += 1;
        if entry.fallback {
            c.fallback += 1;
            continue;
        }
        let translation = site.source(entry);
        let original = site
            .lookup(&entry.key, crate::resolve::LangId::DEFAULT)
            .map(|e| site.source(e));
        let fresh = match (original, &translation.front.source_hash) {
            (Some(o), Some(h)) => &o.hash == h,
            // No hash recorded: nothing to compare, count it by its state.
            _ => true,
        };
        match (fresh, translation.front.translation) {
            (false, _) => {
                c.stale += 1;
                let hash = original.map(|o| o.hash.clone()).unwrap_or_default();
                status.stale.push((translation.path.clone(), hash));
            }
            (true, Some(TranslationState::Reviewed)) => c.reviewed += 1,
            (true, _) => c.draft += 1,
        }
    }
    for ((lang, _), c) in &status.rows {
        status.totals.entry(lang.clone()).or_default().add(c);
    }
    for lang in site.langs.iter().skip(1) {
        let file = format!("i18n/{}.yaml", lang.code);
        let keys = ui_warnings
            .iter()
            .filter(|w| w.path.to_string_lossy() == file)
            .filter_map(|w| w.message.split('`').nth(1).map(str::to_string))
            .collect();
        status.missing_ui.insert(lang.code.clone(), keys);
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::content::SourcePage;
    use crate::resolve::resolve;
    use std::path::Path;

    fn page(rel: &str, src: &str) -> SourcePage {
        SourcePage::parse(rel, Path::new(rel), src, "zh").unwrap()
    }

    #[test]
    fn counts_reviewed_draft_stale_and_fallback() {
        let config = Config::parse(
            "title: T\nbase_url: https://e.org/\nlanguages:\n  zh: {name: Z, tag: zh-Hans}\n  mn: {name: M, tag: mn-Mong}\n",
            Path::new("site.yaml"),
        )
        .unwrap();
        let a = "---\ntitle: a\nweight: 1\n---\nA";
        let b = "---\ntitle: b\n---\nB";
        // Written before `weight:` changed: still up to date.
        let a_hash = page("m/a.md", "---\ntitle: a\nweight: 9\n---\nA").hash;
        let sources = vec![
            page("_index.md", "---\ntitle: home\n---\n"),
            page("m/_index.md", "---\ntitle: m\n---\nM"),
            page("m/a.md", a),
            page("m/b.md", b),
            page("m/c.md", "---\ntitle: c\n---\nC"),
            page(
                "m/a.mn.md",
                &format!("---\ntitle: a\ntranslation: reviewed\nsource_hash: {a_hash}\n---\nᠠ",),
            ),
            page(
                "m/b.mn.md",
                "---\ntitle: b\ntranslation: reviewed\nsource_hash: 0000000000000000\n---\nᠪ",
            ),
            page("m/c.mn.md", "---\ntitle: c\ntranslation: draft\n---\nᠴ"),
            // Only the scaffold's comment: counted as missing.
            page("m/_index.mn.md", "---\ntitle: m\n---\n<!-- Translate -->\n"),
        ];
        let site = resolve(config, sources, &[], false).unwrap();
        let warn = Diagnostic::warning(
            "i18n/mn.yaml",
            0,
            0,
            "UI string `toc` is missing; using the zh text",
        );
        let s = coverage(&site, &[warn]);
        let m = &s.rows[&("mn".to_string(), "m".to_string())];
        assert_eq!(
            (m.total, m.reviewed, m.draft, m.stale, m.fallback),
            (4, 1, 1, 1, 1)
        );
        assert_eq!(m.percent(), 50.0);
        assert_eq!(s.totals["mn"].total, 5);
        assert_eq!(s.lowest_percent(), 40.0);
        assert_eq!(s.missing_ui["mn"], ["toc"]);
        let table = s.table();
        assert!(table.contains("mn     m"), "{table}");
        assert!(table.contains("40.0%"));
    }
}
