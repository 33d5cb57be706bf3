"""Spaces lost after punctuation: "machine,but" → "machine, but", "first.If" → "first. If"; and marks
printed in their fullwidth forms: "letter，I" → "letter, I" (see :func:`fullwidth_marks`).

Some engines (RapidOCR's line recogniser among them) drop the space after a
comma or full stop, or read ", " as a bare full stop. In running prose a mark
between two words is followed by a space: a comma always, any mark before a
capitalised word; a full stop followed by a lower-case word ends no sentence,
so it is read as the comma engines confuse it with (only before a common word,
not a file extension or domain: "report.docx", "example.org"). Other marks
between lower-case letters are left alone: there they are mostly misread
letters ("abs:raction", "te:ms"). The words on each side must have two letters
or more, which leaves numbers ("1,200", "10:30"), initials ("J.H.", "e.g."),
URLs ("www.example.org") and code ("opt=a,b", "nl_NL.words") alone; the one-letter words "I" and "A" count
where a lower-case word follows them ("expenses.I do"). So are a CamelCase word on either
side ("io.TextIOWrapper", "SortKey.NAME": identifiers, not prose; a name such as "McDonald" after a
lost space is the price) and a glued pair the text writes twice or more ("File.Save" in a manual): an
engine that drops a space drops it at random places, while a document repeats its own spellings. A comma or
semicolon before a function word ("years,and", "families,by", "them;and": FUNCTION_WORD_ZIPF) is prose's
however often, and whatever the word before it (a misread one too: "ufficient,and"); one after a common word
and before an unknown string is a lost space before a misread word ("Trade,tnder": :func:`_misread_after`). A full stop after a number of
up to four digits (a paragraph number, a year) before a capitalised word ends the number's sentence or
heads its paragraph ("1997.We", "7.The"); versions and decimals ("v2.Final", "3.14") have a letter
before them or no capital after. A mark before a lower-case word is no lost space where the two sides,
with one letter in its place or without it, make a word in common use that is commoner than the rarer
side ("sever,ty", "ho,se", "Direc.or"; "rat,io", "Nort,hern"): engines read thin or broken letters (i,
l, t, u) as a comma or a full stop and print specks as them, while two words that lost the space between
them seldom make a third ("machine,but", "it,and"; "in,to" stays: "into" is rarer than "in" and "to").
A full stop printed between two lower-case words with its space after it ends no sentence either (English
opens one with a capital); after a common word that no abbreviation shares it is a speck and goes
("saw him in. the town"), and before a word that opens a clause after a comma ("and", "which") it is
that comma ("the hall. which is": :func:`stray_stops`). An article, "of" or "and" glued before a capitalised
word, and a preposition before a number, lost the space between them too ("ofLinux", "for49 runs":
:func:`glued_function_words`).

>>> [(m.start(), m.end(), r) for m, r in lost_spaces("It rained,and then it stopped.If not,well.")]
[(9, 10, ', '), (29, 30, '. '), (36, 37, ', ')]
>>> list(lost_spaces("It cost 1,200 in 1981; see www.example.org or J.H. Smith, e.g. here, v2.Final, 3.14."))
[]
>>> list(lost_spaces("Use io.BytesIO, not File.Save; File.Save is slow."))
[]
>>> [(m.start(1), r) for m, r in lost_spaces("It was 1997.We left. 7.The end.")]
[(11, '. '), (22, '. ')]
>>> list(lost_spaces("the rat,io of its sever,ty to the ho,se"))
[]
>>> [(m.start(1), r) for m, r in lost_spaces("hotel expenses.I do not think so, Mr.A.B. Jones")]
[(14, '. ')]
"""
from __future__ import annotations

import operator
import re
import string
from collections import Counter
from itertools import compress
from typing import Callable, Iterator

import numpy as np
import regex

from ocrfix.codes import is_code_or_address
from ocrfix.lexicon import Lexicon, fold
from ocrfix.marks import ABBREVIATIONS, ARTICLES
from ocrfix.strategies.dictionary.dates import MONTHS_IN_FULL
from ocrfix.strategies.dictionary.protect import MISREAD_ORDINAL
from ocrfix.tokenspans import char_class, code_points, matches_at, places

# word, one mark, word: the mark between two words of at least two letters, or before the one-letter
# words "I" and "A", or "a" after a comma or semicolon, followed by a lower-case word ("expenses.I do", "hand,a
# database"; not "libc.a and"); a lower-case word's full stop before a capitalised word on one side, a sentence's
# end without its space on the other, is a stretch that lost every space ("made.Hence,recent", "corruption,therefore.
# Internet"), where a domain's or an abbreviation's point stands between lower-case letters ("example.org", "e.g.")
GLUED = regex.compile(r"(?<=(?:^|[^\p{L}\p{N}.@/]|(?<=\p{Ll}{2})\.(?=\p{Lu}))\p{L}{2,})([,;:!?.])"
                      r"(?=(\p{L}{2,}+(?![\p{N}@/]|\.\p{Ll})|(?:[AI]|(?<=[,;])a)(?=[ \t]\p{Ll})))")
# Where GLUED, UNENDED and LOWER_BEFORE_CAPITAL_OR_DIGIT may match, in classes of ASCII characters and all others,
# found at a fraction of the patterns' own scans (which are then tried there alone: :func:`ocrfix.tokenspans.matches_at`): GLUED's mark
# before a letter; a capital or digit after the last letter of a function word of GLUED_BEFORE_CAPITAL or
# GLUED_BEFORE_NUMBER (the only edges glued_function_words keeps); UNENDED's mark between a lower-case letter and
# spaces before one (a scan of the standard module).
GLUED_MARK, LETTER_OR_BEYOND = char_class(",;:!?."), char_class(string.ascii_letters, beyond_ascii=True)
FUNCTION_WORD_LAST = char_class("defmnorty")
CAPITAL_DIGIT_OR_BEYOND = char_class(string.ascii_uppercase + string.digits, beyond_ascii=True)
UNENDED_PLACE = re.compile(r"[.:;](?<=[a-z\x80-\U0010ffff].)(?=[ \t]+[a-z\x80-\U0010ffff])")
# a fullwidth form of an ASCII mark or letter (U+FF01-FF5E), which engines trained on Chinese or Japanese
# print in Latin text ("letter，I", "para 4（b)")
FULLWIDTH = regex.compile(r"[\uff01-\uff5e]")
FULLWIDTH_OFFSET = 0xFEE0  # from a fullwidth form to its ASCII character
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")  # a text where fullwidth forms are at home
# The characters outside the alphabets' blocks (U+0000-10FF), general punctuation and symbols (U+2000-2BFF) and the
# fullwidth ASCII forms: CJK's are among them, and a scan for these costs a sixth of one for CJK's properties
BEYOND_ALPHABETS = regex.compile(r"[^\x00-\u10ff\u2000-\u2bff\uff01-\uff5e]")
# a number of up to four digits (a paragraph number, a year), a full stop, a capitalised word: "7.The"
NUMBERED = regex.compile(r"(?<![\p{L}\p{N}.,:/])\p{N}{1,4}(\.)(?=\p{Lu}\p{Ll}+(?![\p{L}\p{N}]|\.\p{L}))")
# a comma or semicolon glued between a word of two letters or more and a whole number ("Geary,14;", "Exeter,£14,286")
# or between a whole number and such a word ("6,500,the", "Odell,4;Wilson"): a figure standing alone (not
# "value1,key2", "v1.2,beta", "3.14,pi"); no decimals, versions or dates beside it (see _number_glued)
NUMBER_GLUED = regex.compile(r"(?|(?<=(?:^|[^\p{L}\p{N}.@/_#])\p{L}{2,})([,;])"
                             r"(?=£?\p{N}+(?:,\p{N}{3})*(?![\p{L}\p{N}_]|[.,:/-]\p{N}))"
                             r"|(?<=(?:^|[\s(]|\p{L}{2}[,;])£?\p{N}+(?:,\p{N}{3})*)([,;])(?=\p{L}{2,}(?![\p{N}_])))")
