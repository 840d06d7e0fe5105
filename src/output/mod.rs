//! Write stage: minified HTML, sitemap and robots.txt, static files, and the atomic
//! swap of the finished site into the output folder.

mod files;
mod minify;
mod sitemap;
mod swap;

pub use files::{collect_static, OutputFile};
pub use minify::minify_html;
pub use sitemap::{robots_txt, sitemap_xml};
pub use swap::{check_output_dir, write_site};
