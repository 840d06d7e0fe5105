//! Reading order: previous/next through the report, per language.

use super::entries::order_key;
use super::lang::Lang;
use super::series::SERIES_DIR;
use super::Entry;
use crate::content::SourcePage;

/// Sets `prev`/`next` of every entry in reading order, which is depth first: a
/// section, then its pages and subsections merged by weight. Series indexes
/// are not part of it. Iterative, so a deep tree cannot exhaust the stack.
/// Each language's order is kept in [`Lang::reading_order`].
pub(super) fn link(entries: &mut [Entry], langs: &mut [Lang], sources: &[SourcePage]) {
    for lang in langs {
        let order = reading_order(entries, sources, lang.home);
        for (pos, &i) in order.iter().enumerate() {
            entries[i].prev = pos.checked_sub(1).map(|p| order[p]);
            entries[i].next = order.get(pos + 1).copied();
        }
        lang.reading_order = order;
    }
}

fn reading_order(entries: &[Entry], sources: &[SourcePage], home: usize) -> Vec<usize> {
    let mut order = Vec::new();
    let mut stack = vec![home];
    while let Some(i) = stack.pop() {
        let e = &entries[i];
        if e.key.starts_with(SERIES_DIR) {
            continue;
        }
        order.push(i);
        let mut children: Vec<usize> = e.pages.iter().chain(&e.sections).copied().collect();
        children.sort_by_cached_key(|&c| order_key(entries, sources, c));
        stack.extend(children.into_iter().rev());
    }
    order
}
