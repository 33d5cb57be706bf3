"""Sentence ends and starts: broken sentences and the capitals that mark names inside one.

A full stop followed by a word in lower case ("their. and") is a comma or a
speck read as a stop (``broken_sentences``), unless the stop ends an
abbreviation or a number with its unit ("per lb. of", "52s. to"). The same
sentence ends tell a capital that marks a name inside a sentence ("at
Lowestoft on": weak evidence, moved to ``repeated``) from one any word takes
after a sentence's end.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ocrfix.marks import ABBREVIATIONS
from ocrfix.quality.features import COLUMN, RARE_COLUMN
from ocrfix.quality.shapes import CLOSING_QUOTES, EDGE_PUNCTUATION, HYPHENS

#: Units of ``broken_sentences`` for a stop beside a misread word (one between two words read right: a comma or a
#: speck read as a stop, one edit). There the stop is one more misread mark of a damaged stretch, and the word's
#: own evidence, counted over its letters, does not hold it. Cross-validated by document on the project corpus
#: (session 24; the weight stays at its bound, 2 edits a unit): MAE on pages <= 15% 1.0258 -> 1.0231 points (10
#: random deals 1.0185 -> 1.0146); held-out sets B-K Spearman / MAE 0.8272 / 1.4464 -> 0.8281 / 1.4448. 3: corpus
#: 1.0263; 2 only where the word before the stop is misread: 1.0179 but held-out 1.4470; only the word after: 1.0258.
BROKEN_BESIDE_DAMAGE = 2.0
_SENTENCE_ENDS = (".", "!", "?")
_AFTER_SENTENCE = CLOSING_QUOTES + ")]"  # what may follow a sentence's end ('end."', "end.)")
SENTENCE_OR_HYPHEN_ENDS = "." + HYPHENS
_VOWELS = frozenset("aeiouyAEIOUY")
POSSESSIVE_ENDINGS = ("'s", "’s")  # a possessive's ending ("Everard's"), with either apostrophe


def ends_sentence(token: str, core: str) -> bool:
    """A full stop after a word of three letters or more that is no abbreviation ("their.", not "Mr." or "e.g.").

    Nor after a number with a unit or an ordinal ("52s. to 56s.", "3 lb. of", "the 5th. inst."): print
    abbreviates units and money with a full stop, and market reports and accounts are full of them.

    >>> ends_sentence("their.", "their"), ends_sentence("52s.", "52s"), ends_sentence("1850.", "1850")
    (True, False, True)
    """
    return (token[-1] == "." and len(core) >= 3 and "." not in core and core.lower() not in ABBREVIATIONS
            and not (core[0].isdigit() and core[-1].isalpha()))


def is_capitalised(word: str) -> bool:
    """A word in title case, or its possessive ("Everard's": ``str.istitle`` wants a capital after the apostrophe).

    >>> is_capitalised("Everard"), is_capitalised("Everard's"), is_capitalised("everard's"), is_capitalised("O'Neill")
    (True, True, False, True)
    """
    return word.istitle() or (word[-2:] in POSSESSIVE_ENDINGS and word[:-2].istitle())


def is_abbreviation(token: str, core: str) -> bool:
    """A letter or two with a full stop that print abbreviates, not a fragment of a split word.

    An initial or a title ("J.", "Dr.", "Bt.": a capital, alone or without a vowel; English words hold
    one, and so do most pieces of a split word, "Ap pear") or a common abbreviation (:data:`ABBREVIATIONS`,
    with weights and measures: "lb.", "qr.", "yd."). Newspapers' names and market reports are full of them.

    >>> [is_abbreviation(token, token.strip(".;")) for token in ("J.", "Dr.", "lb.;", "ti.", "lb", "nd.")]
    [True, True, True, False, False, False]
    """
    initial = core[0].isupper() and (len(core) == 1 or _VOWELS.isdisjoint(core))
    return core + "." in token and (initial or core.lower() in ABBREVIATIONS)


def broken_sentence_mass(after: np.ndarray, token_evidence: np.ndarray) -> np.ndarray:
    """Units of ``broken_sentences`` for the stops before the tokens ``after``: 1 between two words read right,
    :data:`BROKEN_BESIDE_DAMAGE` where the word before or after carries word evidence.

    >>> broken_sentence_mass(np.array([1, 3]), np.array([0.0, 0.0, 1.7, 0.0])).tolist()  # "their. and", "tiat. the"
    [1.0, 2.0]
    """
    beside = (token_evidence[after - 1] > 0) | (token_evidence[after] > 0)
    return np.where(beside, BROKEN_BESIDE_DAMAGE, 1.0)


def move_capitalised_rare(tokens: Sequence[str], charged: np.ndarray, token_masses: np.ndarray) -> None:
    """Move the ``rare`` mass of capitalised rare words inside a sentence to ``repeated`` (in place): a listed
    word in title case that does not follow the end of a sentence ("at Lowestoft on", "in Cheapside,").

    Inside a sentence a capital marks a name, and a listed name is most often read right (held-out OCR 89%,
    the project corpus 66%); a misread word comes out a non-word far more often than a rare name. After a
    sentence's end (or as the text's first word) any word is capitalised: those stay ``rare``. ``token_masses``:
    the rows of the tokens ``charged``.

    >>> tokens = ["In", "Cheapside", "it", "rained.", "Cheapside", "dried."]
    >>> from ocrfix.quality.features import TOKEN_FEATURES
    >>> rows = np.zeros((2, len(TOKEN_FEATURES))); rows[:, RARE_COLUMN] = 0.5
    >>> move_capitalised_rare(tokens, np.array([1, 4]), rows)
    >>> rows[:, RARE_COLUMN].tolist(), rows[:, COLUMN["repeated"]].tolist()
    ([0.0, 0.5], [0.5, 0.0])
    """
    rare = token_masses[:, RARE_COLUMN].nonzero()[0]
    moved = [row for row, index in zip(rare.tolist(), charged[rare].tolist())
             if index and is_capitalised(tokens[index].strip(EDGE_PUNCTUATION).rstrip("."))
             and not tokens[index - 1].rstrip(_AFTER_SENTENCE).endswith(_SENTENCE_ENDS)]
    token_masses[moved, COLUMN["repeated"]] += token_masses[moved, RARE_COLUMN]
    token_masses[moved, RARE_COLUMN] = 0.0