GLUED_NUMBER_MARK, DIGIT, DIGIT_OR_POUND = char_class(",;"), char_class(string.digits), char_class(string.digits + "£")
LETTER_NOT_DIGIT = char_class(string.ascii_letters, beyond_ascii=True)
WORD_AT = regex.compile(r"\p{L}+")
# a lower-case or capitalised word of two letters or more, a full stop, a space, a lower-case word: "in. the",
# "of. offices", "Biscay. and"; the word before stands after a space or the text's start (not "e.g.", "a.m.",
# "sqlite3.exe")
SPACED_STOP = regex.compile(r"(?<=(?:^|(\S*)[ \t])(\p{Lu}?\p{Ll}{2,}))\.(?=[ \t]+(\p{Ll}+)\b)", regex.MULTILINE)
# A word before a full stop this common is a word, not an abbreviation (those are rarer: "etc" 5.0, "vs" 4.9,
# "st" 5.2, "approx" 3.5)...
STOP_WORD_ZIPF = 5.5
# ... and so is one this long (most lower-case abbreviations of prose are shorter: "etc.", "viz.", "inst.", "cent.")...
STOP_WORD_LENGTH = 5
# ...but for the common words English also writes as abbreviations: "no." (number: "no. of persons"), "do."
# (ditto, in price lists) and "mr." (listed lower-case from web text); and the longer abbreviations of references
# and dictionaries, which the lexicon lists from web text as often as misread words (Zipf 1-3.5, "colloq" 1.2,
# "approx" 3.5; a misread "goverment" 2.7), so that no frequency tells them apart.
ABBREVIATED_WORDS = frozenset(("no", "do", "mr", "approx", "colloq", "illust", "transl", "suppl", "assoc",
                               "philos", "compar", "contd", "introd", "abbrev"))
# A capitalised word before a full stop this long is a name ("Cornwall. and"), not an abbreviated one ("Calif.",
# "Bros.", "Messrs." before names).
STOP_NAME_LENGTH = 7
# Words that open a clause after a comma and, in lower case, no sentence: a full stop before one is the comma
# engines misread it for ("in the hall. which is", "a pea. and the rock"), and so do the subordinating conjunctions
# ("like TCL and others. since with a"); the rarer sentence whose capital the engine lost ("And", "Which") is read no
# worse with a comma than with the stop (one edit either way). Not "but", which opens sentences as often as clauses
# (the corpus and held-out OCR: two of each).
# A capitalised word rarer than this as a word is a name ("Arah", "Mizpah", "Myra"), not a capitalised common word
# that ends sentences ("in November. should", "the Minister. said") nor an abbreviation in common use ("Jan.",
# "Capt.", "Vol."): a full stop after one, inside a sentence and before a lower-case word in common use, is the comma
# of a register or an apposition ("The children of Arah, seven hundred", "we came to Myra, a city of Lycia").
NAME_ZIPF = 3.5
CLAUSE_WORDS = frozenset(("and", "or", "nor", "which", "who", "whom", "whose", "where", "when", "while", "whilst",
                          "though", "although", "whereas", "since", "because", "unless", "until", "whatever"))
# A verb's form in -ing opens a participle's clause after a comma ("by the house of their fathers, according to",
# "at Lloyd's, being"), and seldom a sentence: read as a clause word. Its stem has a vowel and is a verb in common use
# as it stands, with its final e or with its last consonant once ("allow", "suppose", "win"; not "everyth", "th").
PARTICIPLE = regex.compile(r"(\p{Ll}*[aeiouy]\p{Ll}*)ing")
# Prepositions and auxiliary verbs, which lead into the word after them and seldom end a sentence ("to which it
# was", "carried by six", "shall be with the"): a full stop after one, before a lower-case word, is a speck ("rose
# by. steps of", "the arrivals at this. port" are not: "this" ends sentences). Only a sentence that ends in one and
# whose next capital the engine lost too ("if he must. the rest") reads worse; not "her", also an object pronoun.
LEADING_WORDS = frozenset(("of", "to", "by", "with", "from", "into", "upon", "unto", "at", "for", "as", "be", "been",
                           "being", "have", "has", "had", "is", "was", "were", "are", "will", "shall", "shalt", "would",
                           "should", "could", "can", "may", "must", "his"))
# Prepositions that take their object right after them and open almost no sentence (under 1% of their uses after a
# word, on the clean text of corpus/texts; not "in", "on", "at", "by", "for": 2-5%): a full stop before one, after
# a word, is a speck or a misread comma ("mobile investment. from", "the steep fall. of"), and goes.
OBJECT_WORDS = frozenset(("of", "to", "with", "from", "into", "upon", "than", "through"))
# Words that open a sentence, capitalised, after a comma that ends a lower-case word on the same line: a full stop
# read as a comma ("the sheet was torn, We hold", "no description can convey, We remained"), where a lower-case
# word follows (not a title or a name: "for example, The Times printed"). Not "I", which an aside puts after a comma
# ("it is, I think, true"). Speech set off by a comma alone, as the King James Bible prints it,
# capitalises these words too ("and said unto her, It is good"): not after a verb of saying in the same sentence.
COMMA_BEFORE_OPENER = regex.compile(r"(?<=(?:^|[ \t])\p{Ll}{2,}),(?=[ \t]+(?:The|This|These|Those|There|It|He|She"
                                    r"|We|They|His|Our|Their|In|On|At|A|An)[ \t]+\p{Ll})", regex.MULTILINE)
SPEECH_VERBS = frozenset(("say", "says", "said", "saying", "saith", "ask", "asks", "asked", "asking", "answer",
                          "answers", "answered", "answering", "reply", "replies", "replied", "cry", "cries", "cried",
                          "crying", "speak", "speaks", "spake", "spoke", "write", "writes", "wrote", "written",
                          "report", "reports", "reported", "declare", "declared", "exclaimed", "shouted", "called",
                          "commanded", "think", "thinks", "thought", "wonder", "wondered", "swear", "sware", "swore",
                          "vowed", "tell", "tells", "told"))
# where the sentence before an offset starts: after a stop, "!", "?", a colon or semicolon and a space, or a blank line
SENTENCE_START = regex.compile(r"[.!?:;](?=\s)|\n[ \t]*\n", flags=regex.REVERSE)
SENTENCE_REACH = 400  # characters looked back for the sentence's start (a verb of saying further back says little)
# A title of a person with a comma, colon or semicolon after it before a capital ("Mr, T. Corbett", "Mrs: Smith"): a
# mark no title takes before its name; the engine misread the title's point, or read a speck where there was none.
TITLE_MARK = regex.compile(r"(?<![\p{L}\p{N}.])(Mr|Mrs|Messrs)([,;:])(?=[ \t]+\p{Lu})")
# Titles of persons English abbreviates with a point ("Mr. and Mrs. Smith") but also prints without one (British
# style: "Mr Smith"), so that a point-less print elsewhere in the text says nothing of the one before a clause word.
# (Which titles a name follows is another question: tokens.PERSON_TITLES.)
TITLES = frozenset(("mr", "mrs", "dr", "st", "messrs", "mme", "mlle"))
# A word of letters printed with no point after it, as a word of its phrase (see _Unpointed): a whole run of letters,
# after no letter, digit or point, before a space and a lower-case word or one of , ; : ! ? ) ]
UNPOINTED_BEFORE, UNPOINTED_AFTER = r"(?<![\p{L}\p{N}.])", r"(?=[ \t]+\p{Ll}|[,;:!?)\]])"
UNPOINTED = regex.compile(UNPOINTED_BEFORE + r"(\p{L}+)" + UNPOINTED_AFTER)
# The words _Unpointed looks for one by one in a text (a literal search each, ~1% of a scan of every run of letters
# with UNPOINTED); past this many it collects the text's words so printed in one pass.
UNPOINTED_SEARCHES = 64
# Words English ends no sentence or clause with: the articles, the possessive determiners that are no pronouns
# too, the coordinating conjunctions and "than", "every", "very" (each wants a word after it; not "of", which a
# colon may follow: "one of: auto, manual"). A full stop, colon or semicolon after one, before a lower-case word,
# is a speck ("after the. work", "a. quotation", "so that the: air"), whether or not the two words go together
# (see :func:`stray_marks`).
UNENDING_WORDS = frozenset(("a", "an", "the", "my", "your", "our", "their", "its", "and", "or", "nor", "than",
                            "every", "very"))
