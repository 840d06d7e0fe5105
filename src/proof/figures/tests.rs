use super::*;

const ZH: &str = "content/a.md";
const MN: &str = "content/a.mn.md";

fn page<'a>(path: &'a str, body: &'a str) -> Page<'a> {
    Page {
        path: Path::new(path),
        body,
        line_offset: 4,
    }
}

/// Values of the test table: `t/r/c` is 55.6, `t/r/p` is 4.1, `t/r/x` text.
fn value(s: &Stat) -> Option<String> {
    match s.col.as_str() {
        "c" => Some("55.6".into()),
        "p" => Some("4.1".into()),
        "n" => Some("2016".into()),
        _ => None,
    }
}

fn found(original: &str, translation: &str) -> Vec<(&'static str, usize, usize, String)> {
    compare(&page(ZH, original), &page(MN, translation), &value)
        .into_iter()
        .map(|d| (d.kind.name(), d.line, d.column, d.message))
        .collect()
}

const C: &str = "{{ stat(id=\"t\", row=\"r\", col=\"c\") }}";
const P: &str = "{{ stat(id=\"t\", row=\"r\", col=\"p\") }}";

#[test]
fn numbers_are_read_as_written() {
    let body = "到2016年底,人口1,234,567人,占12.5%。\n\n1. 第一条 9 项\n- 10,00 个 G20\n";
    let n: Vec<(String, usize, usize)> = numbers(&page(ZH, body))
        .into_iter()
        .map(|n| (n.digits, n.line, n.column))
        .collect();
    let want = [
        ("2016", 5, 2),
        ("1234567", 5, 11),
        ("12.5", 5, 23),
        ("10", 8, 3),
        ("00", 8, 6),
    ];
    let want: Vec<(String, usize, usize)> = want
        .iter()
        .map(|&(d, l, c)| (d.to_string(), l, c))
        .collect();
    assert_eq!(n, want);
}

#[test]
fn shortcodes_code_and_urls_are_not_prose() {
    let body = format!("{C} `2017` [x](/a/2018/) https://e.org/2019 <b title=\"2020\">y</b> 2021\n```\n2022\n```\n");
    let n: Vec<String> = numbers(&page(ZH, &body))
        .into_iter()
        .map(|n| n.digits)
        .collect();
    assert_eq!(n, ["2021"]);
    // Between two calls on one line, with their columns.
    let body = format!("{C}12{P}34\n{C}\n");
    let n: Vec<(String, usize)> = numbers(&page(ZH, &body))
        .into_iter()
        .map(|n| (n.digits, n.column))
        .collect();
    assert_eq!(n, [("12".to_string(), 37), ("34".to_string(), 75)]);
}

#[test]
fn stats_in_step_are_silent() {
    let zh = format!("到2016年底为{C},占{P}。\n");
    let mn = format!(
        "2016 ᠣᠨ ᠤ ᠡᠴᠦᠰ {{{{ stat(id=\"t\", row=\"r\", col=\"c\", unit=false) }}}} ᠲᠦᠮᠡ᠂ {P}᠃\n"
    );
    assert_eq!(found(&zh, &mn), []);
}

#[test]
fn missing_and_extra_stats() {
    let zh = format!("甲\n\n乙{C}丙{C}\n");
    let mn = format!("ᠠ\n\nᠪ {C} {P}\n");
    let d = found(&zh, &mn);
    assert_eq!(d.len(), 2, "{d:?}");
    // Same paragraph count: the missing one is placed at the paragraph's start.
    assert_eq!((d[0].0, d[0].1, d[0].2), ("stat-missing", 7, 1));
    assert_eq!(
        d[0].3,
        "`stat(id=\"t\", row=\"r\", col=\"c\")` of the original is missing here (2 times there, 1 here)"
    );
    assert_eq!((d[1].0, d[1].1, d[1].2), ("stat-extra", 7, 40));
}

#[test]
fn missing_stat_without_matching_paragraphs_goes_to_the_first() {
    let zh = format!("甲\n\n乙\n\n{C}\n");
    let mn = "\nᠠ ᠪ\n";
    let d = found(&zh, mn);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].0, d[0].1, d[0].2), ("stat-missing", 6, 1));
}

#[test]
fn missing_number_names_its_place_in_the_original() {
    let zh = "自2014年起,157万人。共3条。\n";
    let mn = "2014 ᠣᠨ ᠠᠴᠠ ᠡᠬᠢᠯᠡᠨ᠂ ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ᠃ 3 ᠵᠦᠢᠯ᠃\n";
    let d = found(zh, mn);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].0, d[0].1, d[0].2), ("number-missing", 5, 1));
    assert_eq!(
        d[0].3,
        "number `157` of the original (content/a.md:5:9) is missing here"
    );
}

#[test]
fn a_number_shown_by_a_stat_in_the_translation_is_present() {
    let zh = "人口55.6万人。\n";
    let mn = format!("ᠬᠦᠮᠦᠨ {C}᠃\n");
    let d = found(zh, &mn);
    // Present as the stat; the stat itself is extra.
    let kinds: Vec<&str> = d.iter().map(|d| d.0).collect();
    assert_eq!(kinds, ["stat-extra"]);
}

#[test]
fn typed_figure_is_found_at_its_place() {
    let zh = format!("人口{C},占{P}。\n");
    let mn = format!("ᠬᠦᠮᠦᠨ 55.6 ᠲᠦᠮᠡ᠂ {P}᠃\n");
    let d = found(&zh, &mn);
    let got: Vec<(&str, usize, usize)> = d.iter().map(|d| (d.0, d.1, d.2)).collect();
    assert_eq!(
        got,
        [("stat-missing", 5, 1), ("typed-figure", 5, 7)],
        "{d:?}"
    );
    assert_eq!(
        d[1].3,
        "typed by hand: `55.6` is the value of `stat(id=\"t\", row=\"r\", col=\"c\")` of the original"
    );
}

#[test]
fn a_year_the_original_also_types_is_not_a_typed_figure() {
    let zh = "{{ stat(id=\"t\", row=\"r\", col=\"n\") }}年,2016年底。\n";
    let mn = "{{ stat(id=\"t\", row=\"r\", col=\"n\") }} ᠣᠨ᠂ 2016 ᠣᠨ ᠤ ᠡᠴᠦᠰ᠃\n";
    assert_eq!(found(zh, mn), []);
}

#[test]
fn near_misses_are_silent() {
    // A number in code, list numbering, single digits, a number in a link target.
    let zh = "`2017` 规定\n\n12. 第三 3 条 [见](/data/2018/)\n";
    let mn = "ᠵᠢᠷᠤᠮ\n\n12. ᠭᠤᠷᠪᠠᠳᠤᠭᠠᠷ 3 [ᠦᠵᠡ](/mn/data/2018/)\n";
    assert_eq!(found(zh, mn), []);
}
