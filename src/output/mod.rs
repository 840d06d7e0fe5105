//! Write stage: minified HTML, sitemap and robots.txt, static files, and the atomic
//! swap of the finished site into the output folder.

mod escape;
mod feed;
pub mod files;
mod minify;
pub mod nesting;
mod sink;
mod sitemap;
mod staging;
mod swap;

pub use escape::{escape_markup, escape_xml};
pub use feed::{atom, FeedEntry};
pub use files::{collect_static, OutputFile};
pub use minify::minify_html;
pub use sink::{Collect, Discard, Sink};
pub use sitemap::{robots_txt, sitemap_xml, SitemapUrl};
pub use staging::{write_site, Staging};
pub use swap::check_output_dir;