# a word (a single letter in lower case only: "A." is an initial), a full stop, colon or semicolon, a space, a
# lower-case word; the word stands after a space or at a line's start
UNENDED_MARKS = ".:;"  # the marks stray_marks reads as specks after one
UNENDED = regex.compile(rf"(?<=(?:^|(\S*)[ \t])(\p{{Ll}}+|\p{{Lu}}\p{{Ll}}+))[{UNENDED_MARKS}](?=[ \t]+\p{{Ll}})",
                        regex.MULTILINE)
# The two characters each match of SPACED_STOP or UNENDED starts with: its mark and a space or tab (a cheap test of
# an offset before either pattern is tried there)
MARK_THEN_SPACE = frozenset(mark + space for mark in UNENDED_MARKS for space in " \t")
# An article, "of" or "and" in lower case glued before a capitalised word of three letters or more, at a token's
# start: "ofLinux", "theSummer", "andWilson", "anSQLite". English joins neither to a name, and identifiers that
# begin with one in lower case are rare ("toXML", "inIpRange", "isNull" begin with other words); one inside
# backticks is code ("`andThen`", "`ofType`"). Bare in technical prose such identifiers are split (a known limit).
GLUED_BEFORE_CAPITAL = regex.compile(r"(?<![\p{L}\p{N}'’@/._`-])(the|of|and|an)(?=\p{Lu}\p{L}{2,}+(?![\p{N}@/_]|\.\p{L}))")
# A preposition or "and" glued before a number of two digits or more: "of1838", "for49 runs", "to2013-04-15",
# "about500", "after1997" (no word ends in digits that way: "utf8", "win32" are no words before a number).
GLUED_BEFORE_NUMBER = regex.compile(r"(?<![\p{L}\p{N}'’@/._`-])(of|to|in|at|by|for|from|on|and|about|after|before|since"
                                 r"|over|under|than|into)(?=\p{N}{2,})")
# A figure (a thousands comma allowed) glued before a word at a token's start ("272runs", "28And", "1In"), a month's
# name glued before a year ("June1985"), shillings or pence glued before the sum's next part or a word ("3s.4d.",
# "6d.The", "1s.per"), two or three initials glued before a capitalised word ("R.J.Ingleby"): see glued_figures,
# glued_initials
FIGURE_WORD = regex.compile(r"(?<![\p{L}\p{N}.,/_@#&=+~‘’'-])([0-9]{1,4}|[0-9]{1,3}(?:,[0-9]{3})+)(\p{L}{2,}+)")
MONTH_YEAR = regex.compile(r"(?<![\p{L}])\p{Lu}\p{Ll}{2,8}(?=[0-9]{4}(?![\p{L}\p{N}]))")
GLUED_SUM_PART = regex.compile(r"(?<![\p{L}\p{N},]|(?<![sd])\.)[0-9]{1,3}[sd]\."
                               r"(?=[0-9]{1,2}d\.|\p{Lu}\p{Ll}|\p{Ll}{2,}\b)")
GLUED_INITIALS = regex.compile(r"(?<![\p{L}\p{N}.@/_-])(?:\p{Lu}\.){2,3}(?=\p{Lu}\p{Ll}{2,})")
# words English glues to a figure as units ("3lbs", "10mins", "30ish") that are in common use as words too
FIGURE_UNITS = frozenset(("lbs", "ozs", "cwt", "cwts", "qrs", "yds", "ins", "mins", "hrs", "secs", "kgs", "mph", "kph",
                          "rpm", "ths", "fold", "ish", "bit", "bits", "mos", "yrs", "pts", "gal", "day", "way", "min",
                          "sec", "bps"))
OPENING_MARKS = ".;:!?,"  # a mark and a space before a figure glued to a capitalised word: a verse's or item's number
# each code point's classes for glued_figures, one bit a class: a digit, a letter (or any character beyond ASCII), a
# full stop, an s or d (shillings, pence), an ASCII capital
FIGURE_DIGIT, FIGURE_LETTER, FIGURE_STOP, FIGURE_MONEY, FIGURE_CAPITAL = 1, 2, 4, 8, 16
FIGURE_CLASSES = (DIGIT * FIGURE_DIGIT | LETTER_NOT_DIGIT * FIGURE_LETTER | char_class(".") * FIGURE_STOP
                  | char_class("sd") * FIGURE_MONEY
                  | char_class(string.ascii_uppercase) * FIGURE_CAPITAL).astype(np.uint8)
# where a lower-case letter meets a capital or a digit: the only places the two above may match (found first: a scan
# for this is several times faster than for either)
LOWER_BEFORE_CAPITAL_OR_DIGIT = regex.compile(r"(?<=\p{Ll})[\p{Lu}\p{N}]")
# English makes closed compounds of content words ("testsuite", "manpages": new words a lexicon may lack), not
# of a closed-class word (an article, a preposition, a conjunction, a pronoun, an auxiliary) and the word beside
# it: an unknown string that splits into one of these and a listed word, as a listed word pair, has lost a space
# ("ofglory", "talkfor", "bugsare", "tookhim") more often than the flat prior of an unknown word says. (Dictionary's
# GLUE_ODDS; see printed_apart.) The closed-class words the lexicon also lists as compounds ("itself", "within",
# "whereas", "cannot") are listed words, never split.
GLUE_WORDS = frozenset(("an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but",
                        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "can", "will", "not",
                        "he", "she", "it", "we", "they", "him", "her", "us", "them", "his", "its", "which", "that"))
GLUE_SIZES = sorted({len(word) for word in GLUE_WORDS})
TWO_CAPITALISED = regex.compile(r"(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}+)")
# The whitespace-delimited token around a match, to keep URLs, e-mail addresses and code out.
TOKEN_AROUND = regex.compile(r"\S+")
# the characters str.isspace() takes (regex's \s leaves out the separators \x1c-\x1f), found from the end: the start of
# the token around an offset without walking back over it a character at a time (a text without spaces is one token)
SPACE_BEFORE = regex.compile(r"[\s\x1c-\x1f]", flags=regex.REVERSE)
CAMEL_CASE = regex.compile(r"\p{Ll}\p{Lu}")  # a lower-case letter then a capital inside one word
LISTED = 1.0  # the lexicon's floor
LETTERS = ("", *"abcdefghijklmnopqrstuvwxyz")  # no letter: the mark is a speck
COMMON_NEXT_ZIPF = 5.0  # a lower-case word after a full stop this common is no file extension or domain
COMMON_WORD_ZIPF = 3.0  # a word in common use (once in ~a million words), not a rare listed form
MISREAD_AFTER = 4  # letters of each word beside a comma glued before an unknown string (see _misread_after)
# A list's fields glued by commas (see _comma_list): the letters and commas before and after a comma (a list, as a
# row of a table, shorter than ROW_WIDTH: longer runs and lines are none), and the marks alone between them and the
# token's edges (a space or the text's ends)
ROW_WIDTH = 500
FIELDS_BEFORE = regex.compile(rf"[\p{{L}},]{{0,{ROW_WIDTH}}}", flags=regex.REVERSE)
FIELDS_AFTER = regex.compile(rf"[\p{{L}},]{{0,{ROW_WIDTH}}}")
TOKEN_EDGE_BEFORE = regex.compile(r"(?:^|\s)[^\s\p{L}\p{N}]*", flags=regex.REVERSE)
TOKEN_EDGE_AFTER = regex.compile(r"[^\s\p{L}\p{N}]*(?:\s|$)")
ROW_SPACE = regex.compile(r"[ \t]")
ROW_FIGURE = regex.compile(r"\d")
FUNCTION_WORD_ZIPF = 5.5  # "and", "by", "which", "every": no field name of a list in code ("key,value", "name,type")


