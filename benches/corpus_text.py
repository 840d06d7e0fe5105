"""Text of the benchmark corpus: Chinese and traditional Mongolian with the variety of
real writing, so that the search index, the Han-span and suffix handling, and the
minifier see as many distinct terms as a real report of that size would.

Chinese: a vocabulary of words (1–4 characters) over about 3,500 Han characters,
ranked by their frequency in the shipped report (`seeds/`, `content/`) and then
the GB 2312 level-1 characters (the 3,755 common ones) in a fixed shuffled order;
characters and words are drawn with Zipf-like weights (1 / rank), the report's own
two-character sequences heading the word list. Distinct bigrams therefore keep
growing with the number of pages, as in real text, instead of saturating.

Mongolian: stems built from the syllables of the shipped Mongolian text (first,
middle and last syllables kept apart, vowel harmony respected), the shipped words
heading the list, with case suffixes joined by U+202F chosen from the table in
`src/proof/suffixes.rs` by harmony and final letter, as `bichig check` expects.

Deterministic: everything depends on the `random.Random` passed in and on the
repository's files.
"""

import bisect
import itertools
import random
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

HAN = re.compile(r"[\u4e00-\u9fff]+")
ZH_PUNCT_MID = "，，，、；"
MN_VOWELS = "ᠠᠡᠢᠣᠤᠥᠦᠧ"
BACK, FRONT = set("ᠠᠣᠤ"), set("ᠡᠥᠦᠧ")
# Letters and the controls that belong to them: FVS1–3 (U+180B–D), MVS (U+180E), ZWJ.
MN_WORD = re.compile(r"[\u1820-\u18aa\u180b-\u180e\u200d]+")
MN_LETTER = re.compile(r"\u180e?[\u1820-\u18aa][\u180b-\u180d\u200d]*")


class Zipf:
    """Draws items with weight 1 / (rank + q) ** s (rank 0 first)."""

    def __init__(self, items, s=1.0, q=2.0):
        self.items = list(items)
        self.cum = list(itertools.accumulate(1.0 / (k + q) ** s for k in range(len(self.items))))

    def draw(self, r):
        return self.items[bisect.bisect(self.cum, r.random() * self.cum[-1])]


