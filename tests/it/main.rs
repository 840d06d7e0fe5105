//! Integration tests of the `bichig` binary, one module per area, built as a
//! single test binary so the helpers in `support` compile and link once.

mod a11y;
mod authoring;
mod bilingual;
mod browser;
mod build;
mod check;
mod cite;
mod corrections;
mod data;
mod discovery;
mod hostile;
mod layers;
mod messages;
mod minify;
mod pdf;
mod phones;
mod print;
mod progress;
mod series;
mod serve;
mod sources;
mod streaming;
mod support;
mod validity;
