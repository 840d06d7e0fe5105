//! Re-rendering one page after an edit to its text, for `serve`: when only the
//! body of a content file changed (its front matter is the same, so its URL,
//! title, order, tags and series are too), its pages are rendered again with
//! the context of the last full build and served at once; listings, feeds and
//! the search index follow with the next full build.

use std::path::{Path, PathBuf};

use crate::content::{self, SourcePage};
use crate::data::DataTable;
use crate::i18n::Strings;
use crate::locale::Style::Plain;
use crate::output::OutputFile;
use crate::render::{self, SiteContext};
use crate::resolve::Site;
use crate::templates::Templates;

/// Everything a full build was made from.
pub struct SiteState {
    /// Site root.
    pub root: PathBuf,
    /// The resolved site.
    pub site: Site,
    /// Loaded templates.
    pub templates: Templates,
    /// UI strings per language.
    pub strings: Vec<Strings>,
    /// Data tables.
    pub tables: Vec<DataTable>,
    /// Summaries, site views, reading order and series of the last full render.
    pub context: SiteContext,
}

impl SiteState {
    /// The pages of `file` rendered again, or `None` when the edit needs a full
    /// build: the file is not a known page, cannot be read or parsed, its front
    /// matter changed, or its text has problems (the full build reports them).
    pub fn rerender(&mut self, file: &Path) -> Option<Vec<OutputFile>> {
        // Watchers report paths as the watched folder was named (`./content/…`).
        let index = self
            .site
            .sources
            .iter()
            .position(|s| self.root.join(&s.path) == file || file.ends_with(&s.path))?;
        let old = &self.site.sources[index];
        let text = content::read_text(file, &old.path).ok()?;
        let rel = old
            .path
            .strip_prefix("content")
            .ok()?
            .to_string_lossy()
            .replace('\\', "/");
        let default = self.site.config.default_language().code.clone();
        let new = SourcePage::parse(&rel, &old.path, &text, &default).ok()?;
        // Text written into an empty translation (or removed) turns a fallback
        // into a page or back: the model changes, so a full build follows.
        let has_text = |s: &SourcePage| crate::resolve::unwritten::has_text(&s.body, Plain);
        if !same_page(old, &new)
            || self.site.is_unwritten(old) != self.site.is_unwritten(&new)
            || has_text(old) != has_text(&new)
        {
            return None;
        }
        self.site.sources[index] = new;
        render::render_source(
            &self.site,
            &self.templates,
            &self.strings,
            &self.tables,
            &mut self.context,
            index,
        )
        .ok()
    }
}

/// True when only the body differs.
fn same_page(a: &SourcePage, b: &SourcePage) -> bool {
    a.front == b.front
        && a.key == b.key
        && a.lang == b.lang
        && a.title == b.title
        && a.slug == b.slug
        && a.body_line_offset == b.body_line_offset
}
