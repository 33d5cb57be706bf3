"""Line-end hyphens: a hyphen the typesetter inserted, or the hyphen of a compound?

"exam-/ple" is "example", but "policy-/making" stays "policy-making". The
document's own words decide first (the compound, or the joined form, written
out elsewhere in the same text, or an older spelling such as "to-morrow" that
says "to-/day" is "to-day"); then word frequencies: the joined form must
be about as common as the compound's parts to be believed. A first half that
OCR damaged ("yueen-/cells") is judged as the common word one letter away.

>>> from ocrfix.lexicon import load
>>> decide = HyphenJudge(load(), DocumentWords.from_text("")).decide
>>> decide("exam", "ple", "-")[0], decide("policy", "making", "-")[0]
('join', 'keep')
>>> decide("Anglo", "Soviet", "-")[0], decide("re", "establish", "-")[0]
('keep', 'keep')
>>> judge = HyphenJudge(load(), DocumentWords.from_text("a policymaking body"))
>>> judge.decide("policy", "making", "-")[:2]
('join', 'the joined form "policymaking" occurs elsewhere in the document')
>>> decide("some", "thing", "\\u00ac")[0]
'join'
"""
from __future__ import annotations

import re
import string
from collections.abc import Callable
from functools import partial

from ocrfix.hyphenation import HYPHENS, MISREAD_HYPHENS
from ocrfix.lexicon import Lexicon, fold, splittable
from ocrfix.tokenspans import token_counts

#: A line's last word this rare (Zipf) is a fragment of a word broken at the line end when the whole is a word in
#: common use (FRAGMENT_JOINED_ZIPF) and FRAGMENT_GAP commoner: "accep" 1.3 / "accepted" 4.7, "moder" 1.9 /
#: "moderate" 4.3; "ot" (3.9, "of" misread) / "her" stays, as do the words "her" / "self" of "her self".
FRAGMENT_ZIPF = 2.5
FRAGMENT_JOINED_ZIPF = 3.5
FRAGMENT_GAP = 2.0
#: Markers that only ever mean "this word was broken here".
BREAK_ONLY = "\u00ad\u00ac"
#: Prefixes that English writes with a hyphen before a word ("re-establish", "non-essential").
PREFIXES = frozenset("re co non pre anti ex self semi sub post pro vice mid pseudo quasi neo ultra".split())
# The words beside a suspended compound's hyphen ("pre- and post-war", "two- to three-year", "Meta- or
# Control- keys"): there the space after a hyphen inside a line is the writer's, not a line break's.
SUSPENDED = frozenset(("and", "or", "nor", "to", "&"))
# The commonest words (the, of, that, was, so: Zipf 6.5 and up) beside a hyphen and a space inside a line
# are mostly a clause's beside a dash ("the truth- that is"), seldom a compound's parts.
CLAUSE_WORD_ZIPF = 6.5
# A compound closed up inside a line is made of words in common use (as FRAGMENT_JOINED_ZIPF): a rarer part
# beside a hyphen and a space is more often a word OCR cut short ("hav- bee", "hou- door" in garbled
# typescript: "hav" 2.9, "hou" 3.1).
COMPOUND_PART_ZIPF = 3.5
#: :meth:`HyphenJudge.decide` joins with this confidence or more only where the mark says a word broke (¬, the soft
#: hyphen) or the joined word is one the lexicon lists or the text writes; a misread mark's join or an unknown word's
#: is less sure.
SURE_JOIN = 0.85
#: A misread line-end hyphen (MISREAD_HYPHENS) is believed only when the joined word is known: listed at KNOWN_ZIPF or
#: more, or written by the text (:meth:`HyphenJudge._known`).
KNOWN_ZIPF = 2.5
#: A misread mark that a text may set at its line ends as its hyphen throughout: "=" is what engines read the
#: double hyphen of old print ("⸗") as; a line ending in a letter and "=" is no dash, and seldom code.
HOUSE_CANDIDATES = ("=",)   # a tuple: "" (no mark) is in every string
#: A mark is the text's hyphen when it breaks this many words before lower-case lines, at least HOUSE_SHARE of them
#: into known words (the rest old spellings and names the lexicon lacks: "Arithmet=/ick").
HOUSE_BREAKS = 3
HOUSE_SHARE = 0.5
#: Two-character marks a typewriter hyphen becomes in OCR ("frus-—"), or a typed dash ("--").
DOUBLE_HYPHENS = ("-\u2014", "\u2014-", "-\u2013", "--")


