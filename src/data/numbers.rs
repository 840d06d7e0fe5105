//! The numbers a source text writes, and whether a table's figure is one of
//! them (pure).
//!
//! A number is a run of ASCII or full-width digits with an optional decimal
//! part; `,` between digit groups of three is a thousands separator
//! (`1,234` is 1234; `2012,2013` is two numbers). A number followed by `万` or
//! `亿` also counts at its full size (`55.6万` holds 55.6 and 556000), and a
//! figure in a `万…`/`亿…` unit is also looked for at its full size, so a
//! table may write 556000 人 for the text's 55.6万人 and 55.6 万人 for its
//! 556000人. Figures compare as values (`4.50` is `4.5`), signs dropped
//! (the text writes a fall as a word: 减少142万人). Percentages need nothing
//! more: a percent cell holds the number the text writes before `%`.

/// The numbers of a text.
#[derive(Debug, Clone, Default)]
pub struct Numbers {
    values: Vec<f64>,
}

impl Numbers {
    /// Every number `text` writes, each also at full size after `万`/`亿`.
    pub fn of(text: &str) -> Numbers {
        let chars: Vec<char> = text.chars().map(ascii_digit).collect();
        let mut values = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let mut s = String::new();
            while i < chars.len() {
                let c = chars[i];
                if c.is_ascii_digit() {
                    s.push(c);
                    i += 1;
                } else if c == ',' && group_of_three(&chars, i + 1) && !s.contains('.') {
                    i += 1;
                } else if c == '.'
                    && !s.contains('.')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                {
                    s.push(c);
                    i += 1;
                } else {
                    break;
                }
            }
            let Ok(v) = s.parse::<f64>() else { continue };
            values.push(v);
            match chars.get(i) {
                Some('万') => values.push(v * 1e4),
                Some('亿') => values.push(v * 1e8),
                _ => {}
            }
        }
        Numbers { values }
    }

    /// How many numbers were read (a number after `万`/`亿` counts twice).
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when the text writes no number.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// True when the text writes `value` (a cell in `unit`, if any).
    pub fn contains(&self, value: f64, unit: Option<&str>) -> bool {
        let v = value.abs();
        let scale = match unit.and_then(|u| u.chars().next()) {
            Some('万') => 1e4,
            Some('亿') => 1e8,
            _ => 1.0,
        };
        self.values
            .iter()
            .any(|&n| same(n, v) || (scale != 1.0 && same(n, v * scale)))
    }
}

/// Equal as decimals written in a text: exact up to the float error of
/// scaling by 万/亿.
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Full-width digits, point and comma read as ASCII.
fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        other => other,
    }
}

/// Exactly three digits start at `i` (a thousands group), not four.
fn group_of_three(chars: &[char], i: usize) -> bool {
    (i..i + 3).all(|j| chars.get(j).is_some_and(char::is_ascii_digit))
        && !chars.get(i + 3).is_some_and(char::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(text: &str, v: f64, unit: Option<&str>) -> bool {
        Numbers::of(text).contains(v, unit)
    }

    #[test]
    fn decimals_compare_as_values() {
        assert!(has("贫困发生率为4.5%", 4.5, Some("%")));
        assert!(has("增长4.50倍", 4.5, None));
        assert!(!has("贫困发生率为4.5%", 4.6, Some("%")));
        assert!(!has("贫困发生率为4.5%", 45.0, None));
        assert!(has("共计12项", 12.0, None));
        assert!(
            !has("共计12项", 1.0, None),
            "a number is read whole, not digit by digit"
        );
    }

    #[test]
    fn wan_and_yi_at_either_size() {
        assert!(has("贫困人口55.6万人", 55.6, Some("万人")));
        assert!(has("贫困人口55.6万人", 556000.0, Some("人")));
        assert!(has("贫困人口556000人", 55.6, Some("万人")));
        assert!(has("投入资金1.2亿元", 120_000_000.0, Some("元")));
        assert!(has("投入资金12000万元", 1.2, Some("亿元")));
        assert!(!has("贫困人口55.6人", 556000.0, Some("人")));
    }

    #[test]
    fn thousands_separators_and_lists() {
        assert!(has("收入1,234.5元", 1234.5, Some("元")));
        assert!(has("共1,234,567人", 1_234_567.0, None));
        assert!(has("2012,2013年", 2013.0, None));
        assert!(has("2012,2013年", 2012.0, None));
        assert!(!has("2012,2013年", 20122013.0, None));
        assert!(has("第１２个", 12.0, None), "full-width digits");
    }

    #[test]
    fn signs_are_dropped_and_a_trailing_point_is_not_a_decimal() {
        assert!(has("减少142万人。", -142.0, Some("万人")));
        assert!(has("共57个.其中", 57.0, None));
        assert_eq!(Numbers::of("没有数字").len(), 0);
    }
}
