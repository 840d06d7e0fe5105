//! A citation as GB/T 7714-2015 writes an online electronic resource (4.8):
//!
//! `主要责任者. 题名[EB/OL]. 版本项. 出版者, 出版年(更新或修改日期)[引用日期]. 获取和访问路径.`
//!
//! A page is a part of the report (4.2, 析出文献): `析出责任者. 析出题名[EB/OL]//
//! 专著责任者. 专著题名. …`. Symbols are the standard's half-width ones, each
//! followed by a space. At most three authors are named, then `, 等` (the
//! language's word for it). Without authors the publisher is the 主要责任者
//! (a body); a publisher that is also the author is not repeated, and then the
//! date in parentheses is the publication (or revision) date, as in the
//! standard's example `萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://….`

use super::Work;

/// The authors as GB/T 7714 lists them: three at most, then `, {et_al}`.
fn responsibility(authors: &[String], et_al: &str) -> String {
    let mut s = authors
        .iter()
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if authors.len() > 3 {
        s.push_str(", ");
        s.push_str(et_al);
    }
    s
}

/// The GB/T 7714-2015 citation of `work`; `et_al` is the language's word for
/// "and others" (`等`).
pub fn citation(work: &Work, et_al: &str) -> String {
    let mut resp = responsibility(&work.authors, et_al);
    let mut publisher = work.publisher.clone().filter(|p| !p.is_empty());
    if resp.is_empty() {
        resp = publisher.take().unwrap_or_default();
    } else if publisher.as_deref() == Some(resp.as_str()) {
        publisher = None;
    }
    let mut s = String::new();
    if !resp.is_empty() {
        s.push_str(&resp);
        s.push_str(". ");
    }
    s.push_str(&work.title);
    s.push_str("[EB/OL]");
    if let Some(c) = &work.container {
        s.push_str("//");
        let cresp = responsibility(&c.authors, et_al);
        let cresp = if cresp.is_empty() {
            resp.clone()
        } else {
            cresp
        };
        if !cresp.is_empty() {
            s.push_str(&cresp);
            s.push_str(". ");
        }
        s.push_str(&c.title);
    }
    if let Some(ed) = work.edition.as_deref().filter(|e| !e.is_empty()) {
        s.push_str(". ");
        s.push_str(ed);
    }
    let mut dates = String::new();
    match &publisher {
        Some(p) => {
            dates.push_str(p);
            if let Some(d) = work.issued {
                dates.push_str(&format!(", {}", d.year()));
            }
            if let Some(u) = work.updated {
                dates.push_str(&format!("({u})"));
            }
        }
        None => {
            if let Some(d) = work.updated.or(work.issued) {
                dates.push_str(&format!("({d})"));
            }
        }
    }
    if let Some(a) = work.accessed {
        dates.push_str(&format!("[{a}]"));
    }
    if !dates.is_empty() {
        s.push_str(". ");
        s.push_str(&dates);
    }
    s.push_str(". ");
    s.push_str(&work.url);
    s.push('.');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::Container;
    use time::{Date, Month};

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
    }

    fn work() -> Work {
        Work {
            authors: vec!["内蒙古扶贫开发宣传平台".into()],
            title: "十八大以来内蒙古自治区脱贫攻坚综述".into(),
            container: None,
            edition: None,
            publisher: Some("内蒙古扶贫开发宣传平台".into()),
            issued: Some(date(2017, 10, 17)),
            updated: None,
            accessed: Some(date(2026, 12, 1)),
            url: "https://example.org/".into(),
            lang_tag: "zh-Hans".into(),
            license: None,
        }
    }

    #[test]
    fn report_as_the_standard_writes_it() {
        assert_eq!(
            citation(&work(), "等"),
            "内蒙古扶贫开发宣传平台. 十八大以来内蒙古自治区脱贫攻坚综述[EB/OL]. (2017-10-17)[2026-12-01]. https://example.org/."
        );
    }

    #[test]
    fn other_publisher_edition_revision_and_many_authors() {
        let mut w = work();
        w.authors = ["甲", "乙", "丙", "丁"].map(String::from).to_vec();
        w.edition = Some("2版".into());
        w.updated = Some(date(2018, 1, 5));
        assert_eq!(
            citation(&w, "等"),
            "甲, 乙, 丙, 等. 十八大以来内蒙古自治区脱贫攻坚综述[EB/OL]. 2版. 内蒙古扶贫开发宣传平台, 2017(2018-01-05)[2026-12-01]. https://example.org/."
        );
    }

    #[test]
    fn a_page_inside_the_report() {
        let mut w = work();
        w.container = Some(Container {
            authors: w.authors.clone(),
            title: std::mem::replace(&mut w.title, "金融扶贫".into()),
        });
        w.url = "https://example.org/measures/finance/".into();
        assert_eq!(
            citation(&w, "等"),
            "内蒙古扶贫开发宣传平台. 金融扶贫[EB/OL]//内蒙古扶贫开发宣传平台. 十八大以来内蒙古自治区脱贫攻坚综述. (2017-10-17)[2026-12-01]. https://example.org/measures/finance/."
        );
    }

    #[test]
    fn without_authors_the_publisher_is_responsible() {
        let mut w = work();
        w.authors.clear();
        w.issued = None;
        w.accessed = None;
        assert_eq!(
            citation(&w, "等"),
            "内蒙古扶贫开发宣传平台. 十八大以来内蒙古自治区脱贫攻坚综述[EB/OL]. https://example.org/."
        );
    }
}
