//! Load stage, content part: Markdown files under `content/` with their front matter.

pub mod corrections;
pub mod date;
pub mod frontmatter;
mod load;
pub mod page;
pub mod translatable;

pub use corrections::Correction;
pub use date::SourceDate;
pub use load::{load, read_text};
pub use page::{FrontMatter, SourcePage};
pub use translatable::source_hash;