def lost_spaces(text: str, zipf: Callable[[str], float] | None = None) -> Iterator[tuple[regex.Match, str]]:
    """Each mark glued between two words (as a match of :data:`GLUED`) and what it should read.

    ``zipf`` gives a folded word's frequency; by default the shipped lexicon's.
    """
    if zipf is None:
        from ocrfix import lexicon

        zipf = lexicon.load().folded_zipf
    for match in NUMBERED.finditer(text):
        if not _in_url_or_code(text, match.start()):
            yield match, ". "
    for match in _number_glued(text, zipf):
        yield match, match.group(1) + " "
    glued = [(match, _word_before(text, match.start())) for match in _glued(text)]
    written = Counter(before + match.group(1) + match.group(2) for match, before in glued)
    for match, before in glued:
        mark, following = match.group(1), match.group(2)
        # a comma or semicolon before a function word ("years,and", "families,by") is prose's, however often
        function_word = mark in ",;" and (zipf(fold(following)) >= FUNCTION_WORD_ZIPF or _participle(following, zipf))
        if CAMEL_CASE.search(before) or (following[0].isupper() and CAMEL_CASE.search(following)) \
                or written[before + mark + following] > 1 and not function_word \
                or mark == "," and _comma_list(text, match.start()) \
                or _unlisted_capitals(before, following, zipf):
            continue
        if following[0].isupper():
            replacement = mark + " "  # a capital inside a word is no misread lower-case letter
        elif function_word and not _letter_misread(before, following, zipf):
            replacement = mark + " "
        elif mark == "," and _misread_after(before, following, _token_at(text, match.start()), zipf):
            replacement = ", "
        elif mark in ",." and _listed_or_name(before, zipf) and (
                zipf(fold(following)) >= (COMMON_NEXT_ZIPF if mark == "." else LISTED)) \
                and not _letter_misread(before, following, zipf):
            replacement = ", "
        else:
            continue  # between lower-case letters a mark is often a misread letter ("abs:raction", "te:ms")
        if not _in_url_or_code(text, match.start()):
            yield match, replacement


def stray_stops(text: str, lex: Lexicon, at: list[int] | None = None) -> Iterator[tuple[regex.Match, str]]:
    """Each full stop (a match of SPACED_STOP) before a lower-case word that is no sentence's end nor an
    abbreviation's point (the word before is common or long: STOP_WORD_ZIPF, STOP_WORD_LENGTH), and what it
    reads: "," before a word that opens a clause (CLAUSE_WORDS) or a participle (:func:`_participle`: "their
    fathers. according to"), after a capitalised word too if it is long enough to be a name (STOP_NAME_LENGTH), and
    after a shorter word or name that the text prints elsewhere without a point (:class:`_Unpointed`: "of God. whose"
    beside "God said") or a common word after an article (:func:`_article_noun`: "a pea. and"), and after a name (rarer than NAME_ZIPF, after a lower-case word: :func:`_after_a_word`) before
    any word in common use ("The children of Arah. seven hundred": a register's or an apposition's comma); "" for a
    speck between two lower-case words of one phrase, or after a preposition or an auxiliary verb (LEADING_WORDS:
    "rose by. steps", "shall be. with") or before a preposition that opens no sentence (OBJECT_WORDS: "the mobile
    investment. from"). A sentence's end between two words leaves them independent, while in a
    phrase the word after follows the word before more often than it follows any word (:meth:`Lexicon.attracts`:
    "in. the", "to. have"; not "at the end. in verbose mode", 10**-0.66: a capital lost).
    Never after "no.", "do.", "mr.", "approx." (ABBREVIATED_WORDS) nor with a number before ("3 in. thick": inches).
    ``at``: the only offsets (sorted) a stop is looked for at; default: the whole text.

    >>> from ocrfix import lexicon
    >>> [(m.start(), r) for m, r in stray_stops("We saw him in. the town, one of. the men.", lexicon.load())]
    [(13, ''), (31, '')]
    >>> [(m.start(), r) for m, r in stray_stops("a harmless occupation. and it has taught me", lexicon.load())]
    [(21, ',')]
    >>> [(m.start(), r) for m, r in stray_stops("the coast of Cornwall. and lost, Messrs. and Bros. and", lexicon.load())]
    [(21, ',')]
    >>> [(m.start(), r) for m, r in stray_stops("The children of Arah. seven hundred, in November. we", lexicon.load())]
    [(20, ',')]
    >>> [(m.start(), r) for m, r in stray_stops("by their fathers. according to God. whose God is", lexicon.load())]
    [(16, ','), (34, ',')]
    >>> [(m.start(), r) for m, r in stray_stops("and rose by. steps of a pound, it shall be. with the names",
    ...                                         lexicon.load())]
    [(11, ''), (42, '')]
    >>> list(stray_stops("the no. of persons, 3 in. thick, etc. and so on, e.g. the man, It is. The end, at the end. in it, "
    ...                  "10 per cent. and more, the 11th inst. and, approx. and colloq. and, price is. id. each, 2.5\\nin. of",
    ...                  lexicon.load()))
    []
    """
    unpointed = _Unpointed(text)
    for match in SPACED_STOP.finditer(text) if at is None else matches_at(SPACED_STOP, text, at):
        number, before, after = match.group(1), match.group(2), match.group(3)
        if number and any(map(str.isdigit, number)) or number is None and _figure_before(text, match.start(2)) \
                or fold(before) in ABBREVIATED_WORDS or fold(before) in UNENDING_WORDS:
            continue  # a number's unit ("3 in. thick"), an abbreviation; a word no sentence ends with: stray_marks'
        if before in LEADING_WORDS:
            if len(after) > 2 or not text.startswith(".", match.end(3)):  # not in a run of abbreviations
                # ("is. id. each": 1s. 1d.; "lb. oz.")
                yield match, ""
            continue
        capitalised = before[0].isupper()
        if capitalised:
            word = len(before) >= STOP_NAME_LENGTH
        else:  # else an abbreviation's point
            word = lex.folded_zipf(before) >= STOP_WORD_ZIPF or len(before) >= STOP_WORD_LENGTH
        if (after in CLAUSE_WORDS or _participle(after, lex.folded_zipf)) \
                and (word or unpointed(before) or _article_noun(number, before, lex.folded_zipf)):
            yield match, ","
        elif capitalised and _after_a_word(number) and lex.folded_zipf(fold(before)) < NAME_ZIPF \
                and lex.folded_zipf(after) >= COMMON_WORD_ZIPF:
            yield match, ","
        elif word and not capitalised and (after in OBJECT_WORDS or lex.attracts(before, after)):
            yield match, ""


def _figure_before(text: str, start: int) -> bool:
    r"""Does a figure end the previous line of a line starting at ``start`` ("within 2.5\nin. of": a unit)?

    >>> _figure_before("within 2.5\nin. of", 11), _figure_before("the man\nin. of", 8), _figure_before("in. of", 0)
    (True, False, False)
    """
    return text[max(0, start - 16):start].rstrip()[-1:].isdigit()


