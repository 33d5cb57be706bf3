"""Is a text English? The estimate's lexicon and character model are English; other languages get a verdict, not a number.

A text is taken as another language when most of its letters are of another
script (Cyrillic, Greek, CJK, ...) or when the commonest words of another
Latin-script language outnumber the commonest English words twice and make at
least a fifth of its words (garbled English seldom does: "sont", "ou"). The word lists ship in
``ocrfix/data/quality_stopwords.json`` (the 100 commonest words of each
language by wordfreq, without words nearly as common in English, and closed-class
words of Latin and Welsh, which wordfreq lacks, from a hand-written list); rebuild them with
``python -m ocrfix.quality.language build``.

>>> detect("The letter was sent to the office of the minister on Monday.")
'en'
>>> detect("Der Brief wurde am Montag an das Büro des Ministers geschickt, und er ist nicht hier.")
'de'
>>> detect("Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani.")
'la'
>>> detect("Письмо было отправлено в канцелярию министра в понедельник.")
'Cyrillic'
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from importlib import resources
from pathlib import Path

import numpy as np
import regex

STOPWORDS_FILE = "quality_stopwords.json"
# Closed-class words of languages wordfreq has no list for (Latin, Welsh), written by hand.
HANDWRITTEN_FILE = "quality_stopwords_handwritten.json"
# A hand-written word counts for its language only if English uses it under 100 times in a million
# words (zipf 5): its own frequency is unknown, but closed-class words run at 1,000 or more a million.
_HANDWRITTEN_MAX_ENGLISH_ZIPF = 5.0
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_LETTERS = regex.compile(r"\p{L}+")
_SCRIPT_OF = (("Latin", regex.compile(r"\p{Latin}")), ("Cyrillic", regex.compile(r"\p{Cyrillic}")),
              ("Greek", regex.compile(r"\p{Greek}")), ("Arabic", regex.compile(r"\p{Arabic}")),
              ("Hebrew", regex.compile(r"\p{Hebrew}")), ("Han", regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")),
              ("Hangul", regex.compile(r"\p{Hangul}")), ("Devanagari", regex.compile(r"\p{Devanagari}")))
_SAMPLE_CHARS = 20_000  # enough words to decide; keeps long documents cheap
_MIN_WORDS = 8
# Another language's common words must make this share of the words and outnumber English ones twice.
_MIN_SHARE = 0.2


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Language code -> its commonest words (English: ``"en"``)."""
    with resources.files("ocrfix.data").joinpath(STOPWORDS_FILE).open("rb") as raw:
        data = json.load(raw)
    return {code: frozenset(words) for code, words in data["languages"].items()}


@lru_cache(maxsize=1)
def codes() -> tuple[str, ...]:
    """The languages in the order of the bits of :func:`word_mask` ("en" is bit 0)."""
    return ("en",) + tuple(sorted(code for code in stopwords() if code != "en"))


@lru_cache(maxsize=1)
def _masks() -> dict[str, int]:
    masks: dict[str, int] = {}
    for bit, code in enumerate(codes()):
        for word in stopwords()[code]:
            masks[word] = masks.get(word, 0) | (1 << bit)
    return masks


def word_mask(word: str) -> int:
    """Bit set of the languages whose common words include ``word`` (lower-cased); bit 0 is English.

    >>> word_mask("the") & 1, word_mask("und") & 1, word_mask("und") > 1
    (1, 0, True)
    """
    return _masks().get(word, 0)


def word_masks(words: Iterable[str]) -> list[int]:
    """:func:`word_mask` of each of ``words`` (lower-cased).

    >>> word_masks(["the", "xq"])
    [1, 0]
    """
    return list(map(_masks().get, words, repeat(0)))


def decide(words: int, hits: dict[str, int]) -> str | None:
    """The language of a Latin-script text from its word count and common-word hits per language."""
    if words < _MIN_WORDS:
        return None
    hits = dict(hits)
    english = hits.pop("en", 0)
    code, best = max(hits.items(), key=lambda item: item[1], default=("en", 0))
    if best >= max(3, _MIN_SHARE * words) and best > 2 * english:
        return code
    return "en"


