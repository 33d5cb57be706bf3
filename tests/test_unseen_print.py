"""Shapes of old print the corpus lacks: hand-press books, numbered hymns, ledgers, litanies.

The prose below was written for this test in the manner of an 18th-century town history (CC0,
like the corpus's written texts); the hymn stanza is from J. M. Neale's "Come, ye faithful, raise
the strain" (1859, public domain). A hand-press page ends in a catchword, the next page's first
word, with the gathering's signature mark ("B2") on the same line; its running heads alternate
between the left page's and the right page's, the number at the outer edge.
"""
from __future__ import annotations

import random
import textwrap

import pytest

from ocrfix.metrics import cer
from ocrfix.pipeline import Pipeline

HISTORY = (
    "The Magistrates, upon this, issued an Order, that all Houses infected should be shut up, and "
    "a red Cross painted on the Door; which Order was so strictly observed, that the Disease was in "
    "a short Time abated. The Sum of one hundred and fifty Pounds was raised by Subscription for "
    "the Relief of the Sufferers, and distributed by the Church-Wardens and Overseers of the Poor, "
    "who gave an Account of it at the next Vestry. It is remarkable, that during the whole Time of "
    "this Calamity not one of the Physicians of the Town fell a Sacrifice to the Distemper; which "
    "some ascribed to their Use of Tobacco, others to the Providence of God, whose Mercy was so "
    "signally shewn to the Town in its Distress. The Town being thus delivered, the Inhabitants, by "
    "general Consent, set apart a Day of Thanksgiving, on which the Mayor and Aldermen went in their "
    "Gowns to the Church, where a Sermon was preached by the Vicar upon the Words of the Psalmist, "
    "and a Collection made for the Widows and Orphans of those who had died. The Market, which had "
    "been kept without the Walls during the Sickness, was brought back to its old Place in the High "
    "Street; and the Carriers, who had refused to come near the Town for many Weeks, resumed their "
    "Journeys, so that in a little Time the Trade of the Place was restored to its former Condition, "
    "and the Price of Corn, which had risen to an extraordinary Height, fell again to what it had "
    "been before. Of the Charities of this Town the most ancient is that of Richard Fenton, Mercer, "
    "who by his Will, dated in the Year one thousand five hundred and forty, gave certain Lands in "
    "the Parish to the Use of the Poor for ever; the Rents whereof are distributed in Bread every "
    "Sunday after Divine Service, to such poor Persons as the Minister and Church-Wardens shall "
    "think fit. There is likewise a Free-School, founded by the same Benefactor, for the Instruction "
    "of twenty poor Boys in Reading, Writing and Arithmetick, the Master whereof is chosen by the "
    "Corporation, and hath a Salary of twenty Pounds a Year, with a House and Garden adjoining."
)

HYMN = """\
Come, ye faithful, raise the strain
Of triumphant gladness;
God hath brought His Israel
Into joy from sadness.
  Alleluia! Alleluia!
  Alleluia! Amen.
"""


def hand_press_book(separator: str, lines_per_page: int = 12) -> tuple[str, str]:
    """(the book's pages as OCR gives them, the text): heads, catchwords and signatures around it."""
    lines = textwrap.wrap(HISTORY, 40)
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    printed = []
    for number, page in enumerate(pages, start=24):
        head = (f"{number}          The HISTORY of          Book I." if number % 2 == 0
                else f"Chap. 3.       of ASHCOMBE.          {number}")
        foot = []
        if number - 24 < len(pages) - 1:
            signature = f"B{number - 22}" if number % 2 else ""
            foot = [f"{signature:<30}{pages[number - 23][0].split()[0]}"]
        printed.append("\n".join([head, "", *page, *foot]) + "\n")
    return separator.join(printed), HISTORY


@pytest.mark.parametrize("separator", ["\f", "\n\n", "\n"], ids=["form feeds", "blank lines", "nothing"])
def test_hand_press_pages_lose_heads_catchwords_and_signatures(separator):
    ocr, text = hand_press_book(separator)
    corrected = Pipeline(["layout"]).run(ocr).text
    assert "HISTORY" not in corrected and "ASHCOMBE" not in corrected
    assert all(f"B{n}" not in corrected for n in range(2, 8))
    assert cer(text, corrected) == 0


@pytest.mark.parametrize("opening", [True, False], ids=["chapter opening", "pages from inside"])
def test_the_title_of_a_chapter_opening_page_stays_while_its_numbered_heads_go(opening):
    # a chapter's first page carries no running head: its title in capitals, unnumbered, is text; the
    # same words at the top of the later pages, beside their page numbers, are the running head
    lines = textwrap.wrap(HISTORY, 60)
    pages = [lines[i:i + 10] for i in range(0, len(lines), 10)][:4]
    title = "THE CHARITIES OF ASHCOMBE"
    printed = [[title if n == 0 and opening else
                (f"{41 + n}   {title}" if n % 2 else f"{title}   {41 + n}"), "", *page] for n, page in enumerate(pages)]
    corrected = Pipeline(["layout"]).run("\f".join("\n".join(page) + "\n" for page in printed)).text
    assert corrected.count(title) == (1 if opening else 0)
    assert corrected.startswith(title) == opening