def _article_noun(previous: str | None, word: str, zipf: Callable[[str], float]) -> bool:
    """Is a short lower-case ``word`` after an article (``previous``) a noun of its phrase, a word in common use
    (COMMON_WORD_ZIPF), not an abbreviation ("a pea. and", "a dish. and")?

    >>> from ocrfix import lexicon
    >>> zipf = lexicon.load().folded_zipf
    >>> _article_noun("a", "pea", zipf), _article_noun("the", "doz", zipf), _article_noun("of", "pea", zipf)
    (True, False, False)
    >>> _article_noun("a", "lb", zipf), _article_noun("the", "vol", zipf)  # common, but abbreviations (ABBREVIATIONS)
    (False, False)
    """
    return previous in ARTICLES and word.islower() and word not in ABBREVIATIONS and zipf(word) >= COMMON_WORD_ZIPF


def _after_a_word(previous: str | None) -> bool:
    """Is the token before a capitalised word a lower-case word other than an article, so that the capitalised word
    stands inside a sentence as a name ("the children of Arah", not "the Univ.")?

    >>> _after_a_word("of"), _after_a_word("the"), _after_a_word("said."), _after_a_word(None)
    (True, False, False, False)
    """
    return bool(previous) and previous.isalpha() and previous.islower() and previous not in ARTICLES


def _participle(word: str, zipf: Callable[[str], float]) -> bool:
    """Is the lower-case ``word`` a verb's form in -ing (:data:`PARTICIPLE`)? ``zipf``: a folded word's frequency.

    >>> from ocrfix import lexicon
    >>> zipf = lexicon.load().folded_zipf
    >>> [_participle(word, zipf) for word in ("according", "being", "winning", "everything", "during", "string")]
    [True, True, True, False, False, False]
    """
    match = PARTICIPLE.fullmatch(word)
    if match is None:
        return False
    stem = match.group(1)
    undoubled = (stem[:-1],) if len(stem) > 2 and stem[-1] == stem[-2] else ()
    return any(zipf(verb) >= COMMON_WORD_ZIPF for verb in (stem, stem + "e", *undoubled))


