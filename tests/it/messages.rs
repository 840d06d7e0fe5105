//! What an editor reads when something is wrong: each message names what was
//! meant and how to fix it, checked word for word as the terminal prints it.

use crate::support::SiteTest;

/// The `data` fixture with `rel` replaced by `text`; `bichig build` must fail
/// and print `expected` (message, quoted line and hint) word for word.
fn data_case(rel: &str, text: &str, expected: &str) {
    let site = SiteTest::new("data");
    site.write(rel, text);
    site.run(&["build"]).fails_with(1, &[expected]);
}

const META: &str = "title: { zh: 贫困人口, mn: ᠶᠠᠳᠠᠭᠤ ᠬᠦᠮᠦᠨ }
source: report
as_of: 2017-10-17
columns:
  - { key: year, label: { zh: 年份, mn: ᠣᠨ } }
  - { key: people, label: { zh: 贫困人口, mn: ᠶᠠᠳᠠᠭᠤ ᠬᠦᠮᠦᠨ }, type: amount, unit: 万人 }
  - { key: rate, label: { zh: 贫困发生率, mn: ᠬᠤᠪᠢ }, type: percent }
";

#[test]
fn a_column_typo_is_reported_once_at_its_declaration() {
    let site = SiteTest::new("data");
    site.write(
        "content/data/headline.meta.yaml",
        META.replace("key: people", "key: peple"),
    );
    let run = site.run(&["build"]);
    run.fails_with(
        1,
        &["  1. content/data/headline.meta.yaml:6:7: error: column `peple` is used by no row; 2 rows use the undeclared `people` instead (first in content/data/headline.csv:2)\n    6 |   - { key: peple, label: { zh: 贫困人口, mn: ᠶᠠᠳᠠᠭᠤ ᠬᠦᠮᠦᠨ }, type: amount, unit: 万人 }\n      |       ^\n    hint: did you mean `people`? rename the column to `people`, or the rows' key to `peple`\n1 error(s)"],
    );
}

#[test]
fn a_wrong_stat_row_or_column_names_the_nearest_and_all() {
    let page =
        |args: &str| format!("---\ntitle: 坏行\n---\n{{{{ stat(id=\"headline\", {args}) }}}}\n");
    data_case(
        "content/broken.md",
        &page("row=\"y2021\", col=\"people\""),
        "content/broken.md:4:1: error: table `headline` has no row `y2021`\n    hint: did you mean `y2012` (content/data/headline.csv:2)? rows of `headline`: `y2012`, `now`",
    );
    data_case(
        "content/broken.md",
        &page("row=\"now\", col=\"peopel\""),
        "content/broken.md:4:1: error: table `headline` has no column `peopel`\n    hint: did you mean `people` (content/data/headline.meta.yaml:6)? columns of `headline`: `year`, `people`, `rate`",
    );
    data_case(
        "content/broken.md",
        "---\ntitle: 坏行\n---\n{{ stats(id=\"headline\") }}\n",
        "content/broken.md:4:1: error: unknown shortcode `stats`\n    hint: did you mean `stat`? shortcodes: `table`, `chart`, `stat`",
    );
    data_case(
        "content/broken.md",
        "---\ntitle: 坏行\n---\n{{ table(id=\"headlines\") }}\n",
        "content/broken.md:4:1: error: no data table `headlines` in content/data/\n    hint: did you mean `headline` (content/data/headline.meta.yaml)? tables: `causes`, `headline`",
    );
}

#[test]
fn a_unit_without_a_numeric_type_is_refused() {
    data_case(
        "content/data/headline.meta.yaml",
        &META.replace(", type: amount, unit: 万人", ", unit: 万人"),
        "content/data/headline.meta.yaml:6:59: error: column `people` has a `unit` but no numeric `type`, so its figures would be read as text\n    6 |   - { key: people, label: { zh: 贫困人口, mn: ᠶᠠᠳᠠᠭᠤ ᠬᠦᠮᠦᠨ }, unit: 万人 }\n      |                                                               ^\n    hint: add `type: amount` (a quantity in 万人), or `type: number`/`integer`; remove `unit` if the column is text",
    );
}