def decide_many(words: np.ndarray, hits: np.ndarray) -> list[str | None]:
    """:func:`decide` for many texts at once: ``words`` per text, ``hits`` texts × :func:`codes`."""
    english, others = hits[:, 0], hits[:, 1:]
    best = others.max(axis=1, initial=0)
    foreign = (best >= np.maximum(3, _MIN_SHARE * words)) & (best > 2 * english)
    names = codes()[1:]
    choice = others.argmax(axis=1) if others.shape[1] else np.zeros(len(words), dtype=int)
    return [None if w < _MIN_WORDS else names[c] if f else "en"
            for w, f, c in zip(words.tolist(), foreign.tolist(), choice.tolist())]


def script(text: str) -> str:
    """The commonest non-Latin script of ``text``'s letters (for texts mostly not in Latin letters)."""
    counts = {name: len(pattern.findall(text[:_SAMPLE_CHARS])) for name, pattern in _SCRIPT_OF[1:]}
    return max(counts, key=counts.get) if max(counts.values()) else "other script"


def detect(text: str) -> str | None:
    """``"en"``, another language's code, a script name, or None when there are too few words to tell."""
    words = [word.lower() for word in _LETTERS.findall(text[:_SAMPLE_CHARS])]
    if len(words) < _MIN_WORDS:
        return None
    letters = "".join(words)
    if len(_SCRIPT_OF[0][1].findall(letters)) < 0.5 * len(letters):
        return script(text)
    hits: Counter[str] = Counter()
    for word in words:
        mask = word_mask(word)
        if mask:
            hits.update(code for bit, code in enumerate(codes()) if mask >> bit & 1)
    return decide(len(words), hits)


def build(path: Path = DATA_DIR / STOPWORDS_FILE, size: int = 100) -> dict[str, list[str]]:
    """Write the word lists from the installed wordfreq package."""
    import wordfreq

    from ocrfix.io import write_text_atomic

    english = wordfreq.top_n_list("en", size)
    languages = {"en": english}
    for code in ("ca", "cs", "da", "de", "es", "fi", "fr", "hu", "id", "is", "it", "lt", "lv", "ms",
                 "nb", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "tr"):
        languages[code] = [word for word in wordfreq.top_n_list(code, size)
                           if len(word) >= 2 and word.isalpha() and word not in english
                           and wordfreq.zipf_frequency(word, code) - wordfreq.zipf_frequency(word, "en") >= 1.0]
    with resources.files("ocrfix.data").joinpath(HANDWRITTEN_FILE).open("rb") as raw:
        handwritten = json.load(raw)["languages"]
    for code, words in handwritten.items():
        languages[code] = [word for word in words if len(word) >= 2 and word not in english
                           and wordfreq.zipf_frequency(word, "en") < _HANDWRITTEN_MAX_ENGLISH_ZIPF]
    payload = {"format": "ocrfix-stopwords/1", "source": f"wordfreq {_version()} top_n_list({size}); other languages without English top words and words at most 10 times commoner there than in English; {', '.join(sorted(handwritten))} from {HANDWRITTEN_FILE} without English top words and words of English zipf >= {_HANDWRITTEN_MAX_ENGLISH_ZIPF}",
               "languages": languages}
    write_text_atomic(path, json.dumps(payload, ensure_ascii=False, indent=0) + "\n")
    return languages


def _version() -> str:
    from importlib import metadata

    return metadata.version("wordfreq")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ocrfix.quality.language",
                                     description="Rebuild the shipped word lists for language detection.")
    parser.add_argument("action", choices=["build"])
    parser.add_argument("-o", "--out", type=Path, default=DATA_DIR / STOPWORDS_FILE)
    args = parser.parse_args(argv)
    languages = build(args.out)
    print(f"wrote {len(languages)} languages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