def report_chinese():
    """The Chinese text of the shipped report: the seed article and content/."""
    parts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(REPO.glob("seeds/*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("content/**/*.md"))
              if not p.name.endswith(".mn.md")]
    return "\n".join(parts)


def report_mongolian():
    """The Mongolian text of the shipped report: translations, data and site.yaml."""
    files = sorted(REPO.glob("content/**/*.mn.md")) + sorted(REPO.glob("content/data/*.yaml"))
    files.append(REPO / "site.yaml")
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def glossary_rejected():
    """Words of the forms `content/glossary.yaml` rejects (`bichig check` errors)."""
    text = (REPO / "content" / "glossary.yaml").read_text(encoding="utf-8")
    out = set()
    for line in re.findall(r"rejected: \[(.*)\]", text):
        for form in re.findall(r'"([^"]*)"', line):
            out.update(form.split())
    return out


def gb2312_level1():
    """The 3,755 level-1 (common) Han characters of GB 2312, rows 16–55."""
    out = []
    for row in range(16, 56):
        for cell in range(1, 95):
            try:
                out.append(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # row 55 ends at cell 89
    return out


class Chinese:
    """Chinese words, sentences and paragraphs."""

    def __init__(self, vocab=7000, s_word=1.45, s_char=1.2):
        text = report_chinese()
        freq = Counter(c for run in HAN.findall(text) for c in run)
        ranked = [c for c, _ in freq.most_common()]
        rest = [c for c in gb2312_level1() if c not in freq]
        random.Random(2017).shuffle(rest)
        self.chars = ranked + rest
        char = Zipf(self.chars, s=s_char, q=10.0)
        pairs = Counter(run[i:i + 2] for run in HAN.findall(text) for i in range(len(run) - 1))
        words = [w for w, k in pairs.most_common() if k >= 2]
        seen = set(words)
        g = random.Random(1)
        lengths = Zipf([2, 1, 3, 4], s=1.3, q=0.6)
        while len(words) < vocab:
            w = "".join(char.draw(g) for _ in range(lengths.draw(g)))
            if w not in seen:
                seen.add(w)
                words.append(w)
        self.words = Zipf(words, s=s_word, q=3.0)
        self.tags = [w for w in words if len(w) == 2][40:60]

    def phrase(self, r, lo, hi):
        return "".join(self.words.draw(r) for _ in range(r.randint(lo, hi)))

    def sentence(self, r, lo=2, hi=4):
        """Clauses of a few words, separated by commas, ending with 。"""
        return "".join(
            self.phrase(r, 3, 7) + r.choice(ZH_PUNCT_MID) for _ in range(r.randint(lo, hi) - 1)
        ) + self.phrase(r, 3, 7) + "。"

    def para(self, r, chars):
        out = ""
        while len(out) < chars:
            out += self.sentence(r)
        return out

    def title(self, r, words=3):
        return "".join(self.words.draw(r) for _ in range(words))


def suffix_table():
    """(text, harmony, allowed final letters or None) rows of src/proof/suffixes.rs."""
    src = (REPO / "src" / "proof" / "suffixes.rs").read_text(encoding="utf-8")
    consts = dict(re.findall(r'const (\w+): &str = "([^"]*)";', src))
    rows = []
    for text, harmony, after in re.findall(r'row\("([^"]+)", \w+, (\w+), (Some\(\w+\)|None)\)', src):
        letters = consts[after[5:-1]] if after.startswith("Some") else None
        rows.append((text, harmony, letters))
    return rows


def harmony(word):
    letters = set(word)
    if letters & BACK:
        return "Back"
    if letters & FRONT:
        return "Front"
    return "Any"


def syllables(word):
    """Splits a word into syllables: onset consonants, vowels, and the consonants
    not followed by a vowel (a consonant before a vowel opens the next syllable)."""
    units = MN_LETTER.findall(word)
    is_vowel = [u.lstrip("\u180e")[0] in MN_VOWELS for u in units]
    out, cur = [], ""
    for i, u in enumerate(units):
        opens = not is_vowel[i] and i + 1 < len(units) and is_vowel[i + 1]
        if opens and any(is_vowel[j] for j in range(i)) and cur:
            out.append(cur)
            cur = ""
        cur += u
    if cur:
        out.append(cur)
    return out


class Mongolian:
    """Traditional Mongolian words (with U+202F suffixes), sentences, paragraphs."""

    def __init__(self, vocab=40000, s_word=1.0):
        text = report_mongolian()
        self.suffixes = suffix_table()
        suffixes = {t for t, _, _ in self.suffixes}
        # Suffixes stand apart after U+202F; rejected glossary words would be errors.
        skip = suffixes | glossary_rejected()
        freq = Counter(w for w in MN_WORD.findall(text) if len(w) > 1 and w not in skip)
        shipped = [w for w, _ in freq.most_common()]
        parts = {"first": Counter(), "mid": Counter(), "last": Counter(), "one": Counter()}
        for w, k in freq.items():
            syl = syllables(w)
            if len(syl) == 1:
                parts["one"][syl[0]] += k
                continue
            parts["first"][syl[0]] += k
            parts["last"][syl[-1]] += k
            for s in syl[1:-1]:
                parts["mid"][s] += k
        by = {}
        for name, counter in parts.items():
            for h in ("Back", "Front"):
                ok = [s for s, _ in counter.most_common() if harmony(s) in (h, "Any")]
                by[name, h] = Zipf(ok, s=0.8, q=1.0)
        g = random.Random(2)
        seen = set(shipped) | skip
        words = list(shipped)
        count = Zipf([2, 3, 1, 4], s=1.0, q=1.0)
        while len(words) < vocab:
            h = "Back" if g.random() < 0.6 else "Front"
            n = count.draw(g)
            if n == 1:
                w = by["one", h].draw(g)
            else:
                w = by["first", h].draw(g) + "".join(
                    by["mid", h].draw(g) for _ in range(n - 2)) + by["last", h].draw(g)
            if w not in seen and "\u180e" not in w[:-2]:
                seen.add(w)
                words.append(w)
        self.words = Zipf(words, s=s_word, q=3.0)
        self.tags = [w for w in shipped if len(w) >= 4][10:30]

    def suffix(self, r, word):
        h = harmony(word)
        last = word.rstrip("\u180b\u180c\u180d")[-1:]
        ok = [t for t, hh, after in self.suffixes
              if hh in (h, "Any") and (after is None or last in after)]
        return r.choice(ok) if ok else None

    def word(self, r):
        w = self.words.draw(r)
        if r.random() < 0.3:
            s = self.suffix(r, w)
            if s:
                w += "\u202f" + s
        return w

    def sentence(self, r, lo=6, hi=12):
        words = [self.word(r) for _ in range(r.randint(lo, hi))]
        mid = r.randrange(1, len(words))
        return " ".join(words[:mid]) + "᠂ " + " ".join(words[mid:]) + "᠃"

    def para(self, r, chars):
        out = []
        size = 0
        while size < chars:
            out.append(self.sentence(r))
            size += len(out[-1]) + 1
        return " ".join(out)

    def title(self, r, words=3):
        return " ".join(self.words.draw(r) for _ in range(words))


def zh_bigrams(texts):
    """Distinct pairs of adjacent Han characters (what the search index keys on)."""
    out = set()
    for t in texts:
        for run in HAN.findall(t):
            out.update(run[i:i + 2] for i in range(len(run) - 1))
    return len(out)


def mn_words(texts):
    """Distinct Mongolian words (suffixes, after U+202F, counted apart)."""
    out = set()
    for t in texts:
        out.update(MN_WORD.findall(t))
    return len(out)
