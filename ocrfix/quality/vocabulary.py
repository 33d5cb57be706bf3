"""A document's own vocabulary: the unknown words it repeats, the names it lists, the confusions it repeats.

A word the lexicon lacks but the document uses three times or more is mostly a
name or a term of its own, read right ("Quenneville", "read_line"): its mass
moves to ``repeated``, weak evidence. So do the names of a line that lists names
("And Kinah, and Dimonah, and Heshmon,"). A letter confusion the document makes
in three different words or more ("houfe", "fuch", "thofe": long s read as f)
is counted once per word as ``recurring`` instead.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ocrfix.quality.features import (
    COLUMN, NAMES_COLUMN, NONWORD_COLUMN, OTHER_EVIDENCE_COLUMNS, RARE_COLUMN, RECURRING_COLUMN, UNKNOWN_COLUMN
)
from ocrfix.quality.tokentable import TokenTable

#: An unknown word used this often in the document is taken as one of its own words.
OWN_WORD_COUNT = 3
#: The same for a capitalised unknown word (``names``) or a rare listed word (``rare``): a text names its people,
#: places and terms again, and an engine seldom misreads a word into the same such string twice. Cross-validated by
#: document on the project corpus (session 24): Spearman / MAE on pages <= 15% 0.9300 / 1.0231 -> 0.9302 / 1.0195
#: points (10 random deals 1.0146 -> 1.0140); held-out sets B-K 0.8281 / 1.4448 -> 0.8326 / 1.4242. Names alone
#: 1.0234 (held-out 1.4199), rare alone 1.0196 (held-out 1.4496).
OWN_NAME_COUNT = 2
#: Lower-case unknown words, letter garbage and run-together words printed OWN_NAME_COUNT times are the text's own
#: too, unless this share of its tokens or more carry evidence: where damage is dense the same misreading of a common
#: word recurs ("tiat", "tne"). Unknown words only, for every text: corpus 1.0363 (held-out 1.3777). Unknown words
#: under 0.1 / 0.15 / 0.2 / 0.25: corpus 1.0185 / 1.0149 / 1.0190 / 1.0259 (10 deals 1.0097 / 1.0079 / 1.0112 against
#: 1.0140 without), held-out 0.8326 / 1.4250, 0.8348 / 1.4165, 0.8347 / 1.4167, 0.8347 / 1.4130; with garbage and
#: run-together words too (0.15) 1.0145 (deals 1.0079), held-out 0.8359 / 1.4102, clean text 3.115% -> 2.768%
#: (session 24).
OWN_WORD_DAMAGE = 0.15
#: A line with this many names (capitalised unknown words) and no other word evidence lists them
#: (:func:`move_listed_names`).
LISTED_NAMES = 2


def move_own_words(table: TokenTable, ids: np.ndarray, charged: np.ndarray, token_masses: np.ndarray) -> None:
    """Move unknown, rare and letter-garbage words the document uses often to ``repeated`` (in place): OWN_WORD_COUNT
    times, or OWN_NAME_COUNT for ``names`` and ``rare`` words, and for all of them where fewer than
    OWN_WORD_DAMAGE of the tokens are ``charged``.

    ``token_masses``: the rows of the tokens ``charged`` (indices into ``ids``).
    """
    present, uses = _counted(ids, len(table.index))  # the text's own types
    words = table.key_ids[present] >= 0
    present, uses = present[words], uses[words]
    _, word = unique_inverse(table.key_ids[present])  # types of one folded word: "Genscher", "Genscher's"
    total = np.bincount(word, weights=uses)[word]
    own, often = present[total >= OWN_NAME_COUNT], total[total >= OWN_NAME_COUNT] >= OWN_WORD_COUNT
    if len(own):
        charged_ids = ids.take(charged)
        place = np.minimum(np.searchsorted(own, charged_ids), len(own) - 1)  # own is ascending
        mine = own.take(place) == charged_ids  # tokens of a type printed OWN_NAME_COUNT times or more
        moved = [COLUMN["unknown"], COLUMN["names"], COLUMN["rare"], COLUMN["garbage"], COLUMN["merged"]]
        # Where damage is dense the same misreading of a common word recurs by chance; elsewhere any word printed
        # twice is the text's.
        twice = [NAMES_COLUMN, RARE_COLUMN] if len(charged) >= OWN_WORD_DAMAGE * len(ids) else moved
        rows = (mine & (often.take(place) | token_masses[:, twice].any(axis=1))).nonzero()[0]
        token_masses[rows, COLUMN["repeated"]] = token_masses[rows][:, moved].sum(axis=1)
        for column in moved:
            token_masses[rows, column] = 0.0


def move_listed_names(lines: np.ndarray, token_masses: np.ndarray, n_lines: int) -> None:
    """Move the ``names`` mass of lines that list names to ``repeated`` (in place): lines with at least
    LISTED_NAMES capitalised unknown words and no other word evidence ("And Kinah, and Dimonah, and Heshmon,").

    ``lines``: the line of each row of ``token_masses``. Damage clusters (``dense_lines``): a misread capitalised
    word comes with misread words beside it, while a genealogy, a directory or a shipping list prints lines of
    correctly read names among clean words.

    >>> from ocrfix.quality.features import TOKEN_FEATURES
    >>> rows = np.zeros((3, len(TOKEN_FEATURES))); rows[:, NAMES_COLUMN] = 2.0
    >>> move_listed_names(np.array([0, 0, 1]), rows, 2)
    >>> rows[:, NAMES_COLUMN].tolist(), rows[:, COLUMN["repeated"]].tolist()
    ([0.0, 0.0, 2.0], [2.0, 2.0, 0.0])
    """
    named = token_masses[:, NAMES_COLUMN] > 0
    names = np.bincount(lines, weights=named, minlength=n_lines)
    other = np.bincount(lines, weights=token_masses[:, OTHER_EVIDENCE_COLUMNS].sum(axis=1), minlength=n_lines)
    rows = (named & (names[lines] >= LISTED_NAMES) & (other[lines] == 0.0)).nonzero()[0]
    token_masses[rows, COLUMN["repeated"]] += token_masses[rows, NAMES_COLUMN]
    token_masses[rows, NAMES_COLUMN] = 0.0


#: A confusion is the document's own when misread words of at least this many different tokens show it.
RECURRING_WORDS = 3


def move_recurring(table: TokenTable, tokens: Sequence[str], ids: np.ndarray, charged: np.ndarray,
               token_masses: np.ndarray) -> None:
    """Move the mass of misread words that one letter confusion the document makes again and again explains
    to ``recurring``, one edit each (in place).

    An engine reading a worn or unfamiliar face makes one confusion all through a document (every medial long
    s read as f, every r of a typewriter face as y): each such word holds one wrong letter, not the several
    edits a misread word usually stands for. ``token_masses``: the rows of the tokens ``charged``.
    """
    suspects = (token_masses[:, UNKNOWN_COLUMN] + token_masses[:, NONWORD_COLUMN]).nonzero()[0]
    if len(suspects) < RECURRING_WORDS:
        return
    suspect_ids = ids[charged[suspects]]
    confusions = table.confusions(suspect_ids, tokens, charged[suspects])
    found = (confusions >= 0).nonzero()[0]
    if len(found) < RECURRING_WORDS:
        return
    confusions = confusions[found]
    # confusion -> the distinct tokens it explains ("houfe" and "houfe," count apart: counting words instead
    # read two of the held-out sets 0.02 and 0.12 points worse)
    explained: dict[int, set[int]] = {}
    for kind, type_id in zip(confusions.tolist(), suspect_ids[found].tolist()):
        explained.setdefault(kind, set()).add(type_id)
    recurring = [kind for kind, seen in explained.items() if len(seen) >= RECURRING_WORDS]
    if not recurring:
        return
    rows = suspects[found[np.isin(confusions, recurring)]]
    token_masses[rows, RECURRING_COLUMN] = 1.0
    token_masses[rows, UNKNOWN_COLUMN] = token_masses[rows, NONWORD_COLUMN] = 0.0


_COUNTED_SHARE = 4  # tokens count their types in an array as long as the table from a quarter of its length on


def _counted(ids: np.ndarray, types: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(ids, return_counts=True)`` of token ids below ``types``: the distinct ids, ascending, and their counts.

    A long text's tokens are counted into an array of all ``types`` (one pass, no sort); a short one's
    (a page) are sorted: the token table is kept between calls and grows, and an array as long as it
    on every page would cost more than the sort.

    >>> [part.tolist() for part in _counted(np.array([5, 2, 5, 9]), 10)]
    [[2, 5, 9], [1, 2, 1]]
    >>> [part.tolist() for part in _counted(np.array([5, 2, 5, 9]), 1000)]
    [[2, 5, 9], [1, 2, 1]]
    """
    if len(ids) * _COUNTED_SHARE < types:
        return np.unique(ids, return_counts=True)
    counts = np.bincount(ids)
    present = counts.nonzero()[0]
    return present, counts[present]


def unique_inverse(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` of a 1-D array, by one sort and a binary search.

    On a page's few hundred tokens numpy's ``unique`` costs several times as much, almost all of
    it fixed cost per call; and the text is measured one page at a time.

    >>> [part.tolist() for part in unique_inverse(np.array([5, 2, 5, 9]))]
    [[2, 5, 9], [1, 0, 1, 2]]
    """
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    distinct = ordered[first]
    return distinct, np.searchsorted(distinct, values)