def test_a_numbered_sentence_the_text_repeats_at_page_edges_is_no_running_head():
    # a register or liturgy repeats a numbered line for every entry; where one falls at the top of each
    # page it recurs "with a changing number" like a head, but a head is set in capitals or title case
    entries = [f"{n}. On the {day} day the steward entered the rents of the manor, the fines and the "
               f"heriots, and the sums paid to the lord:" for n, day in zip(range(1, 13), "first second third "
               "fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())]
    said = "the same was allowed by the court:"
    pages = [[f"{n + 1}. And {said}" if n else "THE MANOR COURT", "", *textwrap.wrap(" ".join(entries[3 * n:3 * n + 3]), 60)]
             for n in range(4)]
    corrected = Pipeline(["layout"]).run("\f".join("\n".join(page) + "\n" for page in pages)).text
    assert corrected.count(said) == 3


def test_running_heads_misread_by_ocr_go_in_plain_text():
    ocr, text = hand_press_book("\n\n")
    for number, misread in [(24, "HISTRY"), (28, "HIST0RY")]:
        ocr = ocr.replace(f"{number}          The HISTORY", f"{number}          The {misread}")
    assert "HIST" not in Pipeline(["layout"]).run(ocr).text


def test_a_head_with_letters_misread_as_digits_is_no_head_with_more_numbers():
    # "HIST0RY", "B0ok": digits between letters are misread letters, not page numbers that set the head apart
    ocr, text = hand_press_book("\n\n")
    ocr = ocr.replace("24          The HISTORY of          Book I.", "24          The HIST0RY of          B0ok I.")
    assert "HIST" not in Pipeline(["layout"]).run(ocr).text


@pytest.mark.parametrize("number", ["{}", "{}."], ids=["214", "1."])
def test_numbered_hymns_keep_their_numbers(number):
    # hymns, stanzas and sections are numbered between finished sentences; page breaks fall inside them
    text = "".join(f"{number.format(n)}\n\n{HYMN}\n" for n in range(1, 6))
    assert Pipeline(["layout"]).run(text).text.split() == text.split()


SUBSCRIPTIONS = """\
SUBSCRIPTIONS RECEIVED.
Mr. J. Holroyd .......... £1 1s. 0d.
A Friend ................ £0 5s. 0d.
A Friend ................ £0 5s. 0d.
A Friend ................ £0 5s. 0d.
Rev. J. Ackroyd ......... £2 2s. 0d.
"""
SALES = """\
Sold to Mr. Hartley, one bay horse, 4 years   22  0  0
Sold to Mr. Hartley, one bay horse, 4 years   22  0  0
Sold to Mr. Hartley, one bay horse, 4 years   22  0  0
Sold to Mr. Hartley, one bay horse, 4 years   22  0  0
Sold to Mr. Moss, two heifers                 18 10  0
"""


@pytest.mark.parametrize("table", [SUBSCRIPTIONS, SALES], ids=["subscription list", "ledger"])
def test_dedup_keeps_a_table_row_entered_three_or_four_times(table):
    dedup = Pipeline(["dedup"])
    assert dedup.run(table).text == table
    row = table.splitlines()[2] + "\n"
    assert dedup.run(row * 12 + "The end.").text == row + "The end."   # a loop runs on


@pytest.mark.parametrize("broken, joined", [
    ("the num- ber of members had increased dur- ing the year", "the number of members had increased during the year"),
    ("to extend its opera¬ tions to the parish", "to extend its operations to the parish"),
    ("to extend its opera\u00adtions and its opera\u00ad tions", "to extend its operations and its operations"),
    ("both pre- and post-war prices; Meta- or Control- keys", "both pre- and post-war prices; Meta- or Control- keys"),
    ("the houses ar- now occupied, every month's d- ay", "the houses ar- now occupied, every month's d- ay"),
    ("the hou- door was open a sho- time", "the hou- door was open a sho- time"),
    ("a topaz and a car- buncle, the cas- cades of the pa- lanquin", "a topaz and a carbuncle, the cascades of the palanquin"),
    ("the well- known firm of the ex- President, self- evident", "the well-known firm of the ex-President, self-evident"),
    ("the truth- that is the point- was plain", "the truth- that is the point- was plain"),
    ("the Mechan- ics' Institute and the offi- cials’ meeting", "the Mechanics' Institute and the officials’ meeting"),
], ids=["hyphen and space", "not sign", "soft hyphen", "suspended compounds", "garbled typescript", "words cut short", "rarer words",
        "compounds broken at their hyphen", "dashes", "possessives"])
def test_layout_joins_words_broken_at_line_ends_in_text_whose_lines_were_joined(broken, joined):
    # exports (and datasets) that join a page's lines with spaces keep the line-end hyphens inside lines
    assert Pipeline(["layout"]).run(broken).text == joined


@pytest.mark.parametrize("head, kept", [("{}      THE WEEKLY COURIER, SATURDAY, MARCH 3, 1866.", False),
                                        ("THE TREATY OF ASHCOMBE, ARTICLE {}", True)], ids=["paper's head", "heading"])
def test_a_papers_numbered_heads_go_where_its_pages_end_between_articles(head, kept):
    # a paper's head carries the date; a numbered series of headings does not
    sentences = HISTORY.rstrip(".").split(". ")
    articles = [". ".join(sentences[i:i + 2]) + "." for i in range(0, 6, 2)]
    text = "\n\n".join(head.format(n) + "\n\n" + "\n".join(textwrap.wrap(article, 34))
                       for n, article in enumerate(articles, start=1)) + "\n"
    corrected = Pipeline(["layout"]).run(text).text
    assert corrected.split() == (text if kept else " ".join(articles)).split()


@pytest.mark.parametrize("head, kept", [("THE WEEKLY COURIER, SATURDAY, MARCH 3, 1866.  4", False),
                                        ("4  THE WEEKLY COURIER, SATURDAY, MARCH 3. 1866.", False),
                                        ("ARRIVAL OF THE MAIL, SATURDAY, MARCH 3, 1866.", True),
                                        ("CHAPTER 4. THE MARKET", True)],
                         ids=["number after the date", "number first, comma read as a point", "headline", "chapter"])
def test_a_single_newspaper_pages_head_goes(head, kept):
    # one page OCR'd alone: nothing recurs, but the paper's title, the date and the page number say it
    column = "\n".join(textwrap.wrap(HISTORY[:900], 38))
    corrected = Pipeline(["layout"]).run(f"{head}\n\n{column}\n").text
    assert corrected.split() == (f"{head} {column}" if kept else column).split()


def test_a_papers_heads_numbered_after_the_date_count_pages_joined_by_blank_lines():
    # a paper's pages joined by blank lines, the page number after the date on odd pages
    # ("JUNE 12, 1880.   5"), one head's date misread ("JUNE I2"): the numbers count the pages, and every head goes
    # (the misread head's page starts an article: the page before it ends between sentences)
    middle = HISTORY.index(". ", len(HISTORY) // 2) + 2
    first, second = textwrap.wrap(HISTORY[:middle], 60), textwrap.wrap(HISTORY[middle:], 60)
    pages = ["\n".join(part) for part in (first[:9], first[9:], second[:9], second[9:])]
    heads = ["4   THE WESTMORLAND GAZETTE, SATURDAY, JUNE 12, 1880.", "THE WESTMORLAND GAZETTE, SATURDAY, JUNE 12, 1880.   5",
             "6   THE WESTMORLAND GAZETTE, SATURDAY, JUNE I2, 1880.", "THE WESTMORLAND GAZETTE, SATURDAY, JUNE 12, 1880.   7"]
    text = "\n\n".join(f"{head}\n\n{page}" for head, page in zip(heads, pages)) + "\n"
    assert Pipeline(["layout"]).run(text).text.split() == HISTORY.split()


def test_a_signature_before_a_word_the_next_page_does_not_start_with_stays():
    page = "the first page of the text runs on for a good many lines\n" * 8
    text = f"{page}B2          books\n\fanother page begins with other words\n" + "and the text goes on\n" * 5
    assert "B2          books" in Pipeline(["layout"]).run(text).text


@pytest.mark.parametrize("mark", ["\u00ac", "\u00ad"], ids=["not sign", "soft hyphen"])
def test_a_break_mark_on_a_short_line_is_joined(mark):
    # a line set short beside a picture or a drop capital still breaks its last word
    lines = textwrap.wrap(HISTORY[:600], 40)
    text = "\n".join(lines[:4] + [f"its opera{mark}", "tions"] + lines[4:]) + "\n"
    assert "its operations" in Pipeline(["layout"]).run(text).text


_FURNITURE_PIECES = ["B2", "Aa 3", "C iij", "24", "xiv", "The", "the", "HISTORY", "ASHCOMBE.", "Chap. 3.", "-", "¬",
                     "\u00ad", "num-", "ber", "- 2 -", "Page 3 of 7", "/present", "present", "....", "£1 2s. 6d.",
                     "MARCH 3, 1866", "I", "Friend", "P.T.O.", "\"", "(", "—", "~", "12", "and", "pre-"]


def test_layout_survives_random_page_furniture():
    # lines of heads, numbers, signatures, catchwords and break marks in random order and spacing
    rng = random.Random(1)
    layout = Pipeline(["layout"])
    for _ in range(300):
        lines = ["  ".join(rng.choice(_FURNITURE_PIECES) for _ in range(rng.randrange(6))) for _ in range(rng.randrange(1, 30))]
        text = "".join(line + rng.choice(["\n", "\n", "\n", "\n\n", "\n\f"]) for line in lines)
        assert all(0 <= edit.start <= edit.end <= len(text) for edit in layout.run(text).edits)


def test_words_broken_in_a_notice_set_in_capitals_are_judged_as_words():
    # a notice, a disclaimer or a headline set in capitals: the capital after the break is the type's, not a
    # compound's mark; the words decide ("EXHIBI-TION" is one word, "WELL-KNOWN" a compound)
    notice = textwrap.wrap(HISTORY[:700].upper(), 66)
    text = "\n".join(notice[:3] + ["THE PUBLIC ARE HEREBY INFORMED THAT THE GREAT AGRICULTURAL EXHIBI-",
                                   "TION OF THE COUNTY WILL BE HELD THIS YEAR BY THE ANCIENT AND WELL-",
                                   "KNOWN SOCIETY IN THE TOWN MEADOWS ON TUESDAY THE FOURTH OF JUNE"] + notice[3:]) + "\n"
    corrected = Pipeline(["layout"]).run(text).text
    assert "AGRICULTURAL EXHIBITION OF" in corrected and "AND WELL-KNOWN SOCIETY" in corrected


def long_s(text: str) -> str:
    """``text`` as 18th-century print sets it: a long "ſ" for every "s" but at a word's end or before "f"."""
    return "".join("ſ" if char == "s" and following.isalpha() and following != "f" else char
                   for char, following in zip(text, text[1:] + " "))


def broken_with(mark: str) -> tuple[str, str]:
    """(a long-s page whose words are broken at its line ends with ``mark``, its text): old spellings
    ("Arithmetick") and compounds ("Church-Wardens") among the broken words."""
    text = long_s(HISTORY)
    lines, line = [], ""
    for word in text.split():
        if len(line) + 1 + len(word) <= 44 or not line:
            line = f"{line} {word}".strip()
            continue
        core = word.rstrip(".,;:")
        room = 44 - len(line) - 2
        if "-" in core and 0 < core.index("-") <= room:   # a compound breaks at its own hyphen
            cut = core.index("-")
            lines.append(f"{line} {word[:cut]}{mark}")
            line = word[cut + 1:]
        elif core.isalpha() and len(core) >= 6 and room >= 3:
            cut = min(room, len(core) - 3)
            lines.append(f"{line} {word[:cut]}{mark}")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return "\n".join(lines + [line]) + "\n", text


@pytest.mark.parametrize("mark", ["-", "\u2e17", "="], ids=["hyphen", "double oblique hyphen", "read as ="])
def test_long_s_pages_broken_with_old_hyphens_are_joined(mark):
    # black-letter and Fraktur print break words with "⸗"; engines keep it or read it as "="; the long s
    # and old spellings are no obstacle: where the text breaks its words with a mark it is a hyphen
    ocr, text = broken_with(mark)
    assert ocr.count(f"{mark}\n") >= 10
    corrected = Pipeline(["layout"]).run(ocr).text
    assert corrected.replace("\u2e17", "-").split() == text.split()   # a compound keeps its "⸗", or "-" for "="


def test_a_line_ending_in_an_equals_sign_stays_where_the_text_sets_no_such_hyphen():
    # two options ending in "=" with their values on the next line, and one word broken so: no convention
    text = ("The settings are read from the file at start, and each may be given on the command line\n"
            "as well, where the value follows the option, as in --output-dir=\n"
            "build/docs or --cache=\nnone, and the defaults are described in the manual's own sec=\n"
            "tion on configuration, which also lists the settings that a user may not change at all.\n")
    corrected = Pipeline(["layout"]).run(text).text
    assert "--output-dir=\nbuild/docs" in corrected and "--cache=\nnone" in corrected and "section" in corrected


@pytest.mark.parametrize("separator", ["\f", "\n\n", "\n"], ids=["form feeds", "blank lines", "nothing"])
@pytest.mark.parametrize("rule", ["_" * 40, "—" * 30, "-" * 36], ids=["underscores", "dashes", "hyphens"])
def test_a_rule_under_each_running_head_goes_with_it(separator, rule):
    # many books set a rule under the running head; OCR reads it as a line of one mark
    ocr, text = hand_press_book(separator)
    ruled = "\n".join(line + ("\n" + rule if line.lstrip("\f").startswith(("24 ", "26 ", "28 ", "Chap. 3.")) else "")
                      for line in ocr.split("\n"))
    corrected = Pipeline(["layout"]).run(ruled).text
    assert rule not in corrected and cer(text, corrected) == 0


def test_a_rule_between_sections_stays():
    lines = textwrap.wrap(HISTORY, 50)
    text = "\n".join(lines[:8] + ["", "_" * 30, ""] + lines[8:]) + "\n"
    assert "\n" + "_" * 30 + "\n" in Pipeline(["layout"]).run(text).text


def test_a_word_broken_across_the_two_lines_of_a_headline_in_capitals_is_joined():
    # a paper's headline set in capitals on two lines of a narrow column; a word the lexicon does not know, or
    # lines in capitals that are no headline (a table's), are not joined
    column = textwrap.wrap(HISTORY[:1200], 34)
    text = "\n".join(["GREAT FIRE AT THE EXHIBI-", "TION BUILDINGS.", ""] + column[:10]
                     + ["", "MEETING OF THE AGRICUL-", "TURAL SOCIETY.", ""] + column[10:]
                     + ["", "LETTER FROM MR. HAZLED-", "INGE OF WROXETER.", ""]) + "\n"
    corrected = Pipeline(["layout"]).run(text).text
    assert "GREAT FIRE AT THE EXHIBITION BUILDINGS.\n" in corrected
    assert "\nMEETING OF THE AGRICULTURAL SOCIETY.\n" in corrected
    assert "HAZLED-\nINGE" in corrected


def test_a_table_row_recurring_at_two_page_edges_is_no_running_head():
    # an almanac month (written for this test): each day's row wraps, and the piece of a row that ends one page
    # and the piece that begins a later one hold the same words with other figures ("17m. Tide 4h 22m." and
    # "38m. Tide 9h 5m."); a head is a title, a page number or both, not a line of figures and units
    days = "Mon Tue Wed Thu Fri Sat Sun".split()
    rows = [f"{day} {days[day % 7]}. Sunrise {6 + day % 3}h {10 + day}m, sunset {4 + day % 2}h {20 + day}m. "
            f"Moonrise {day % 12}h {17 + day}m. Tide {day % 11 + 1}h {(7 * day) % 60}m." for day in range(1, 31)]
    lines = [line for row in rows for line in textwrap.wrap(row, 52)]
    first, third = lines[:18] + ["10m. Tide 4h 22m."], ["38m. Tide 9h 5m.", *lines[36:48]]
    pages = [first, ["THE GARDENER'S ALMANACK FOR 1871. 41", "", *lines[18:36]],
             ["THE GARDENER'S ALMANACK FOR 1871. 42", "", *third],
             ["THE GARDENER'S ALMANACK FOR 1871. 43", "", *lines[48:]]]
    corrected = Pipeline(["layout"]).run("\f".join("\n".join(page) + "\n" for page in pages)).text
    assert "10m. Tide 4h 22m." in corrected and "38m. Tide 9h 5m." in corrected
    assert "ALMANACK" not in corrected


def test_running_heads_inside_a_line_of_joined_pages_go():
    # the same head with a rising page number, or without the number OCR lost; the first page breaks a word; the
    # last page's number follows the text's last sentence
    words = (HISTORY + " " + HISTORY).split()
    cut = words.index("Disease")
    text = (" ".join(words[:cut]) + " Dis- 24 THE HISTORY OF ASHCOMBE. ease " + " ".join(words[cut + 1:cut + 200])
            + " 26 THE HISTORY OF ASHCOMBE. " + " ".join(words[cut + 200:cut + 400])
            + " THE HISTORY OF ASHC0MBE. " + " ".join(words[cut + 400:]) + " 27\n")   # the last page's foot
    corrected = Pipeline(["layout"]).run(text).text
    assert "ASHCOMBE" not in corrected and "ASHC0MBE" not in corrected
    assert " ".join(corrected.split()) == " ".join((HISTORY + " " + HISTORY).split())


@pytest.mark.parametrize("heads", [
    ["24 THE HISTORY OF ASHCOMBE.", "23 THE HISTORY OF ASHCOMBE."],   # no page counts down
    ["1 THE TOWN AND ITS MARKET", "2 THE TOWN AND ITS CHARITIES"],    # a text's numbered sections
    ["at 14 HIGH STREET, ASHCOMBE,", "at 15 HIGH STREET, ASHCOMBE,"],  # an address in the sentence
], ids=["counting down", "sections", "addresses"])
def test_words_in_capitals_with_numbers_inside_a_long_line_that_are_no_running_heads_stay(heads):
    words = (HISTORY + " " + HISTORY).split()
    text = " ".join(words[:150] + [heads[0]] + words[150:350] + [heads[1]] + words[350:]) + "\n"
    assert Pipeline(["layout"]).run(text).text == text


def test_a_title_in_capitals_before_its_numbered_heads_stays():
    words = HISTORY.split()
    text = " ".join(["THE HISTORY OF ASHCOMBE."] + words[:200] + ["25 THE HISTORY OF ASHCOMBE."] + words[200:]) + "\n"
    corrected = Pipeline(["layout"]).run(text).text
    assert corrected.startswith("THE HISTORY OF ASHCOMBE. The Magistrates") and corrected.count("ASHCOMBE") == 1


def test_a_head_met_once_that_repeats_the_title_inside_a_line_of_joined_pages_goes():
    # a two-page article: the second page's head repeats the title in capitals (cut short, ending in a comma) after
    # the first page's number, and the sentence after it opens with "A"; the title itself stays
    words = HISTORY.split()
    text = " ".join(["The History of Ashcombe, with an Account of its Charities."] + words[:200]
                    + ["25 THE HISTORY OF ASHCOMBE, WITH AN", "A"] + words[201:]) + "\n"
    corrected = Pipeline(["layout"]).run(text).text
    assert corrected.count("ASHCOMBE") == 0 and corrected.startswith("The History of Ashcombe, with")
    assert f"{words[199]} A {words[201]}" in corrected


def pages_joined_by_blank_lines(separator: str, heads: list[str], feet: list[str]) -> str:
    """The history's first pages (ten lines of 60 characters), each under its head and over its foot (empty
    strings for none), joined as plain text joins a book's OCR'd pages: with blank lines, no form feed."""
    lines = textwrap.wrap(HISTORY, 60)
    pages = [lines[i:i + 10] for i in range(0, 10 * len(heads), 10)]
    return separator.join("\n\n".join(filter(None, [head, "\n".join(page), foot]))
                          for head, page, foot in zip(heads, pages, feet))


@pytest.mark.parametrize("separator", ["\n\n", "\n\n\n"], ids=["one blank line", "two blank lines"])
@pytest.mark.parametrize("heads, feet", [
    (["", "THE HISTORY OF ASHCOMBE 25"], ["24", ""]),
    (["THE CHARITIES OF ASHCOMBE", "THE CHARITIES OF ASHCOMBE"], ["130", ""]),
    (["", "25 THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE"], ["", "26", "27"]),
], ids=["foot and numbered head", "one foot number", "numbers and a head"])
def test_page_numbers_and_heads_of_pages_joined_by_blank_lines_go(separator, heads, feet):
    # a page number standing alone where a sentence runs on across blank lines, or a foot's number with the
    # next page's head carrying the next, marks a page break as a form feed does
    ocr = pages_joined_by_blank_lines(separator, heads, feet)
    corrected = Pipeline(["layout"]).run(ocr).text
    title = heads[0] + " " if heads[0] else ""
    assert cer(title + " ".join(textwrap.wrap(HISTORY, 60)[:10 * len(heads)]), corrected) == 0


def test_numbered_chapters_between_finished_paragraphs_stay():
    # numbered like pages and a page apart, but between finished sentences
    chapter = "\n".join(textwrap.wrap(HISTORY[:HISTORY.index(". ", 600) + 1], 60))
    text = "".join(f"CHAPTER {n}\n\n{chapter}\n\n" for n in range(1, 4))
    assert Pipeline(["layout"]).run(text).text.split() == text.split()


def pages_with_feet(heads: list[str], feet: list[str], *, under: bool, title: str = "The History of Ashcombe") -> str:
    """The history's first pages (ten lines of 60 characters) after the text's title, each foot's number set under the
    page's last line (``under``: as RapidOCR gives it, no blank line before) or after a blank line, and the next
    page's head after a blank line."""
    lines = textwrap.wrap(HISTORY, 60)
    pages = ["\n".join(lines[i:i + 10]) for i in range(0, 10 * len(heads), 10)]
    parts = [title]
    for head, page, foot in zip(heads, pages, feet):
        parts += [head, page + ("\n" + foot if under else "\n\n" + foot) if foot else page]
    return "\n\n".join(filter(None, parts)) + "\n"


@pytest.mark.parametrize("heads, feet, under", [
    (["", "THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE"], ["24", "25", ""], True),
    (["", "THE HISTORY OF ASHCOMBE. CHAPTER III", "THE HISTORY OF ASHCOMBE. CHAPTER 1"], ["24", "25", "26"], False),
    (["", "25 THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE"], ["24", "", ""], False),
    (["", "THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE"], ["", "", ""], False),
], ids=["feet under the text", "a chapter's number misread in the head", "a head whose number was lost", "no numbers"])
def test_feet_and_heads_of_pages_joined_by_blank_lines_go(heads, feet, under):
    # a foot's number right under the page's last line, over the next page's head; heads whose chapter number
    # ("CHAPTER 1", OCR's misread "III") does not count with the pages' feet; a head that lost its number; pages
    # whose numbers were all lost, under heads repeating the title inside sentences
    corrected = Pipeline(["layout"]).run(pages_with_feet(heads, feet, under=under)).text
    assert cer("The History of Ashcombe " + " ".join(textwrap.wrap(HISTORY, 60)[:10 * len(heads)]), corrected) == 0


@pytest.mark.parametrize("join", ["blank lines, no numbers", "one newline, numbered", "one newline, no blank lines"])
def test_heads_with_a_capital_misread_as_a_small_letter_of_pages_joined_without_form_feeds_go(join):
    # OCR reads a capital I of a head as a small l ("THE HlSTORY"): a head in capitals all the same
    if join == "blank lines, no numbers":
        text = pages_with_feet(["", "THE HlSTORY OF ASHCOMBE", "THE HlSTORY OF ASHCOMBE"], ["", "", ""], under=False)
    else:
        text = pages_joined_by_one_newline(["", "THE HlSTORY OF ASHCOMBE 25", "26 THE HlSTORY OF ASHCOMBE"], ["", "", ""],
                                           blank_lines=join == "one newline, numbered")
    corrected = Pipeline(["layout"]).run(text).text
    assert cer("The History of Ashcombe " + " ".join(textwrap.wrap(HISTORY, 60)[:30]), corrected) == 0


def test_a_misread_foot_over_the_titles_head_of_pages_joined_by_blank_lines_goes():
    # feet OCR misread ("I24", "I25") right under the pages' last lines, one over the head repeating the title
    corrected = Pipeline(["layout"]).run(pages_with_feet(["", "THE HISTORY OF ASHCOMBE"], ["I24", "I25"], under=True)).text
    assert cer("The History of Ashcombe " + " ".join(textwrap.wrap(HISTORY, 60)[:20]), corrected) == 0


def pages_joined_by_one_newline(heads: list[str], feet: list[str], *, blank_lines: bool) -> str:
    """The history's first pages (ten lines of 60 characters) after the text's title, each under its head and over its
    foot (empty strings for none), as an engine gives a page: with a blank line around the head and before the foot
    (``blank_lines``, as Tesseract) or none (as RapidOCR); the pages joined by one newline, no form feed."""
    lines = textwrap.wrap(HISTORY, 60)
    gap = "\n\n" if blank_lines else "\n"
    pages = [gap.join(filter(None, [head, "\n".join(lines[i:i + 10]), foot]))
             for head, foot, i in zip(heads, feet, range(0, 10 * len(heads), 10))]
    return "The History of Ashcombe" + gap + "\n".join(pages) + "\n"


@pytest.mark.parametrize("heads, feet, blank_lines", [
    (["", "THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE"], ["24", "25", ""], True),
    (["", "THE HISTORY OF ASHCOMBE 25", "26 THE HISTORY OF ASHCOMBE"], ["", "", ""], True),
    (["", "THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE"], ["24", "25", ""], False),
    (["", "THE HISTORY OF ASHCOMBE 25", "THE HISTORY OF ASHCOMBE"], ["", "", ""], True),
    (["", "THE HISTORY OF ASHCOMBE 25", "26 THE HISTORY OF ASHCOMBE"], ["", "", ""], False),
], ids=["feet over heads", "numbered heads", "no blank lines", "a head that lost its number", "numbered heads, no blank lines"])
def test_page_numbers_and_heads_of_pages_joined_by_one_newline_go(heads, feet, blank_lines):
    # the last page's foot right over the next page's head, or a numbered head right under the last page's line,
    # with no blank line between
    corrected = Pipeline(["layout"]).run(pages_joined_by_one_newline(heads, feet, blank_lines=blank_lines)).text
    assert cer("The History of Ashcombe " + " ".join(textwrap.wrap(HISTORY, 60)[:10 * len(heads)]), corrected) == 0


@pytest.mark.parametrize("heads, feet, blank_lines", [
    (["", "THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE"], ["24\n' .", "25\n~ ,", ""], True),
    (["", "THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE"], ["24\n' .", "25\n~ ,", ""], False),
    (["", ", '\nTHE HISTORY OF ASHCOMBE 25", ". '\n26 THE HISTORY OF ASHCOMBE"], ["", "", ""], True),
], ids=["feet over heads", "no blank lines", "numbered heads"])
def test_specks_at_the_edges_of_pages_joined_by_one_newline_hide_no_page_break(heads, feet, blank_lines):
    # a scan's dirt read as a line of marks between a page's foot and the next page's head, or over the head: the pages
    # are found as without it
    corrected = Pipeline(["layout"]).run(pages_joined_by_one_newline(heads, feet, blank_lines=blank_lines)).text
    assert cer("The History of Ashcombe " + " ".join(textwrap.wrap(HISTORY, 60)[:10 * len(heads)]), corrected) == 0


@pytest.mark.parametrize("feet", [["sd", "", ""], ["aye", "", ""], ["sd", "Ro", ""]], ids=["speck", "number", "both"])
def test_numbered_heads_of_pages_joined_by_one_newline_under_a_misread_foot_go(feet):
    # the last page's foot as OCR misread it (letters: "aye" for "57", a speck read as "sd"), after a blank line and
    # right over the next page's numbered head: the head stands under the page's last full line all the same
    text = pages_joined_by_one_newline(["", "THE HISTORY OF ASHCOMBE 25", "26 THE HISTORY OF ASHCOMBE"], feet, blank_lines=True)
    assert "ASHCOMBE" not in Pipeline(["layout"]).run(text).text


@pytest.mark.parametrize("marker", ["\n\n--- Page {} ---\n\n", "\n[Page {}]\n", "\n\nPage {}\n\n", "\n\n---\n\n", "\n---\n"],
                         ids=["dashes", "brackets", "bare", "markdown rule", "rule, no blank lines"])
def test_pages_joined_by_a_tools_page_markers_lose_their_heads_and_feet(marker):
    # a tool's marker line between the pages names the next page, or a markdown rule stands between them: the pages are
    # read as at form feeds, so each page's foot and head go too
    lines = textwrap.wrap(HISTORY, 60, break_on_hyphens=False)
    pages = [f"THE HISTORY OF ASHCOMBE\n\n" + "\n".join(lines[i:i + 10]) + f"\n\n{23 + i // 10}" for i in (0, 10, 20)]
    text = pages[0] + "".join(marker.format(n) + page for n, page in enumerate(pages[1:], start=2)) + "\n"
    assert Pipeline(["layout"]).run(text).text.split() == " ".join(lines[:30]).split()


@pytest.mark.parametrize("marker", ["\n\n<!-- page {} -->\n\n", "\n<!-- Page {} -->\n", "\n\n<!-- Page {} of 3 -->\n\n",
                                    "\n\n<!-- PageBreak -->\n\n", '\n<!-- PageNumber="{}" -->\n<!-- PageBreak -->\n',
                                    "\n\n---\n\n<!-- page {} -->\n\n"],
                         ids=["comment", "comment one newline", "of", "page break", "number and break", "rule and comment"])
def test_pages_joined_by_page_markers_in_html_comments_lose_them_and_their_heads_and_feet(marker):
    # a converter's or a VLM's page markers in HTML comments end pages as form feeds do; they are markup, not the
    # book's text, and go with the heads and feet
    lines = textwrap.wrap(HISTORY, 60, break_on_hyphens=False)
    pages = [f"THE HISTORY OF ASHCOMBE\n\n" + "\n".join(lines[i:i + 10]) + f"\n\n{23 + i // 10}" for i in (0, 10, 20)]
    text = "<!-- page 1 -->\n" + pages[0] + "".join(marker.format(n) + page for n, page in enumerate(pages[1:], start=2))
    assert Pipeline(["layout"]).run(text).text.split() == " ".join(lines[:30]).split()


@pytest.mark.parametrize("separator", ["\f", "\n\n"], ids=["form feed", "blank line"])
@pytest.mark.parametrize("foot", ["Ro", "s3", "8;"])
def test_a_misread_foot_between_the_halves_of_a_word_broken_at_the_page_end_goes(foot, separator):
    # the page number OCR misread stands between "dis-" and "covered": it goes, and the word is joined across it
    lines = textwrap.wrap(HISTORY, 60, break_on_hyphens=False)
    first = ("THE HISTORY OF ASHCOMBE  81\n\n" + "\n".join(lines[:11])
             + f"\nso strictly observed, that it was dis-\n\n{foot}\n")
    second = "THE HISTORY OF ASHCOMBE\n\ncovered in a short Time. " + "\n".join(lines[11:22]) + "\n\n84\n"
    corrected = Pipeline(["layout"]).run(first + separator + second).text
    assert "that it was discovered in a short Time." in corrected and foot not in corrected.split()


@pytest.mark.parametrize("head, foot", [
    ('<!-- PageHeader="THE HISTORY OF ASHCOMBE" -->\n\n', '\n\n<!-- PageFooter="{}" -->'),
    ("", '\n<!-- PageFooter="CONFIDENTIAL" -->'),
    ("THE HISTORY OF ASHCOMBE\n\n", '\n\n{}\n\n<!-- PageFooter="CONFIDENTIAL" -->'),
    ('<!-- PageHeader="THE HISTORY OF ASHCOMBE" -->\n', "\n\n{}"),
    # a converter wraps a long comment, or a head or foot of two printed lines keeps its line break in the value: the
    # comment is read whole, as on one line
    ('<!--\nPageHeader="THE HISTORY OF ASHCOMBE"\n-->\n\n', '\n\n<!-- PageFooter="{}" -->'),
    ('<!-- PageHeader="THE HISTORY\nOF ASHCOMBE" -->\n', '\n<!-- PageFooter="Page {}\nof 3" -->'),
    ("THE HISTORY OF ASHCOMBE\n\n", '\n\n{}\n<!--\n  PageBreak\n-->'),
], ids=["head and foot", "foot only", "printed head and foot, comment foot", "head only",
        "comment over three lines", "values over two lines", "page break over three lines"])
def test_running_heads_and_feet_in_html_comments_go_and_end_pages(head, foot):
    # a document-intelligence converter's markdown gives a page's running head and foot in comments
    # ('<!-- PageHeader="..." -->'): they are the page's furniture, and its edges, so a printed head or foot beside them
    # goes too
    lines = textwrap.wrap(HISTORY, 60, break_on_hyphens=False)
    text = "\n".join(head + "\n".join(lines[i:i + 10]) + foot.format(1 + i // 10) for i in (0, 10, 20))
    corrected = Pipeline(["layout"]).run(text)
    assert corrected.text.split() == " ".join(lines[:30]).split()


def test_html_comments_that_mark_no_page_stay():
    # a note in a comment ("<!-- figure omitted -->"; "<!-- page two -->" names no page by its number) is the
    # document's: it stays, and no page ends there, so no head or foot is looked for around it
    lines = textwrap.wrap(HISTORY, 60, break_on_hyphens=False)
    text = "\n\n".join(["THE HISTORY OF ASHCOMBE", "\n".join(lines[:10]), "<!-- figure omitted: PageHeader -->",
                        "THE HISTORY OF ASHCOMBE", "\n".join(lines[10:20]), "<!-- page two -->", "\n".join(lines[20:30])])
    assert Pipeline(["layout"]).run(text).text.split() == text.split()


def test_a_catchword_over_a_markdown_rule_between_pages_goes():
    # a typescript's pages given as markdown, a "---" rule between them: its "- 2 -" marks the page, and the catchword
    # over the rule is still the page's last line of text
    letter = "\n".join(textwrap.wrap(HISTORY[:900], 60, break_on_hyphens=False))
    rest = "\n".join(textwrap.wrap(HISTORY[900:1500], 60, break_on_hyphens=False))
    word = rest.split()[0]
    text = f"{letter}\n\n/{word}\n\n---\n\n- 2 -\n\n{rest}\n"
    corrected = Pipeline(["layout"]).run(text).text
    assert f"/{word}" not in corrected and "- 2 -" not in corrected


def test_a_title_repeated_inside_sentences_of_text_without_blank_lines_stays():
    # no blank lines (as RapidOCR gives a page), the title in capitals set as a display line inside running sentences a
    # page apart: no number and no word broken across it says a page ends there
    lines = textwrap.wrap(HISTORY, 60)
    text = "The History of Ashcombe\n" + "".join(
        "\n".join(lines[i:i + 10]) + "\nTHE HISTORY OF ASHCOMBE\n" for i in (0, 10, 20) if not lines[i + 9].endswith(".")) + "the end.\n"
    assert Pipeline(["layout"]).run(text).text.count("THE HISTORY OF ASHCOMBE") == text.count("THE HISTORY OF ASHCOMBE") > 1


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank line", "one newline"])
def test_numbered_songs_under_titles_of_their_own_stay(separator):
    # a number over each song's own title, the songs ending in a comma as the pages' sentences run on: no head
    # repeats the book's title, so the numbers count no pages
    verse = "\n".join(["The evening falls upon the quiet hill,", "And all the valley lies in shadow still,",
                       "The shepherd calls his flock across the lea,", "And far below the river finds the sea,"] * 3)
    titles = ["AT EVENING", "THE HARVEST HOME", "FOR THOSE AT SEA", "THE PILGRIM WAY"]
    text = "Hymns for the Village Church\n\n" + separator.join(
        f"{n}\n{title}\n\n{verse}\n" for n, title in zip(range(101, 105), titles))
    assert Pipeline(["layout"]).run(text).text.split() == text.split()


def test_a_letters_heading_ending_in_a_year_under_its_salutation_stays():
    # "1947" at the heading's end, under "Dear Sir," and over a blank line: no page's head
    body = "\n".join(textwrap.wrap(HISTORY[:1200], 60))
    text = f"Whitworth, Kaye & Partners\n\nDear Sir,\nACCOUNTS FOR THE YEAR ENDED 31st DECEMBER 1947\n\n{body}\n"
    assert "DECEMBER 1947" in Pipeline(["layout"]).run(text).text


@pytest.mark.parametrize("head", ["25\n\nTHE HISTORY OF ASHCOMBE", "25. THE HISTORY OF ASHCOMBE",
                                  "25THE HISTORY OF ASHCOMBE"], ids=["apart", "mark", "title"])
def test_pages_joined_by_blank_lines_that_end_between_sentences_under_the_titles_head_go(head):
    # one page ends inside a sentence, the next at a sentence's end; each page's head repeats the title, the second's
    # number apart from it or glued to a mark or to its words (going on with the count)
    words = HISTORY.split()
    end = next(n for n in range(200, len(words)) if words[n - 1].endswith("."))
    pages = ["\n".join(textwrap.wrap(" ".join(part), 60)) for part in (words[:100], words[100:end], words[end:end + 60])]
    ocr = (f"The History of Ashcombe, with its Charities\n\n{pages[0]}\n\n24\n\nTHE HISTORY OF ASHCOMBE\n\n{pages[1]}"
           f"\n\n{head}\n\n{pages[2]}\n")
    corrected = Pipeline(["layout"]).run(ocr).text
    assert corrected.split() == ["The", "History", "of", "Ashcombe,", "with", "its", "Charities"] + words[:end + 60]


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank line", "one newline"])
def test_two_pages_breaking_between_sentences_under_the_titles_head_and_closed_by_a_foot_go(separator):
    # a report of two pages whose one break falls between sentences: the number after the text's last line, going on
    # with the count, is the last page's foot, so the numbers are feet and the head under the first one repeats the title
    words = HISTORY.split()
    end = next(n for n in range(150, len(words)) if words[n - 1].endswith("."))
    pages = ["\n".join(textwrap.wrap(" ".join(part), 60)) for part in (words[:end], words[end:end + 120])]
    ocr = (f"The History of Ashcombe, with its Charities\n\n{pages[0]}\n\n49{separator}THE HISTORY OF ASHCOMBE\n\n"
           f"{pages[1]}\n\n50\n")
    corrected = Pipeline(["layout"]).run(ocr).text
    assert corrected.split() == ["The", "History", "of", "Ashcombe,", "with", "its", "Charities"] + words[:end + 120]


def test_numbered_sections_repeating_the_title_between_finished_paragraphs_stay():
    # numbered like glued heads, counting up a page apart, but between finished sentences
    chapter = "\n".join(textwrap.wrap(HISTORY[:HISTORY.index(". ", 600) + 1], 60))
    text = "The History of Ashcombe\n\n" + "".join(f"{n}. THE HISTORY OF ASHCOMBE\n\n{chapter}\n\n" for n in range(1, 5))
    assert Pipeline(["layout"]).run(text).text.split() == text.split()


def test_numbered_items_under_the_titles_heading_stay():
    # songs of a book, each numbered and headed with the book's title in capitals: no sentence runs on between them
    # (the title over the first number, ending in a small letter, runs on into nothing)
    verse = "\n".join(["The wind comes in across the bay,", "and all the boats are out today;",
                       "the gulls are crying on the sand,", "and night comes down upon the land."] * 3)
    text = "Songs of the Western Shore\n\n" + "\n\n".join(f"{n}\n\nSONG OF THE WESTERN SHORE\n\n{verse}" for n in (1, 2, 3, 4))
    assert Pipeline(["layout"]).run(text + "\n").text.split() == text.split()


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "no blank lines"])
def test_numbered_items_under_the_titles_heading_ending_in_the_next_number_stay(separator):
    # an excerpt of numbered songs, each number over the heading that repeats the book's title, cut off after the next
    # song's number: the last number closes the text as a foot would, but the first stands over the first song
    verse = "\n".join(textwrap.wrap(HISTORY[:HISTORY.index(". ", 500) + 1], 60))
    text = "Songs of the Western Shore\n\n" + "\n\n".join(f"{n}\n\nSONGS OF THE WESTERN SHORE\n\n{verse}" for n in (1, 2))
    text = (text + "\n\n3\n").replace("\n\n", separator)
    assert Pipeline(["layout"]).run(text).text.split() == text.split()


def test_a_typewriters_catchword_over_the_next_pages_garbled_number_goes():
    # plain text: "/We" at a page's foot, the next page's "- 2 -" read as "Qo", then the announced word
    letter = "\n".join(textwrap.wrap(HISTORY[:700], 60))
    ocr = f"{letter}\nKindly let us have your instructions by return of post.\n\n/We\n\n\nQo\n\nWe are, dear Sirs,\nYours faithfully,\n"
    corrected = Pipeline(["layout"]).run(ocr).text
    assert "/We" not in corrected and "post. Qo We are" in " ".join(corrected.split())


@pytest.mark.parametrize("first_foot, second_foot", [("83", "Ro"), ("8S", None)], ids=["two heads", "one head"])
def test_heads_repeating_the_title_under_a_misread_foot_of_pages_joined_by_blank_lines_go(first_foot, second_foot):
    # pages joined by blank lines, each head under the last page's foot as OCR read it ("83", "8S", or letters set alone:
    # "Ro" for "84"), the sentence running on across it; the first head splits a word broken at a hyphen ("dis-" /
    # "covered"), enough for one head alone
    lines = textwrap.wrap(HISTORY, 60, break_on_hyphens=False)
    pages = ["\n".join(lines[:10]) + " dis-", "covered " + "\n".join(lines[10:22]), "\n".join(lines[22:])]
    second = f"\n\n{second_foot}\n\nTHE HISTORY OF ASHCOMBE\n\n" if second_foot else "\n"
    text = (f"The History of Ashcombe\n\n{pages[0]}\n\n{first_foot}\n\nTHE HISTORY OF ASHCOMBE\n\n{pages[1]}{second}{pages[2]}\n")
    corrected = Pipeline(["layout"]).run(text).text
    assert "ASHCOMBE" not in corrected and "83" not in corrected
    assert second_foot is None or " discovered " in corrected


@pytest.mark.parametrize("title", ["The Anglo-Levantine Trading Company", "THE ANGLO-LEVANTINE TRADING COMPANY"])
@pytest.mark.parametrize("lead_in, after", [("yours faithfully, for and on behalf of", "W. Grundy, Secretary"),
                                            ("The directors have the honour to report that the affairs of",
                                             "have prospered during the year.")], ids=["signed letter", "display line"])
def test_the_title_once_in_capitals_inside_a_sentence_without_page_numbers_stays(lead_in, after, title):
    # no number says a page breaks there: a firm's name signing a letter, or set as a display line (under the name as
    # the text's title, or as a letterhead in capitals)
    body = "\n".join(textwrap.wrap(HISTORY[:900], 60))
    text = f"{title}\n\n{body}\n\nWe remain, dear Sirs, {lead_in}\n\nTHE ANGLO-LEVANTINE TRADING COMPANY\n\n{after}\n"
    name = "THE ANGLO-LEVANTINE TRADING COMPANY"
    assert Pipeline(["layout"]).run(text).text.count(name) == text.count(name)


def test_a_comment_over_several_lines_that_marks_no_page_stays():
    lines = textwrap.wrap(HISTORY, 60, break_on_hyphens=False)
    text = "\n".join(lines[:10]) + "\n<!--\nPageHeader missing on this page\n-->\n" + "\n".join(lines[10:20])
    corrected = Pipeline(["layout"]).run(text).text
    assert "<!--\nPageHeader missing on this page\n-->" in corrected


def pages_under_a_garbled_head(marker: str) -> tuple[str, str]:
    """Three pages of the history joined by ``marker`` (formatted with the next page's number), and their text: the
    second page's head garbled and unnumbered, found only as the page's first line; the third's numbered."""
    lines = textwrap.wrap(HISTORY, 60, break_on_hyphens=False)
    heads, feet = ["The History of Ashcombe. Chapter V", "THE HISTORY OF ASHC0MBE.", "25 THE HISTORY OF ASHCOMBE."], ["23", "", ""]
    pages = [head + "\n\n" + "\n".join(lines[i:i + 10]) + (f"\n\n{foot}" if foot else "")
             for head, foot, i in zip(heads, feet, (0, 10, 20))]
    text = pages[0] + "".join(marker.format(n) + page for n, page in enumerate(pages[1:], start=2)) + "\n"
    return text, heads[0] + " " + " ".join(lines[:30])


@pytest.mark.parametrize("marker", ["\f--- Page {} ---\n\n", "\n\n--- Page {} ---\n\f", "\f<!-- page {} -->\n",
                                    "\n<!-- page {} -->\f", "\f[Page {}]\n"],
                         ids=["dashes after", "dashes before", "comment after", "comment before", "brackets after"])
def test_a_tools_page_markers_beside_form_feeds_go_with_the_pages_heads_and_feet(marker):
    # a tool writes its page marker and a form feed: the marker is the tool's, not the page's first or last line, so
    # the page's printed head and foot are read past it
    text, expected = pages_under_a_garbled_head(marker)
    assert Pipeline(["layout"]).run(text).text.split() == expected.split()


@pytest.mark.parametrize("marker", ["\f<!--\npage {}\n-->\n", "\n<!--\npage {}\n-->\f",
                                    '\f<!--\nPageHeader="THE HISTORY OF ASHCOMBE"\n-->\n', '\n<!--\nPageFooter="{}"\n-->\f'],
                         ids=["page after", "page before", "head after", "foot before"])
def test_a_page_comment_over_several_lines_beside_a_form_feed_goes_with_the_pages_heads_and_feet(marker):
    # the tool wrapped its comment over lines: read whole, it is the tool's marker at the page's edge, as on one line
    text, expected = pages_under_a_garbled_head(marker)
    assert Pipeline(["layout"]).run(text).text.split() == expected.split()


def test_a_comment_over_several_lines_beside_a_form_feed_that_marks_no_page_stays():
    text, _ = pages_under_a_garbled_head("\f<!--\nfigure omitted\n-->\n")
    assert "<!--\nfigure omitted\n-->" in Pipeline(["layout"]).run(text).text


@pytest.mark.parametrize("marker", ["\n<!-- page {} -->", "<!-- page {} -->\n", "\n--- Page {} --- ", " --- Page {} ---\n",
                                    '\n<!-- PageHeader="THE HISTORY OF ASHCOMBE" -->'],
                         ids=["comment, page run on", "comment run on to the page", "dashes, page run on",
                              "dashes run on to the page", "head comment, page run on"])
def test_a_page_marker_run_on_into_a_line_of_text_is_read_as_its_own_line(marker):
    # a tool's page marker with the page's first line (or the last page's last line) run on into it, where a newline
    # was lost: the pages are found at it all the same, and it goes with the heads and feet
    text, expected = pages_under_a_garbled_head(marker)
    assert Pipeline(["layout"]).run(text).text.split() == expected.split()


def test_a_comment_or_dashes_inside_a_sentence_that_mark_no_page_stay():
    text = "The figures -- page 12 of the report -- were read <!-- see note --> at the meeting.\n"
    assert Pipeline(["layout"]).run(text).text == text


@pytest.mark.parametrize("marker", ["\n\n* * *\n\n", "\n* * *\n", "\n\n- - -\n\n"], ids=["asterism", "no blank lines", "dashes"])
def test_an_asterism_between_pages_inside_a_sentence_goes_with_the_heads(marker):
    # marks spaced out on a line of their own between pages (a markdown thematic break): the pages' heads and feet are
    # found as beside a rule; where the sentence runs on across them, they are the tool's page separator, and go
    text, expected = pages_under_a_garbled_head(marker)
    assert Pipeline(["layout"]).run(text).text.split() == expected.split()


@pytest.mark.parametrize("marker", ["\n\n* * *\n\n", "\n* * *\n"], ids=["asterism", "no blank lines"])
def test_an_asterism_between_pages_after_a_sentence_stays_as_a_section_break(marker):
    # the same marks between a sentence and the next may be the text's section break: they stay, on a line of their own
    sentences = [sentence + "." for sentence in HISTORY.split(". ")]
    first, second = ("\n".join(textwrap.wrap(" ".join(part), 60)) for part in (sentences[:3], sentences[3:6]))
    text = f"{first}\n\n23{marker}THE HISTORY OF ASHCOMBE  24\n\n{second}\n"
    corrected = Pipeline(["layout"]).run(text).text.strip()
    assert corrected.split("\n\n") == [" ".join(sentences[:3]), "* * *", " ".join(sentences[3:6])]


def excerpt_of_two_pages(heads: list[str], separator: str = "\n\n") -> tuple[str, str]:
    """Two pages of the history cut from a book, the first ending with a sentence (no sign of a break inside the
    text), each under its head, all joined by ``separator`` (no form feed, no title over the first page); and the
    history's words on them."""
    sentences = HISTORY.split(". ")
    pages = [". ".join(sentences[:4]) + ".", ". ".join(sentences[4:8]) + "."]
    text = separator.join(head + separator + "\n".join(textwrap.wrap(page, 60)) for head, page in zip(heads, pages))
    return text + "\n", " ".join(pages)


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_the_heads_of_two_facing_pages_in_an_excerpt_go(separator):
    # the left page's number at its head's start, the right page's at its end: the only heads an excerpt holds
    text, words = excerpt_of_two_pages(["24 THE HISTORY OF ASHCOMBE", "THE HISTORY OF ASHCOMBE 25"], separator)
    assert cer(words, Pipeline(["layout"]).run(text).text) == 0


@pytest.mark.parametrize("first_head", ["THE HISTORY OF ASHCOMBE", "24 THE HISTORY OF ASHCOMBE"])
def test_an_excerpt_opening_under_a_pages_head_loses_its_copy_on_the_next_page(first_head):
    # cut at a page's top: the first line is the page's head, its copy a page on stands inside a sentence, no number
    # under or beside it (lost, or cropped); the first stays, as an opening page's head does with form feeds
    lines = textwrap.wrap(HISTORY[HISTORY.index("the Relief"):], 60)
    text = "\n".join([first_head, ""] + lines[:11] + ["", "THE HISTORY OF ASHCOMBE", ""] + lines[11:20]) + "\n"
    with_form_feed = text.replace("\n\nTHE HISTORY", "\n\f\nTHE HISTORY")
    corrected = Pipeline(["layout"]).run(text).text
    assert corrected == Pipeline(["layout"]).run(with_form_feed).text
    assert "ASHCOMBE" not in corrected[len(first_head):] and "the Words of the Psalmist, and" in corrected


def test_numbered_headings_with_their_number_on_one_side_in_an_excerpt_stay():
    text, _ = excerpt_of_two_pages(["SECTION OF THE HISTORY 24", "SECTION OF THE HISTORY 25"])
    assert "SECTION OF THE HISTORY 25" in Pipeline(["layout"]).run(text).text


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_one_foot_over_the_titles_head_between_sentences_in_an_excerpt_of_two_pages_goes(separator):
    # the first page's foot and the next page's head repeating the title, where the page ends with its sentence: the
    # only break an excerpt of two pages holds (numbered songs under the title's heading carry a number over the first)
    text, words = excerpt_of_two_pages(["The History of Ashcombe, with its Charities", "THE HISTORY OF ASHCOMBE"])
    text = text.replace("\n\nTHE HISTORY", f"\n\n42{separator}THE HISTORY")   # the pages joined by the separator
    assert Pipeline(["layout"]).run(text).text.split() == \
        "The History of Ashcombe, with its Charities".split() + words.split()


def test_a_garbled_continuation_head_under_a_typewriters_marked_catchword_goes():
    # "/the" at the page's foot announces the next page's first word; the line between, the addressee and the date
    # as OCR garbled them past matching the first page's, is the next page's head
    letter = "\n".join(textwrap.wrap(HISTORY[:700], 60))
    ocr = (f"Mr A. Crosthwaite\nTreasury Chambers\n\n11 April 1977\n\nDear Andrew,\n\n{letter} that nothing should be "
           "done to delay\n\n/the\n\n» A. © costhwaits Esq ~ 205 11 Apr:1 1977\n\nthe commissioning of the terminal.\n")
    corrected = Pipeline(["layout"]).run(ocr).text
    assert "costhwaits" not in corrected and "/the" not in corrected and "delay the commissioning" in corrected


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
@pytest.mark.parametrize("heads", [["56 THE HISTORY OF ASHCOMBE", "58 THE HISTORY OF ASHCOMBE"],
                                   ["THE HISTORY OF ASHCOMBE 57", "THE HISTORY OF ASHCOMBE 59"]])
def test_the_heads_of_an_excerpt_two_pages_apart_go(separator, heads):
    # a left (or right) page's head and the one two pages on, the number at the same edge counting by two (the head
    # between garbled, or the page between left out), each page ending with its sentence
    text, words = excerpt_of_two_pages(heads, separator)
    assert cer(words, Pipeline(["layout"]).run(text).text) == 0


def test_a_garbled_copy_of_the_first_head_two_pages_on_goes():
    # OCR misread the copy ("ASHC0MBE"), so the two heads are not grouped as one; its number counting on by two at
    # the same edge says it is the left page's head two pages on, though the sentences end over it
    text, words = excerpt_of_two_pages(["56 THE HISTORY OF ASHCOMBE", "58 THE HISTORY OF ASHC0MBE"])
    assert cer(words, Pipeline(["layout"]).run(text).text) == 0


def test_a_titles_copy_under_a_misread_foot_after_a_short_line_goes():
    # the page's last line short (OCR lost its last words), the page's number misread under it ("M7"), the sentence
    # running on over the next page's head: the foot says a page ended, where a letter's "for" over the firm's name
    # in capitals has none
    lines = textwrap.wrap(HISTORY[HISTORY.index("the Relief"):], 60)
    short = " ".join(lines[10].split()[:2])
    text = "\n".join(["THE HISTORY OF ASHCOMBE", ""] + lines[:10] + [short, "", "M7", "", "THE HISTORY OF ASHCOMBE", ""]
                     + lines[11:20]) + "\n"
    corrected = Pipeline(["layout"]).run(text).text
    assert "ASHCOMBE" not in corrected[len("THE HISTORY OF ASHCOMBE"):] and "M7" not in corrected


def test_heads_garbled_each_their_own_way_go_where_one_numbered_head_breaks_a_page():
    # the first line garbled past matching ("M" for "24"), the third page's number read as small letters ("at" for
    # "26"): the second page's head, with its number, is what the third copies; the first then recurs on both
    heads = ["M THE HISTRY OF ASHIE NBE", "THE HISTORY OF ASHCOMBE 25", "at THE HISTORY OF ASHCOMBE"]
    lines = textwrap.wrap(HISTORY, 60)
    text = "\n\n".join(head + "\n\n" + "\n".join(lines[11 * n:11 * n + 11]) for n, head in enumerate(heads)) + "\n"
    corrected = Pipeline(["layout"]).run(text).text
    assert not any(head in corrected for head in heads)


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_short_titles_copies_under_the_feet_of_pages_go(separator):
    # "The Relief": too short a title to find inside a head, but copied whole in capitals under each page's foot,
    # the feet counting up a page into the text with none over the first page, each page ending with its sentence
    sentences = HISTORY.split(". ")
    pages = [". ".join(sentences[n:n + 3]) + "." for n in (0, 3, 6)]
    feet = ["", f"\n\n112{separator}THE RELIEF\n\n", f"\n\n113{separator}THE RELIEF\n\n"]
    text = "The Relief\n\n" + "".join(foot + "\n".join(textwrap.wrap(page, 60)) for foot, page in zip(feet, pages))
    assert Pipeline(["layout"]).run(text + "\n").text.split() == ["The", "Relief"] + " ".join(pages).split()


def test_a_short_titles_copy_over_a_numbered_section_of_its_own_stays():
    # a number over the first page too: numbered sections under one heading, no feet
    sentences = HISTORY.split(". ")
    pages = [". ".join(sentences[n:n + 3]) + "." for n in (0, 3, 6)]
    text = "The Relief\n\n" + "".join(f"{number}\n\nTHE RELIEF\n\n" + "\n".join(textwrap.wrap(page, 60)) + "\n\n"
                                      for number, page in zip((111, 112, 113), pages))
    assert Pipeline(["layout"]).run(text).text.count("THE RELIEF") == 3