_LETTERS = re.compile(r"[^\W\d_]+")
# The vowels (y included, "rhythm") of English and of the accented words it borrows; ASCII-folded
# words are matched case-insensitively.
_VOWEL = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûüÿæœ]", re.IGNORECASE)
# A line-end break that survived inside a line: the lines were joined with spaces ("num- ber",
# "opera¬ tions"), or a soft hyphen stayed inside the word ("opera\u00adtions").
# It starts at no letter right after a letter (where a match from that letter fails, one from the next fails
# too): saying so spares the regex a try at every letter of every word, four times faster. Nor after a hyphen:
# a word between hyphens ("the -broken- variants") is set off as a name or an option, not broken.
_INLINE_BREAK = re.compile(r"""
    (?<![^\W\d_])(?<!-)
    ([^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)                    # the left part, perhaps a compound itself
    (?:([-\u2010\u00ac\u2e17])[ \t]+|(\u00ad)[ \t]*)          # the hyphen and the space the line's end left
    (?=([^\W\d_](?:[\w'’]*\w)?))                              # the right part
""", re.X)
# a line holding none of these has no inline break
INLINE_HINTS = ("- ", "-\t", "\u2010 ", "\u00ac", "\u00ad", "\u2e17 ")
# quotes, brackets and punctuation after a word
_AFTER_WORD = "\"'’”),.;:!?]"
# quotes and brackets before a word
OPENING = "\"'‘“(["


def _word_before(content: str, at: int) -> list[str]:
    """The word before offset ``at`` of ``content``, case-folded, as a list of one (none at the start).

    >>> _word_before("Meta- or Control- keys", 9), _word_before("Control- keys", 0)
    (['or'], [])
    """
    return content[max(0, at - 8):at].casefold().split()[-1:]