#[test]
fn a_chinese_date_is_refused_with_the_expected_form() {
    data_case(
        "content/data/headline.meta.yaml",
        &META.replace("as_of: 2017-10-17", "as_of: 2017年6月30日"),
        "content/data/headline.meta.yaml:3:8: error: `2017年6月30日` is not a date: write it as `2017-06-30` (year-month-day)\n    3 | as_of: 2017年6月30日\n      |        ^\n    hint: dates are written year-month-day with `-`, e.g. `as_of: 2016-12-31`",
    );
}

/// The front matter of `content/broken.md` is `front`; the build must print `expected`.
fn front_matter_case(front: &str, expected: &str) {
    data_case(
        "content/broken.md",
        &format!("---\n{front}---\n正文。\n"),
        expected,
    );
}

#[test]
fn yaml_errors_say_what_to_do_under_the_quoted_line() {
    front_matter_case(
        "title: 贫困人口: 2016\n",
        "content/broken.md:2:12: error: a colon followed by a space inside an unquoted value: YAML reads it as a new key\n    2 | title: 贫困人口: 2016\n      |                ^\n    hint: put the value in quotes: `title: \"贫困人口: 2016\"`",
    );
    front_matter_case(
        "title: t\ntags:\n  - 扶贫\n - 资金\n",
        "content/broken.md:5:2: error: this line's indentation does not match the lines above it\n    5 |  - 资金\n      |  ^\n    hint: keys of one block start in the same column, and so do the `- ` items of a list; indent with spaces",
    );
    front_matter_case(
        "title: `扶贫`\n",
        "content/broken.md:2:8: error: a value cannot start with `` ` `` unless it is in quotes",
    );
    front_matter_case(
        "title: t\nWeight: 3\n",
        "content/broken.md:3:1: error: unknown key `Weight`\n    3 | Weight: 3\n      | ^\n    hint: did you mean `weight`? keys are written in lowercase",
    );
    front_matter_case(
        "title: \"扶贫\nweight: 3\n",
        "content/broken.md:2:8: error: the quote `\"` that starts this value is never closed\n    2 | title: \"扶贫\n      |        ^\n    hint: add the closing `\"` at the end of the value",
    );
}

#[test]
fn a_link_to_a_missing_page_names_the_page_of_that_name() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/measures/organisation.md",
        "---\ntitle: 组织\n---\n见[金融](@/finance.md)。\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &["content/measures/organisation.md:4:2: error: link to `@/finance.md`: no such page\n    hint: did you mean `@/measures/finance.md` (content/measures/finance.md)? link to a source file from the content root (`@/measures/finance.md`) or relative to this file"],
    );
}

#[test]
fn a_file_in_an_unknown_language_names_the_nearest_language() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/measures/finance.mm.md",
        "---\ntitle: ᠰᠠᠩᠬᠦᠦ\n---\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &["content/measures/finance.mm.md: error: language `mm` is not defined in site.yaml\n    hint: did you mean `mn` (site.yaml)? languages: `zh`, `mn`; or add it under `languages:` in site.yaml, or rename the file"],
    );
}

#[test]
fn a_unit_without_its_word_names_the_nearest_unit_that_has_one() {
    data_case(
        "content/data/headline.meta.yaml",
        &META.replace("unit: 万人", "unit: 个百分比"),
        "content/data/headline.meta.yaml:6:73: error: unit `个百分比` of column `people` has no `mn` string `unit_个百分比`\n    6 |   - { key: people, label: { zh: 贫困人口, mn: ᠶᠠᠳᠠᠭᠤ ᠬᠦᠮᠦᠨ }, type: amount, unit: 个百分比 }\n      |                                                                             ^\n    hint: did you mean `个百分点`? or add `unit_个百分比: …` to themes/default/i18n/mn.yaml",
    );
}
