//! Load stage, content part: Markdown files under `content/` with their front matter.

pub mod date;
pub mod frontmatter;
mod load;
pub mod page;

pub use date::SourceDate;
pub use load::{load, read_text};
pub use page::{source_hash, FrontMatter, SourcePage};