class DocumentWords:
    """How often a word stands in the text, case-folded, punctuation around it ignored.

    Built from whitespace-separated tokens (one C-level split and count of the
    whole text on first use, then each distinct token folded and stripped), so it keeps
    hyphenated compounds whole and costs little on large texts.

    >>> words = DocumentWords.from_text("The policy-making body, (Policy-making) and policymaking.")
    >>> words.count("policy-making"), words.count("Policymaking"), words.count("body")
    (2, 1, 1)
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._tokens: dict[str, int] | None = None
        self._compound_ends: set[str] | None = None
        self._compound_starts: dict[str, set[str]] | None = None
        self._hyphenated_words: list[str] | None = None

    @classmethod
    def from_text(cls, text: str) -> "DocumentWords":
        """The words of ``text``, counted when first asked for."""
        return cls(text)

    def count(self, word: str) -> int:
        if self._tokens is None:
            self._tokens = _folded_counts(self._text)
        return self._tokens.get(word.casefold(), 0)

    def ends_compound(self, word: str) -> bool:
        """Does a hyphenated word of the text end in ``word`` ("false-positives" for "positives")?

        >>> DocumentWords.from_text("many false-positives here").ends_compound("Positives")
        True
        """
        if self._compound_ends is None:
            self._compound_ends = {token.rsplit("-", 1)[1] for token in self._hyphenated()
                                   if not token.endswith("-") and not token.startswith("-")}
        return word.casefold() in self._compound_ends

    def compounds_starting(self, word: str) -> set[str]:
        """The second parts of the text's hyphenated words that start with ``word`` ("morrow" of "to-morrow").

        >>> sorted(DocumentWords.from_text("To-morrow or to-night, not to-\\nday").compounds_starting("to"))
        ['morrow', 'night']
        """
        if self._compound_starts is None:
            starts: dict[str, set[str]] = {}
            for token in self._hyphenated():
                first, _, rest = token.partition("-")
                if first and rest and not rest.endswith("-"):
                    starts.setdefault(first, set()).add(rest)
            self._compound_starts = starts
        return self._compound_starts.get(word.casefold(), set())

    def _hyphenated(self) -> list[str]:
        """The text's distinct folded words holding a hyphen: the only ones :meth:`ends_compound` and
        :meth:`compounds_starting` read, found once for both.

        >>> DocumentWords.from_text("A well-known, well-known (self-made) man")._hyphenated()
        ['well-known', 'self-made']
        """
        if self._hyphenated_words is None:
            self.count("")
            assert self._tokens is not None
            self._hyphenated_words = [token for token in self._tokens if "-" in token]
        return self._hyphenated_words


def _folded_counts(text: str) -> dict[str, int]:
    """How often each token of ``text`` stands in it, case-folded, punctuation around it stripped.

    The tokens are counted first, then the distinct ones (far fewer) folded,
    all in one call: joined by newlines (no token holds one; casefolding maps
    each character alone), and stripped.

    >>> _folded_counts("(The the) 'THE' ...")
    {'the': 3}
    """
    distinct, totals = token_counts(text)
    keys = [token.lstrip(OPENING).rstrip(_AFTER_WORD) for token in "\n".join(distinct).casefold().split("\n")]
    counts: dict[str, int] = {}
    for key, n in zip(keys, totals):
        if key:
            counts[key] = counts.get(key, 0) + n
    return counts


class _Memo(dict):
    """A dict that fills in a missing key's value with ``compute(key)``, once: a key seen before costs a
    dictionary look-up and no call.

    >>> lengths = _Memo(len); lengths["abc"], lengths
    (3, {'abc': 3})
    """

    def __init__(self, compute: Callable[[str], object]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: str) -> object:
        value = self[key] = self.compute(key)
        return value


class HyphenJudge:
    """Decides line-end hyphens with a lexicon and the document's vocabulary."""

    def __init__(self, lexicon: Lexicon, vocabulary: DocumentWords) -> None:
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        # lines start with the same few words again and again: each one's stripped form and Zipf when it may
        # end a broken word, else None (see _second_half)
        self._second_halves = _Memo(partial(_second_half, lexicon))
        # and end with the same few: each one's Zipf when it may begin a broken word, else None (see _fragment)
        self._fragments = _Memo(partial(_fragment, lexicon))
        self._repaired: dict[str, str] = {}

    def decide(self, left: str, right: str, hyphen: str, *, continued: bool = False) -> tuple[str, str, float]:
        """("join" | "keep" | "none", reason, confidence) for ``left`` + hyphen + line break + ``right``.

        ``left`` may itself be hyphenated ("well-to"); ``right`` is the word the
        next line starts with, ``continued`` whether it goes on with a hyphen of
        its own ("on-Avon"). "none": the mark is no hyphen after all (a dash
        or a tilde that the joined word does not confirm).

        >>> from ocrfix.lexicon import load
        >>> judge = HyphenJudge(load(), DocumentWords.from_text(""))
        >>> judge.decide("mod", "ernisation", "~")[0], judge.decide("end", "and", "\u2014")[0]
        ('join', 'none')
        >>> judge.decide("noth", "ing", ".")[0], judge.decide("St", "and", ".")[0]
        ('join', 'none')
        >>> judge.decide("frus", "trated", "-\u2014")[0], judge.decide("this", "and", "--")[0]
        ('join', 'none')
        """
        joined = left + right
        if hyphen in BREAK_ONLY:
            return "join", f"line-end break marker {hyphen!r} inside \"{joined}\"", 0.95
        if hyphen in MISREAD_HYPHENS or hyphen in DOUBLE_HYPHENS:
            if not right[:1].islower() or (hyphen in ".:" and not (len(left) >= 3 and left.islower())):
                return "none", "", 0.0   # "St." or "U.S." ends a word; only "noth." inside one is a misread
            if self._known(joined):
                return "join", f"\"{joined}\" is a word: the {hyphen!r} at the line end is a misread hyphen", 0.75
            if hyphen not in ".:":
                compound = f"{left}-{right}"
                if self.vocabulary.count(compound):
                    return "keep", (f"the compound \"{compound}\" occurs elsewhere in the document: the {hyphen!r} "
                                    "at the line end is its misread hyphen"), 0.8
                if self._content_phrase(left, right):
                    return "keep", (f"\"{left} {right}\" is a common phrase of two content words and \"{joined}\" "
                                    f"is rare: the {hyphen!r} at the line end is a misread compound hyphen"), 0.7
            return "none", "", 0.0
        compound = f"{left}-{right}"
        seen_joined = self.vocabulary.count(joined)
        seen_compound = self.vocabulary.count(compound)
        if seen_compound > seen_joined:
            return "keep", f"the compound \"{compound}\" occurs elsewhere in the document", 0.9
        if seen_joined > seen_compound:
            return "join", f"the joined form \"{joined}\" occurs elsewhere in the document", 0.9
        if not _VOWEL.search(joined) and not self.lexicon.zipf(joined):
            # every syllable has a vowel: "th-/lst" is "the 1st" with "e" read as a hyphen, no broken word
            return "none", "", 0.0
        if "-" in left:
            return "keep", f"\"{compound}\" continues a hyphenated compound", 0.75
        if right[:1].isupper() and not _in_capitals(left, right):
            return "keep", f"\"{right}\" is capitalised: a compound such as \"{compound}\"", 0.8
        lex = self.lexicon
        z_joined, z_left, z_right = lex.zipf(joined), lex.zipf(left), lex.zipf(right)
        if continued and not z_joined:
            return "keep", (f"\"{joined}\" is no word and \"{right}\" goes on with a hyphen: "
                            "a compound of several words"), 0.75
        if (not z_joined and left[:1].isupper() and len(left) >= 4 and z_left >= 2.0
                and z_right >= 4.0 and len(right) >= 3):
            # a name and a common word ("Michaelmas-day", "Church-lane"): rare names are no common words
            return "keep", (f"\"{joined}\" is no word but \"{left}\" is a name and \"{right}\" a common word: "
                            "a compound"), 0.7
        if z_joined and min(z_left, z_right) >= 3.0 and left.casefold() not in PREFIXES:
            # an older spelling: a text that writes "to-morrow" also breaks "to-day" at its own hyphen
            # (both halves words: "con-tinue" left mid-line by OCR is no spelling; a prefix's compounds
            # have their own rule below: "re-open" says nothing about "re-/turn")
            closed = sorted(rest for rest in self.vocabulary.compounds_starting(left)
                            if lex.zipf(left + rest) >= 3.0 and lex.zipf(rest) >= 3.0)
            if closed:
                return "keep", (f"the document writes \"{left}-{closed[0]}\" for a word now written closed up: "
                                f"\"{compound}\" is its spelling too"), 0.7
        if z_right >= 3.0 and left.casefold() in PREFIXES and z_joined < 3.0:
            return "keep", f"\"{left}-\" is a prefix and \"{joined}\" is rare (Zipf {z_joined:.1f}): a compound", 0.75
        z_parts = min(z_left, z_right)
        if min(len(left), len(right)) >= 3 and ((z_parts >= 2.5 and z_joined == 0.0)
                                                or (z_parts >= 4.0 and z_joined < 2.0)):
            return "keep", (f"\"{joined}\" is rare or no word (Zipf {z_joined:.1f}) but \"{left}\" and \"{right}\" "
                            "are common: a compound"), 0.75
        if z_parts >= 3.0 and z_joined < 3.0 and lex.bigram(left, right) > 0.0 and z_joined + 1.0 < z_parts:
            return "keep", (f"\"{left} {right}\" is a common phrase and \"{joined}\" is rare "
                            f"(Zipf {z_joined:.1f}): a compound"), 0.7
        if z_joined:
            return "join", f"\"{joined}\" is a word (Zipf {z_joined:.1f}) broken at the line end", SURE_JOIN
        if len(right) >= 3 and z_right and self.vocabulary.ends_compound(right):
            return "keep", (f"\"{joined}\" is unknown and \"{right}\" ends a hyphenated compound elsewhere "
                            "in the document"), 0.65
        if not z_left and z_right >= 4.0 and len(right) >= 3:
            # OCR damaged the first part ("yueen-" for "queen-"): judge the word it most likely was
            repaired = self._one_letter_off(left)
            if repaired and not lex.zipf(repaired + right):
                return "keep", (f"\"{left}\" reads as \"{repaired}\" with one letter misread; \"{repaired}\" and "
                                f"\"{right}\" are common words but \"{repaired}{right}\" none: a compound"), 0.6
        return "join", f"\"{joined}\" is unknown and \"{left}-{right}\" no compound of common words: a broken word", 0.7

    def house_marks(self, breaks: list[tuple[str, str, str]]) -> frozenset[str]:
        """The marks of HOUSE_CANDIDATES that the text sets as its hyphen, from its ``breaks`` (left part, mark,
        right part) before lower-case lines: a mark that breaks HOUSE_BREAKS words or more, mostly into known
        words. Its other breaks are then judged as a hyphen's, also into words the lexicon lacks.

        >>> from ocrfix.lexicon import load
        >>> judge = HyphenJudge(load(), DocumentWords.from_text(""))
        >>> sorted(judge.house_marks([("poſſeſ", "=", "ſion"), ("Arithmet", "=", "ick"), ("com", "=", "mon")]))
        ['=']
        >>> judge.house_marks([("dir", "=", "build"), ("cache", "=", "none"), ("sec", "=", "tion")])
        frozenset()
        """
        tried: dict[str, list[bool]] = {}
        for left, mark, right in breaks:
            if mark in HOUSE_CANDIDATES:
                tried.setdefault(mark, []).append(self._known(left + right))
        return frozenset(mark for mark, known in tried.items()
                         if len(known) >= HOUSE_BREAKS and sum(known) >= HOUSE_SHARE * len(known))

    def inline_breaks(self, content: str) -> list[tuple[int, int, str]]:
        """The words of a line broken by a line-end hyphen that OCR or an export left inside it:
        (start, end, reason) of each hyphen with the spaces after it, or of the spaces alone, to be removed.

        "¬" and the soft hyphen only ever mark a break. A hyphen followed by a space inside a line
        is also what a suspended compound ("pre- and post-war") or garbled typescript ("ar- now")
        looks like: it is joined only into a common word, one the text writes, or a listed one whose second
        half is no common word (:meth:`_inline_word`), from halves in lower case of two letters or more (a
        typesetter leaves no single letter at a break). A compound broken at its own hyphen ("well- known",
        "ex- President") closes up with its hyphen where :meth:`decide` keeps it at a line end with confidence
        0.75 or more, but not beside a word of a suspended compound (SUSPENDED), nor where a part is one of the
        commonest words (CLAUSE_WORD_ZIPF: "the truth- that is" holds a dash) or a rarer one (COMPOUND_PART_ZIPF:
        a word cut short, "hou- door"), a capital follows a word rather than a prefix (a name or a sentence
        starts as often: "golde- Spoon" is a misread "golden"), or a third part precedes ("wenty-thre- units": a
        misread letter).

        >>> from ocrfix.lexicon import load
        >>> judge = HyphenJudge(load(), DocumentWords.from_text(""))
        >>> text = "the num- ber of opera¬ tions, pre- and post-war, ar- now"
        >>> [reason[:24] for _, _, reason in judge.inline_breaks(text)]
        ['joined "number" broken a', 'joined "operations" brok']
        >>> [reason[:31] for _, _, reason in judge.inline_breaks("a well- known fact, the ex- President")]
        ['closed up "well-known" broken a', 'closed up "ex-President" broken']
        """
        found = []
        for match in _INLINE_BREAK.finditer(content):
            left, right = match.group(1), match.group(4)
            mark = match.group(2) or match.group(3)
            if mark not in BREAK_ONLY and not (len(_LETTERS.findall(left)[-1]) >= 2 and len(right) >= 2):
                continue
            verdict, reason, confidence = self.decide(left, right, mark)
            if verdict == "join" and confidence >= SURE_JOIN and (mark in BREAK_ONLY or (
                    left[-1:].islower() and right[:1].islower()
                    and self._inline_word(left, right))):
                start = match.start(2) if match.group(2) else match.start(3)
                found.append((start, match.end(),
                              f"joined \"{left + right}\" broken at a line end inside the line: {reason}"))
            elif verdict == "keep" and confidence >= 0.75 and mark == "-" and "-" not in left \
                    and (right[:1].islower() or left.casefold() in PREFIXES) \
                    and not SUSPENDED.intersection([right.casefold(), *_word_before(content, match.start(1))]) \
                    and COMPOUND_PART_ZIPF <= min(parts := (self.lexicon.zipf(left), self.lexicon.zipf(right))) \
                    and max(parts) < CLAUSE_WORD_ZIPF:
                found.append((match.end(2), match.end(),
                              f"closed up \"{left}-{right}\" broken at its hyphen inside the line: {reason}"))
        return found

    def _known(self, word: str) -> bool:
        """Is ``word`` one the lexicon lists (KNOWN_ZIPF) or the text writes: a join a misread hyphen may make?"""
        return self.lexicon.zipf(word) >= KNOWN_ZIPF or bool(self.vocabulary.count(word))

    def _inline_word(self, left: str, right: str) -> bool:
        """Do ``left`` and ``right``, a hyphen and a space between them inside a line, make a word to join them
        into: a common one (Zipf 3 or more), one the text writes, or a listed one when ``right`` is no common word
        ("car- buncle"; in "ar- now" the space may be the writer's: "now" is a word, "arnow" a rare one)?

        >>> from ocrfix.lexicon import load
        >>> judge = HyphenJudge(load(), DocumentWords.from_text(""))
        >>> judge._inline_word("car", "buncle"), judge._inline_word("ar", "now"), judge._inline_word("num", "ber")
        (True, False, True)
        """
        z_joined = self.lexicon.zipf(left + right)
        return (z_joined >= 3.0 or bool(self.vocabulary.count(left + right))
                or (z_joined > 0.0 and self._second_halves[right] is not None))

    def _one_letter_off(self, word: str) -> str:
        """The common word (Zipf >= 4) that ``word`` becomes by one letter replaced, dropped or added, or "".

        The commonest OCR damage to a word is one wrong, lost or extra letter. Only
        a clear reading counts: a common word, at least ten times as frequent as
        any other reading (one Zipf step).

        >>> from ocrfix.lexicon import load
        >>> judge = HyphenJudge(load(), DocumentWords.from_text(""))
        >>> judge._one_letter_off("yueen"), judge._one_letter_off("topro"), judge._one_letter_off("xqzv")
        ('queen', '', '')
        """
        if len(word) < 4:   # a short fragment is a letter away from too many words to tell
            return ""
        word = fold(word)
        if word in self._repaired:
            return self._repaired[word]
        heads = [word[:i] for i in range(len(word) + 1)]
        tails = [word[i:] for i in range(len(word) + 1)]
        readings = {heads[i] + tails[i + 1] for i in range(len(word))}
        readings.update(heads[i] + letter + tails[i + j] for i in range(len(word) + 1)
                        for j in (0, 1) if i + j <= len(word) for letter in string.ascii_lowercase)
        readings.discard(word)
        zipf = self.lexicon.folded_zipf
        known = sorted((z, reading) for reading in readings if (z := zipf(reading)) >= 3.0)
        clear = bool(known) and known[-1][0] >= 4.0 and (len(known) == 1 or known[-1][0] - known[-2][0] >= 1.0)
        self._repaired[word] = known[-1][1] if clear else ""
        return self._repaired[word]

    def _content_phrase(self, left: str, right: str) -> bool:
        """Are ``left right`` a frequent pair of content words (no "and", "the"): a compound written with a hyphen?"""
        lex = self.lexicon
        z_left, z_right = lex.zipf(left), lex.zipf(right)
        return (min(len(left), len(right)) >= 3 and 3.0 <= min(z_left, z_right) and max(z_left, z_right) < 6.0
                and lex.bigram(left, right) >= 3.0)

    def lost_hyphen(self, line: str, first: str) -> str:
        """Why a full line's last word and the next line's first are one word whose hyphen OCR lost, or "".

        ``line`` is the full line (or its last word), ``first`` the next line's
        first word. Only when the second half is no common word ("intro" +
        "duced", "work" + "ing") and the whole is a clearly commoner word, or
        one the text writes whole elsewhere.

        >>> from ocrfix.lexicon import load
        >>> judge = HyphenJudge(load(), DocumentWords.from_text(""))
        >>> bool(judge.lost_hyphen("the Keeper of Applied Art intro", "duced")), bool(judge.lost_hyphen("work", "ing"))
        (True, True)
        >>> bool(judge.lost_hyphen("the", "usual")), bool(judge.lost_hyphen("is", "land"))
        (False, False)
        """
        known = self._second_halves[first]
        last = line.rsplit(None, 1)[-1]
        if known is None:
            z_last = self._fragments[last]
            # most lines end in a word in use: the next line's word is not even looked at
            return "" if z_last is None else self._fragment_before(last, z_last, first)
        first, z_first = known
        if not (len(last) >= 2 and _LETTERS.fullmatch(last)):
            return ""
        joined = last + first
        z_joined = self.lexicon.zipf(joined)
        if z_joined >= max(3.0, z_first + 1.0) or self._written_whole(joined, z_joined):
            return f"\"{joined}\" broken at the line end, its hyphen lost in OCR (\"{first}\" is no word)"
        return ""

    def _written_whole(self, joined: str, z_joined: float) -> bool:
        """Does the text write ``joined`` (of Zipf ``z_joined``) whole elsewhere, as a word? Not when it is no
        listed word but small words an engine ran together ("burningfiery"); a name stays a word even when it
        reads as words ("Letterfinlay")."""
        return bool(self.vocabulary.count(joined)) and not (
            joined.islower() and not z_joined and run_together(self.lexicon, joined))

    def _fragment_before(self, last: str, z_last: float, first: str) -> str:
        """Why a line's last word, a fragment no text uses, and the next line's first word, though a word itself,
        are one word whose hyphen OCR lost ("accep" / "ted", "moder" / "ate"), or "".

        Narrow justified columns break a word every few lines, and a thin hyphen is what a faded or binarised
        scan loses first. The fragment is in small letters, three or more of them, and rare (FRAGMENT_ZIPF);
        the whole is a word in common use (FRAGMENT_JOINED_ZIPF) far commoner than the fragment (FRAGMENT_GAP).
        ``z_last``: the fragment's Zipf (:func:`_fragment`).

        >>> from ocrfix.lexicon import load
        >>> judge = HyphenJudge(load(), DocumentWords.from_text(""))
        >>> bool(judge.lost_hyphen("had been accep", "ted.")), bool(judge.lost_hyphen("it was quite moder", "ate"))
        (True, True)
        >>> [bool(judge.lost_hyphen(before, fragment))
        ...  for before, fragment in (("spoke of her", "self"), ("the old ot", "her"), ("the arsen", "als"))]
        [False, False, False]
        """
        first = first.rstrip(_AFTER_WORD)
        if not (first.isalpha() and first.islower()):
            return ""
        if self.lexicon.zipf(last + first) >= max(FRAGMENT_JOINED_ZIPF, z_last + FRAGMENT_GAP):
            return f"\"{last + first}\" broken at the line end, its hyphen lost in OCR (\"{last}\" is no word)"
        return ""


