//! Paragraph diff: what changed between two versions of a page's translatable
//! paragraphs, as removed and added paragraphs in the order of the text (a
//! longest common subsequence over whole paragraphs; pure).

/// One paragraph of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op<'a> {
    /// In both versions.
    Same(&'a str),
    /// Only in the old version.
    Removed(&'a str),
    /// Only in the new version.
    Added(&'a str),
}

/// The paragraphs of `old` and `new` in order, each marked same, removed or
/// added; removals come before the additions that replace them.
pub fn diff<'a>(old: &'a [String], new: &'a [String]) -> Vec<Op<'a>> {
    // lcs[i][j]: length of the longest common subsequence of old[i..], new[j..].
    let (n, m) = (old.len(), new.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(n.max(m));
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            ops.push(Op::Same(&old[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(Op::Removed(&old[i]));
            i += 1;
        } else {
            ops.push(Op::Added(&new[j]));
            j += 1;
        }
    }
    ops
}

/// Paragraphs removed and added.
pub fn counts(ops: &[Op<'_>]) -> (usize, usize) {
    let removed = ops.iter().filter(|o| matches!(o, Op::Removed(_))).count();
    let added = ops.iter().filter(|o| matches!(o, Op::Added(_))).count();
    (removed, added)
}

/// "1 paragraph removed, 2 added" (or "no change").
pub fn summary(ops: &[Op<'_>]) -> String {
    match counts(ops) {
        (0, 0) => "no change".to_string(),
        (r, a) => format!(
            "{r} paragraph{} removed, {a} added",
            if r == 1 { "" } else { "s" }
        ),
    }
}

/// A unified diff by paragraph: hunks headed `@@ -from,count +from,count @@`
/// (paragraph numbers, 1-based), each line of a paragraph marked ` `, `-` or
/// `+`, each paragraph after the first led by a blank line with its mark, `context` unchanged
/// paragraphs around each change.
pub fn unified(ops: &[Op<'_>], context: usize) -> String {
    let changed: Vec<usize> = (0..ops.len())
        .filter(|&k| !matches!(ops[k], Op::Same(_)))
        .collect();
    let mut out = String::new();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(context);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 2 * context + 1 {
            end = changed[k];
            k += 1;
        }
        let end = (end + context + 1).min(ops.len());
        // Paragraph numbers of the hunk's first paragraph in each version.
        let before = |upto: usize, keep: fn(&Op<'_>) -> bool| -> usize {
            ops[..upto].iter().filter(|o| keep(o)).count()
        };
        let in_old = |o: &Op<'_>| !matches!(o, Op::Added(_));
        let in_new = |o: &Op<'_>| !matches!(o, Op::Removed(_));
        let hunk = &ops[start..end];
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            before(start, in_old) + 1,
            hunk.iter().filter(|o| in_old(o)).count(),
            before(start, in_new) + 1,
            hunk.iter().filter(|o| in_new(o)).count(),
        ));
        for (n, op) in hunk.iter().enumerate() {
            let (mark, text) = match op {
                Op::Same(t) => (' ', t),
                Op::Removed(t) => ('-', t),
                Op::Added(t) => ('+', t),
            };
            if n > 0 {
                out.push(mark);
                out.push('\n');
            }
            for line in text.split('\n') {
                out.push(mark);
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn changed_paragraph_is_removed_then_added() {
        let old = v(&["title: 就业", "一", "二", "三"]);
        let new = v(&["title: 就业", "一", "二改", "三", "四"]);
        let ops = diff(&old, &new);
        assert_eq!(
            ops,
            [
                Op::Same("title: 就业"),
                Op::Same("一"),
                Op::Removed("二"),
                Op::Added("二改"),
                Op::Same("三"),
                Op::Added("四"),
            ]
        );
        assert_eq!(counts(&ops), (1, 2));
        assert_eq!(summary(&ops), "1 paragraph removed, 2 added");
    }

    #[test]
    fn unified_hunks_with_context() {
        let old = v(&["a", "b", "c", "d", "e", "f", "g"]);
        let new = v(&["a", "B\nB2", "c", "d", "e", "f", "g", "h"]);
        let text = unified(&diff(&old, &new), 1);
        assert_eq!(
            text,
            "@@ -1,3 +1,3 @@\n a\n-\n-b\n+\n+B\n+B2\n \n c\n@@ -7,1 +7,2 @@\n g\n+\n+h\n"
        );
    }

    #[test]
    fn nothing_changed() {
        let a = v(&["a", "b"]);
        let ops = diff(&a, &a);
        assert_eq!(summary(&ops), "no change");
        assert_eq!(unified(&ops, 1), "");
        assert_eq!(counts(&diff(&a, &[])), (2, 0));
    }
}