class _Unpointed:
    """Does the text print a word elsewhere as a word of its phrase, with no point after it: before a lower-case
    word, a comma, semicolon, colon, "!", "?" or closing bracket ("God said", "of God, whose")? An abbreviation is
    printed with its point every time, or without it only before a name or a number ("Rev Smith", "Vol 2"); the
    titles English also prints without one before a lower-case word ("Mr and Mrs Smith": TITLES) say nothing.
    A ``word`` (of letters) is searched for alone: few are asked about (13 in the 338k characters of the corpus OCR),
    and a literal search costs a small part of a scan of every run of letters. Past UNPOINTED_SEARCHES words the
    text's words so printed are found in one pass (a search per question would make a long text with many stops
    before clause words take time growing with the square of its length).

    >>> _Unpointed("of gold, and blue. and purple")("blue"), _Unpointed("the Rev. and the Rev Smith")("Rev")
    (False, False)
    >>> _Unpointed("rings of gold. and the gold chains")("gold"), _Unpointed("Mr and Mrs Smith, Mr. and Mrs. Jones")("Mr")
    (True, False)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.answers: dict[str, bool] = {}
        self.words: frozenset[str] | None = None

    def __call__(self, word: str) -> bool:
        if fold(word) in TITLES:
            return False
        if word not in self.answers:
            self.answers[word] = self._printed(word)
        return self.answers[word]

    def _printed(self, word: str) -> bool:
        if len(self.answers) < UNPOINTED_SEARCHES:
            return regex.search(UNPOINTED_BEFORE + regex.escape(word) + UNPOINTED_AFTER, self.text) is not None
        if self.words is None:
            self.words = frozenset(UNPOINTED.findall(self.text))
        return word in self.words


def misread_title_marks(text: str) -> Iterator[tuple[regex.Match, str]]:
    """Each mark after a title before a name (TITLE_MARK), and what it reads: the full stop where the text prints the
    title with one at least as often as without ("Mr. R. Smith"), else nothing (British print: "Mr T. Corbett").

    >>> [(m.start(2), r) for m, r in misread_title_marks("Mr, T. Corbett and Mr. R. Jones; Mrs, Smith and Mrs Hall")]
    [(2, '.'), (36, '')]
    """
    counts: dict[str, tuple[int, int]] = {}
    for match in TITLE_MARK.finditer(text):
        title = match.group(1)
        if title not in counts:
            counts[title] = (len(regex.findall(rf"\b{title}\.", text)), len(regex.findall(rf"\b{title} ", text)))
        pointed, bare = counts[title]
        yield match, "." if pointed >= bare else ""


def misread_commas(text: str) -> Iterator[regex.Match]:
    """Each comma after a lower-case word before a capitalised word that opens sentences and a lower-case word
    (COMMA_BEFORE_OPENER) on one line: a full stop misread, where no verb of saying (SPEECH_VERBS) stands earlier in
    the sentence.

    >>> [m.start() for m in misread_commas("The sheet was torn, We hold them liable, and I think, It is so.")]
    [18]
    >>> list(misread_commas("And Boaz said unto her, It is good. Sirs, We came, I said.\\nIt was cold,\\nThe end, "
    ...                     "for example, The Times printed it"))
    []
    """
    for match in COMMA_BEFORE_OPENER.finditer(text):
        start = SENTENCE_START.search(text, max(0, match.start() - SENTENCE_REACH), match.start())
        sentence = text[start.end() if start else max(0, match.start() - SENTENCE_REACH):match.start()]
        if SPEECH_VERBS.isdisjoint(WORD_AT.findall(sentence.lower())):
            yield match


def stray_marks(text: str, at: list[int] | None = None) -> Iterator[regex.Match]:
    """Each full stop, colon or semicolon (a match of :data:`UNENDED`) after a word no sentence or clause ends with
    (UNENDING_WORDS) and before a lower-case word: a speck, which goes. Not with a number before ("2 a. 3 r.":
    acres, roods), nor a colon or semicolon after "a" (a parameter's type: "def f(x, a: int)"), nor after an "a" that
    opens a line (a list's label: "a. the first case"), nor in a URL or code. ``at``: the only offsets (sorted) a
    mark is looked for at; default: the whole text.

    >>> [m.start() for m in stray_marks("after the. work of it, a. quotation, so that the: air and; it")]
    [9, 24, 48, 57]
    >>> list(stray_marks("at the end. the rest, 2 a. 3 r., J. A. and B. Smith, a.m. and, def f(x, a: int), one of: x, y"))
    []
    >>> list(stray_marks("Cases:\\na. the first one;\\n  a. an indented one"))
    []
    """
    for match in _unended(text) if at is None else matches_at(UNENDED, text, at):
        number, word = match.group(1), match.group(2)
        if fold(word) in UNENDING_WORDS and not (number and any(map(str.isdigit, number))) \
                and (len(word) > 1 or match.group() == "." and number) and not _in_url_or_code(text, match.start()):
            yield match


def _misread_after(before: str, after: str, token: str, zipf: Callable[[str], float]) -> bool:
    """Is a comma glued between ``before``, a word in common use (COMMON_WORD_ZIPF) of MISREAD_AFTER letters or
    more, and ``after``, an unknown string as long, a lost space before a misread word ("Trade,tnder")? Not where
    the comma is a misread letter (:func:`_letter_misread`) nor in a ``token`` holding another comma: a list of
    options ("rw,nosuid,nodev").

    >>> from ocrfix import lexicon
    >>> zipf = lexicon.load().folded_zipf
    >>> _misread_after("Trade", "tnder", "Trade,tnder", zipf), _misread_after("rw", "nosuid", "rw,nosuid,nodev", zipf)
    (True, False)
    """
    return (len(before) >= MISREAD_AFTER and len(after) >= MISREAD_AFTER and zipf(fold(before)) >= COMMON_WORD_ZIPF
            and not zipf(fold(after)) and token.count(",") == 1 and not _letter_misread(before, after, zipf))


def _comma_list(text: str, offset: int) -> bool:
    """Is the comma at ``offset`` one of a list written without spaces: a token that glues another comma between
    its fields, words in lower case and none of them a closed-class one (GLUE_WORDS: "upgrade,downgrade,reinstall",
    "name,age,city"; not "rate,however,it", prose that lost both spaces, nor "Wilson,112;Knight,lbw", a score
    card's, nor names, "Whiteley,Pilling,Ashworth", which a team list in a report loses the spaces of), or a row
    of a table (:func:`_table_row`)? An engine drops a space here and there; data and code write such lists whole.

    >>> _comma_list("install upgrade,downgrade,reinstall", 15), _comma_list("Shadrach,Meshach, and", 8)
    (True, False)
    >>> _comma_list("At that rate,however,it would", 12), _comma_list("(fast,cheap,good).", 5)
    (False, True)
    """
    # the run of letters and commas around the comma, with nothing but marks between it and the token's edges
    start, end = FIELDS_BEFORE.match(text, 0, offset).start(), FIELDS_AFTER.match(text, offset).end()
    if TOKEN_EDGE_BEFORE.match(text, 0, start) is not None and TOKEN_EDGE_AFTER.match(text, end) is not None:
        fields = text[start:end].strip(",").split(",")
        if len(fields) > 2 and all(field.islower() and fold(field) not in GLUE_WORDS for field in fields):
            return True
    return _table_row(text, offset)


def _table_row(text: str, offset: int) -> bool:
    r"""Does the line around ``offset``, data (a figure in it, or no capital: a header), hold as many commas, two or
    more, as a line beside it written without spaces (a CSV file's rows: "name,age,city" over "Alice,34,Leeds",
    "Carol,45,New York" under "Bob,27,Paris")? One comma is no row: a line of an engine that lost every space has
    one as often ("105LOCALINTELLIGENCE.KESSINGHAMANDDISTRICT," over "... fell to 19 degrees,or 13 degrees"); nor
    are names alone, as a team list of a sports report loses its spaces line after line ("Booth,Stansfield,
    Gaukroger," over "Whiteley,Pilling,Ashworth."). Lines of ROW_WIDTH characters or more are no rows.

    >>> _table_row("name,age,city\nAlice,34,Leeds\n", 4), _table_row("name,age\nAlice,34\n", 4)
    (True, False)
    >>> _table_row("Whitworth,Kaye,Lee\nChartered Accountants\n", 9)
    False
    >>> _table_row("Booth,Hirst,Lee,\nWhiteley,Pilling,Ashworth.", 4)
    False
    """
    line = _line_around(text, offset)
    if line is None:
        return False
    start, end = line
    rows = (([_line_around(text, start - 1)] if start else [])
            + ([_line_around(text, end + 1)] if end < len(text) else []))
    commas, fields = text.count(",", start, end), text[start:end]
    if commas < 2 or not (fields.islower() or ROW_FIGURE.search(fields)):
        return False
    return any(row is not None and text.count(",", *row) == commas and not ROW_SPACE.search(text, *row)
               for row in rows)


def _line_around(text: str, offset: int) -> tuple[int, int] | None:
    """The start and end of the line around ``offset``, or None when it is longer than ROW_WIDTH."""
    newline = text.rfind("\n", max(offset - ROW_WIDTH, 0), offset)
    end = text.find("\n", offset, offset + ROW_WIDTH)
    if newline < 0 < offset - ROW_WIDTH or end < 0 < len(text) - offset - ROW_WIDTH:
        return None
    return newline + 1, len(text) if end < 0 else end


def _token_at(text: str, offset: int) -> str:
    """The whitespace-delimited token of ``text`` around ``offset``.

    >>> _token_at("see www.example.org/a,b today", 21)
    'www.example.org/a,b'
    """
    space = SPACE_BEFORE.search(text, 0, offset)
    token = TOKEN_AROUND.match(text, space.end() if space else 0)
    return token.group() if token else ""


def _letter_misread(before: str, after: str, zipf: Callable[[str], float]) -> bool:
    """Do ``before`` and ``after``, with one letter between them or none, make a word in common use that
    is commoner than the rarer of the two?

    >>> zipfs = {"sever": 3.1, "ty": 3.7, "severity": 3.7, "in": 7.3, "to": 7.4, "into": 6.6}
    >>> _letter_misread("sever", "ty", lambda w: zipfs.get(w, 0.0)), _letter_misread("in", "to", lambda w: zipfs.get(w, 0.0))
    (True, False)
    """
    head, tail = fold(before), fold(after)
    floor = max(COMMON_WORD_ZIPF, min(zipf(head), zipf(tail)))
    return any(zipf(head + letter + tail) >= floor for letter in LETTERS)


def _unlisted_capitals(before: str, following: str, zipf: Callable[[str], float]) -> bool:
    """Are the two strings glued by a mark both in capitals, the one after it no listed word? In capitals the capital
    after the mark shows no word's start, so the mark is as likely a misread letter ("UNDER-SEC:ETARY") or a speck in a
    running head whose words all run together ("THEBOOKOFDANIEL.CHAPTERII", a line the logical text drops) as a lost
    space; a listed word after it ("EVASION:REVIEW", "DISPOSALWORKS,EXTENSION") still shows one.

    >>> from ocrfix import lexicon
    >>> zipf = lexicon.load().folded_zipf
    >>> _unlisted_capitals("SEC", "ETARY", zipf), _unlisted_capitals("DISPOSALWORKS", "EXTENSION", zipf)
    (True, False)
    >>> _unlisted_capitals("Under", "ETARY", zipf)
    False
    """
    return before.isupper() and following.isupper() and zipf(fold(following)) < LISTED


def _listed_or_name(word: str, zipf: Callable[[str], float]) -> bool:
    return word[0].isupper() or zipf(fold(word)) >= LISTED


def _glued(text: str) -> Iterator[regex.Match]:
    """The matches of GLUED.

    >>> [m.start() for m in _glued("hand,a database, expenses.I do")]
    [4, 25]
    """
    return matches_at(GLUED, text, places(text, GLUED_MARK, after=LETTER_OR_BEYOND))


def _number_glued(text: str, zipf: Callable[[str], float]) -> Iterator[regex.Match]:
    r"""The matches of NUMBER_GLUED outside code, on a line with a space or tab (a row of values glues every comma,
    "1,apple,3"; an engine that drops spaces drops them in lines of prose), where the word is capitalised (a name
    beside its figure in results and accounts, "Geary,14", "Bristol,13,418") or, after the number, a function word
    ("6,500,the", "46,and"): a lower-case word glued to a number is a field of code or a list as often ("retries,3",
    "ORDER BY name,2"). Not on a line in capitals (a heading and its page or section number, "COMPOUND
    PROPORTION;63", printed with no mark as often). After a month's name the mark is a comma too ("23rd
    September,1936"): older print sets "September, 1936", and an engine loses a space after a comma far more often
    than it reads a blank as one.

    >>> from ocrfix import lexicon
    >>> zipf = lexicon.load().folded_zipf
    >>> [m.start() for m in _number_glued("Geary,14; Odell,4;Knight,8;total,187. at 6,500,the rate", zipf)]
    [5, 15, 17, 24, 46]
    >>> [m.start() for m in _number_glued("on 4 September,1936; Vol. II,1850\nCOMPOUND PROPORTION;63", zipf)]
    [14, 28]
    >>> list(_number_glued("key1=value1,key2, v1.2,beta, 3.14,pi, f(a,1), 10:30,and, 1,200, rows,3,4;\n1,apple,3", zipf))
    []
    """
    starts = places(text, GLUED_NUMBER_MARK, before=LETTER_NOT_DIGIT, after=DIGIT_OR_POUND)
    starts += places(text, GLUED_NUMBER_MARK, before=DIGIT, after=LETTER_NOT_DIGIT)
    for match in matches_at(NUMBER_GLUED, text, sorted(starts)):
        start, end = match.start(), text.find("\n", match.start())
        if text[start - 1].isdigit():
            word = WORD_AT.match(text, start + 1).group()
            prose = word[0].isupper() or zipf(fold(word)) >= FUNCTION_WORD_ZIPF
        else:
            prose = _word_before(text, start)[0].isupper()
        line = text[text.rfind("\n", 0, start) + 1:end if end >= 0 else None]
        if prose and not line.isupper() and (" " in line or "\t" in line) and not _in_url_or_code(text, start) \
                and not _table_row(text, start):
            yield match


def _unended(text: str) -> Iterator[regex.Match]:
    """The matches of UNENDED."""
    return matches_at(UNENDED, text, (place.start() for place in UNENDED_PLACE.finditer(text)))


def _word_before(text: str, offset: int) -> str:
    start = offset
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:offset]


def _in_url_or_code(text: str, offset: int) -> bool:
    """Is the mark at ``offset`` inside a URL, an e-mail address or code (:func:`ocrfix.codes.is_code_or_address`)?"""
    return is_code_or_address(_token_at(text, offset))


def glued_function_words(text: str) -> Iterator[tuple[regex.Match, str]]:
    """Each function word glued before a capitalised word or a number (see :data:`GLUED_BEFORE_CAPITAL`,
    :data:`GLUED_BEFORE_NUMBER`), as a match and what it should read: the word and a space.

    >>> [(m.group(), r) for m, r in glued_function_words("versions ofLinux, theIsle of Man, anSQLite bug, for49 runs")]
    [('of', 'of '), ('the', 'the '), ('an', 'an '), ('for', 'for ')]
    >>> list(glued_function_words("toXML() and isNull, the Theatre, Ofelia, utf8, see example.org/theIndex, `andThen`"))
    []
    """
    edges = places(text, CAPITAL_DIGIT_OR_BEYOND, before=FUNCTION_WORD_LAST)
    return _glued_before(text, matches_at(LOWER_BEFORE_CAPITAL_OR_DIGIT, text, edges))


def _glued_before(text: str, edges: Iterator[regex.Match]) -> Iterator[tuple[regex.Match, str]]:
    """glued_function_words at ``edges``, matches of LOWER_BEFORE_CAPITAL_OR_DIGIT: all those after a letter that
    ends a function word do (a test checks the cheap search for them against the pattern's full scan)."""
    for edge in edges:
        start = edge.start() - len(_word_before(text, edge.start()))
        match = (GLUED_BEFORE_NUMBER if edge.group().isdigit() else GLUED_BEFORE_CAPITAL).match(text, start)
        if match and match.end() == edge.start() and not _in_url_or_code(text, start):
            yield match, match.group(1) + " "


def printed_apart(cores: list[str], spaced: list[bool], listed: list[bool], positions: Callable[[str], list[int]],
                  lex: Lexicon) -> Iterator[tuple[int, int]]:
    """Each word the lexicon lacks that the text prints elsewhere as two listed words, with a space between them, one of
    them a closed-class word (GLUE_WORDS: "the kinghad slain" beside "the king had"), or two capitalised words run
    together ("TheOfficial Receiver" beside "The Official Receiver"), as its token number among the word parts
    ``cores`` (``spaced``: one space between part i and part i+1; ``listed``: part i is a word of letters the lexicon
    lists; ``positions``: the part numbers of a folded word) and the offset in it where the space was lost. An
    engine that drops a space drops it at random places; a document repeats its own phrases. (Where the bigram list
    holds the pair, the pass reads the word as two anyway: see Dictionary's GLUE_ODDS.) Two content words make closed
    compounds, which a text may also print open ("manpages" beside "man pages", "maskedarray" the module beside "masked
    array"): left alone. Two capitalised words may be a listed rare word ("TownHall", as rare as COMMON_WORD_ZIPF); they
    are cut only at the inner capital. Not an identifier whose capital follows a lower-case start ("isEmpty" beside "is
    empty"), nor a word in capitals.

    >>> from ocrfix import lexicon
    >>> lex = lexicon.load()
    >>> def apart(words):
    ...     listed = [bool(lex.folded_zipf(word)) for word in words]
    ...     places = lambda word: [i for i, each in enumerate(words) if fold(each) == word]
    ...     return list(printed_apart(words, [True] * len(words), listed, places, lex))
    >>> apart("the king had gone the kinghad slain them".split()), apart("the Town Hall at the TownHall".split())
    ([(5, 4)], [(5, 4)])
    >>> apart("if the list is empty isEmpty returns the man pages the manpages".split())
    []
    """
    zipf = lex.folded_zipf
    cuts = {}  # each candidate word -> the one place it is two words printed apart elsewhere
    unlisted = set(compress(cores, map(operator.not_, listed)))
    mixed = {core for core in set(cores) - unlisted if not (core.islower() or core.istitle() or core.isupper())}
    for token in unlisted | mixed:  # distinct words: the tests run once per word
        plain = token.islower() or token[0].isupper() and token[1:].islower()  # else two capitalised words or none
        two = None if plain else TWO_CAPITALISED.fullmatch(token)
        if not (plain or two) or not token.isalpha() or two and zipf(fold(token)) >= COMMON_WORD_ZIPF:
            continue
        apart = [cut for cut in ([two.start(2)] if two else _glue_cuts(token.lower()))
                 if _apart_words(fold(token[:cut]), fold(token[cut:]), bool(two), lex)]
        apart = [cut for cut in apart if _printed_pair(token[:cut], token[cut:], cores, spaced, positions)]
        if len(apart) == 1:
            cuts[token] = apart[0]
    if cuts:
        yield from ((i, cuts[core]) for i, core in enumerate(cores) if core in cuts)


def _printed_pair(left: str, right: str, cores: list[str], spaced: list[bool], positions: Callable[[str], list[int]]) -> bool:
    """Are ``left`` and ``right`` printed as neighbouring word parts of ``cores`` with one space between them? Looked for
    where the rarer of the two stands (one is mostly among the commonest words).

    >>> words = "the king had come".split()
    >>> places = lambda word: [i for i, each in enumerate(words) if each == word]
    >>> _printed_pair("king", "had", words, [True] * 3, places), _printed_pair("had", "king", words, [True] * 3, places)
    (True, False)
    """
    lefts, rights = positions(fold(left)), positions(fold(right))
    if len(lefts) <= len(rights):
        return any(j + 1 < len(cores) and cores[j] == left and spaced[j] and cores[j + 1] == right for j in lefts)
    return any(j > 0 and cores[j] == right and spaced[j - 1] and cores[j - 1] == left for j in rights)


def _glue_cuts(word: str) -> list[int]:
    """Where the lower-case ``word`` may be cut into a closed-class word (GLUE_WORDS) and the rest, either way round.

    >>> _glue_cuts("kinghad"), _glue_cuts("ofglory"), _glue_cuts("testsuite")
    ([4], [2], [])
    """
    return sorted({cut for size in GLUE_SIZES for cut in (size, len(word) - size)
                   if 0 < cut < len(word) and (word[:cut] in GLUE_WORDS or word[cut:] in GLUE_WORDS)})


def _apart_words(left: str, right: str, capitalised: bool, lex: Lexicon) -> bool:
    """May the folded ``left`` and ``right``, printed apart elsewhere, be two words run together here: both listed,
    and two capitalised words or a closed-class word (GLUE_WORDS) and a word whose pair the bigram list lacks?

    >>> from ocrfix import lexicon
    >>> lex = lexicon.load()
    >>> _apart_words("king", "had", False, lex), _apart_words("use", "of", False, lex), _apart_words("man", "pages", False, lex)
    (True, False, False)
    """
    return (capitalised or left in GLUE_WORDS or right in GLUE_WORDS) \
        and lex.folded_zipf(left) >= LISTED and lex.folded_zipf(right) >= LISTED \
        and (capitalised or not lex.folded_bigram(left, right))


def fullwidth_marks(text: str) -> Iterator[tuple[regex.Match, str]]:
    """Each fullwidth form of an ASCII character (U+FF01-FF5E) in a text of Latin script, and its ASCII
    character: engines trained on Chinese or Japanese as well (RapidOCR's, PaddleOCR's) print some marks of
    an English page in their fullwidth forms ("letter，I", "para 4（b)"). A fullwidth comma, semicolon, colon,
    full stop, question or exclamation mark holds the space after it in its own width: before a letter
    it reads as the mark and a space. Left alone in a text that has Chinese, Japanese or Korean
    script, where the forms are at home.

    >>> [(m.start(), r) for m, r in fullwidth_marks("see para 4（b) of your letter，I think")]
    [(10, '('), (28, ', ')]
    >>> list(fullwidth_marks("东京（とうきょう）"))
    []
    """
    first = FULLWIDTH.search(text)  # most texts hold none: asked before the costlier scan for CJK script
    if first is None or any(CJK.match(found.group()) for found in BEYOND_ALPHABETS.finditer(text)):
        return
    for match in FULLWIDTH.finditer(text, first.start()):
        ascii_mark = chr(ord(match.group()) - FULLWIDTH_OFFSET)
        spaced = ascii_mark in ",;:.!?" and match.end() < len(text) and text[match.end()].isalpha()
        yield match, ascii_mark + " " if spaced else ascii_mark


def glued_figures(text: str, zipf: Callable[[str], float]) -> Iterator[tuple[int, int, str]]:
    """Each figure, month's name or part of a sum glued to the word or figure after it, as the span to replace and
    what it reads (itself and a space); ``zipf`` gives a folded word's frequency. A line recogniser that reads a
    whole line at once (RapidOCR's, PaddleOCR's) drops a narrow space now and then, most often beside a figure or a
    point; a segmenter that cuts words first (Tesseract's) seldom does. English glues a word to a figure only as a
    unit, an ordinal or a code ("10s", "2nd", "64bit", "SW1A", "win32"), so the space is put back only where the
    word is none of those (see :func:`_figure_spaced`): after a figure that opens a line or follows a mark and a space
    before a capitalised word, a verse's, a street's or an item's number ("28And Lamech", "9Park Row"); after a figure
    of two digits or more before a lower-case word in common use ("1980were", "272runs"); around a month's name
    between a day and a year ("28June1985"); after a sum's shillings or pence before the next part or a word ("3s.4d.",
    "6d.The", "1s.per"). Not in URLs, e-mail addresses or code.

    >>> from ocrfix import lexicon
    >>> zipf = lexicon.load().folded_zipf
    >>> [r for _, _, r in glued_figures("God. 28And Lamech took 272runs in 1879with 31March1985, 3s.4d. a week", zipf)]
    ['28 ', '272 ', '1879 ', '31 ', 'March ', '3s. ']
    >>> list(glued_figures("the 2nd and 12th, 10s. 6d., 64bit, 3lbs, SW1A 2AH, win32, of 4Yarim, 1ittle, a 2Pac, "
    ...                    "Monday, 2Ist July", zipf))
    []
    """
    found = []
    figure_ends, word_ends, money_stops, _ = _figure_places(text)
    for edge in figure_ends:  # a figure's last digit before a letter
        match = FIGURE_WORD.match(text, _figure_start(text, edge))
        if match and match.end(1) == edge + 1 and _figure_spaced(text, match, zipf):
            found.append((match.start(), match.end(1), match.group(1) + " "))
    for edge in word_ends:  # a word's last letter before a figure
        match = MONTH_YEAR.match(text, edge + 1 - len(_word_before(text, edge + 1)))
        if match and match.end() == edge + 1 and fold(match.group()) in MONTHS_IN_FULL:
            found.append((match.start(), match.end(), match.group() + " "))
    for stop in money_stops:  # "3s.4d.", "6d.The"
        match = GLUED_SUM_PART.match(text, _figure_start(text, stop - 1))
        if match and match.end() == stop + 1:
            found.append((match.start(), match.end(), match.group() + " "))
    yield from (each for each in sorted(found) if not _in_url_or_code(text, each[0]))


def glued_initials(text: str) -> Iterator[tuple[int, int, str]]:
    """Each run of two or three initials glued before a capitalised word ("R.J.Ingleby": :data:`GLUED_INITIALS`), as
    the span to replace and what it reads: a space after each initial's point, as English print sets them. A line
    recogniser loses the spaces after points (see :func:`glued_figures`); where a text sets "R.J. Ingleby", the edit
    costs no more than the glued print did.

    >>> [r for _, _, r in glued_initials("Mr R.J.Ingleby and J.H. Smith, the U.S.A. and www.A.B.Com")]
    ['R. J. ']
    """
    for stop in _figure_places(text)[3]:
        match = GLUED_INITIALS.match(text, stop - 1)
        if match and not _in_url_or_code(text, match.start()):
            yield match.start(), match.end(), match.group().replace(".", ". ")


def _figure_places(text: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Where glued_figures and glued_initials try their patterns, found in one pass of numpy over the text's classes
    (FIGURE_CLASSES): each digit before a letter, each letter before a digit, each full stop after an s or d and
    before a letter or digit, each full stop between two ASCII capitals.

    >>> _figure_places("28And 3s.4d. R.J.Smith 1985")
    ([1, 6, 9], [], [8], [14, 16])
    """
    kinds = FIGURE_CLASSES.take(np.minimum(code_points(text), 0xFFFF))
    digit, letter = (kinds & FIGURE_DIGIT).astype(bool), (kinds & FIGURE_LETTER).astype(bool)
    stop, money, capital = (kinds & FIGURE_STOP).astype(bool), (kinds & FIGURE_MONEY).astype(bool), \
        (kinds & FIGURE_CAPITAL).astype(bool)
    money_stops = stop[1:-1] & money[:-2] & (letter | digit)[2:]
    initials = stop[1:-1] & capital[:-2] & capital[2:]
    return ((digit[:-1] & letter[1:]).nonzero()[0].tolist(), (letter[:-1] & digit[1:]).nonzero()[0].tolist(),
            (money_stops.nonzero()[0] + 1).tolist(), (initials.nonzero()[0] + 1).tolist())


def _figure_start(text: str, last: int) -> int:
    """Where the figure whose last digit stands at ``last`` begins (a thousands comma inside it)."""
    start = last
    while start > 0 and (text[start - 1].isdigit()
                         or text[start - 1] == "," and start > 1 and text[start - 2].isdigit()):
        start -= 1
    return start


def _figure_spaced(text: str, match: regex.Match, zipf: Callable[[str], float]) -> bool:
    """Did a space stand between the figure and the word of ``match`` (of FIGURE_WORD)? Before a capitalised word
    where the figure opens a line or follows a mark and a space (a misread capital inside a line, "of 4Yarim" for
    Harim, is left), a word of two letters a function word ("1In", "13Of"), or before a month's name; before a
    lower-case word of three letters or more in common use (COMMON_WORD_ZIPF) that is no unit (FIGURE_UNITS), after
    two digits or more (a lone figure is a misread letter as often: "4own", "1ow")."""
    figure, word = match.group(1), match.group(2)
    if MISREAD_ORDINAL.fullmatch(figure[-1] + word):  # "2Ist", "1Oth": an ordinal whose later digits were misread
        return False
    if word[0].isupper() and word[1:].islower():
        start = match.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        opens = start == 0 or text[start - 1] == "\n" or text[start - 1] in OPENING_MARKS and start < match.start()
        return opens and (len(word) > 2 or zipf(fold(word)) >= FUNCTION_WORD_ZIPF) or fold(word) in MONTHS_IN_FULL
    after = text[match.end():match.end() + 1]
    return (word.islower() and len(word) > 2 and len(figure) >= 2 and word not in FIGURE_UNITS
            and zipf(word) >= COMMON_WORD_ZIPF and not (after.isdigit() or after in "_@/"))