def _in_capitals(left: str, right: str) -> bool:
    """Are both halves of a broken word set in capitals, two letters or more each (a heading, a newspaper's
    headline, a licence's disclaimer: "FIT-" / "NESS")? There a capital tells no compound from a broken word.

    >>> _in_capitals("FIT", "NESS"), _in_capitals("X", "RAY"), _in_capitals("Anglo", "Soviet")
    (True, False, False)
    """
    return len(left) >= 2 and len(right) >= 2 and left.isupper() and right.isupper()


def run_together(lexicon: Lexicon, word: str, pieces: int = 3) -> bool:
    """Do ``word``'s letters read as two or up to ``pieces`` common words run together ("burningfiery")?

    Engines that drop spaces (RapidOCR's recogniser) print such strings anywhere in a text, so one found
    elsewhere in the document is no evidence that a line's last and the next line's first word are one word.
    Looser than the dictionary's chains and the quality estimate's count of lost spaces (see
    :func:`ocrfix.lexicon.splittable`): a yes here only withholds that evidence.

    >>> from ocrfix.lexicon import load
    >>> run_together(load(), "burningfiery"), run_together(load(), "thewordof"), run_together(load(), "mahasamatman")
    (True, True, False)
    """
    folded = fold(word)
    for cut in range(1, len(folded)):
        left, right = folded[:cut], folded[cut:]
        if splittable(left, lexicon.folded_zipf(left)) and (
                splittable(right, lexicon.folded_zipf(right))
                or pieces > 2 and run_together(lexicon, right, pieces - 1)):
            return True
    return False


def _second_half(lexicon: Lexicon, first: str) -> tuple[str, float] | None:
    """``first`` (a line's first word) without closing marks, and its Zipf, when it may be the second half
    of a word broken at a line end: a rare word of small letters ("tion", "ing", "ments" are suffixes;
    "usual" is a word). None otherwise."""
    stripped = first.rstrip(_AFTER_WORD)
    z_first = lexicon.zipf(stripped) if stripped.islower() and _LETTERS.fullmatch(stripped) else None
    return (stripped, z_first) if z_first is not None and z_first < 4.0 else None


def _fragment(lexicon: Lexicon, last: str) -> float | None:
    """The Zipf of a line's last word when it may be the first part of a word broken at the line end: three
    or more small letters and rare (FRAGMENT_ZIPF); None otherwise.

    >>> from ocrfix.lexicon import load
    >>> _fragment(load(), "accep") is not None, _fragment(load(), "the"), _fragment(load(), "Accep")
    (True, None, None)
    """
    zipf = lexicon.zipf(last) if len(last) >= 3 and last.isalpha() and last.islower() else None
    return zipf if zipf is not None and zipf < FRAGMENT_ZIPF else None
