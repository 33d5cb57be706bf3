"""The layout strategy: de-hyphenation, reflow, page furniture, page breaks, markdown markers.

Real OCR comes from tests/data/layout (pages typeset with Pillow and read by
Tesseract 5; see make_fixtures.py there) and the seed letter.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from ocrfix import strategies
from ocrfix.pipeline import Pipeline, correct
from ocrfix.strategies.layout import Layout

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "data" / "layout"
SEED = ROOT / "corpus" / "seed" / "000_7b809fd8ed01e65c"


def layout(text: str, **options: bool) -> str:
    return Pipeline([Layout(**options)]).run(text).text


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate with whitespace collapsed (what the layout changes matter for)."""
    reference, hypothesis = " ".join(reference.split()), " ".join(hypothesis.split())
    return Levenshtein.distance(reference, hypothesis) / len(reference)


def fixture(name: str) -> tuple[str, str]:
    return (FIXTURES / f"{name}.ocr.txt").read_text(encoding="utf-8"), (FIXTURES / f"{name}.gt.txt").read_text(encoding="utf-8")


# --- the seed and real Tesseract output -------------------------------------------------------

def test_seed_page_break_catchword_and_quote_marker():
    ocr = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    out = layout(ocr)
    assert "appropriate in present circumstances" in out
    assert "/present" not in out
    assert not any(line.startswith(">") for line in out.splitlines())
    assert "Lord Carrington therefore feels" in out
    gt = Path(f"{SEED}.gt.txt").read_text(encoding="utf-8")
    assert cer(gt, out) < cer(gt, ocr)


def test_typed_letter_from_tesseract():
    ocr, gt = fixture("letter")
    out = layout(ocr)
    assert cer(gt, out) < 0.2 * cer(gt, ocr)
    assert "Pennington, Esq. -2-" not in out                       # running head of page 2
    assert "/bodies" not in out and "three bodies, so that" in out   # catchword, and the sentence joined over it
    assert "re-establishment" in out                               # compound hyphen kept
    assert "representatives and the Board" in out                  # inserted hyphen joined
    # letter blocks keep one line per printed line; paragraphs become one line each
    assert "MINISTRY OF AGRICULTURE\nWhitehall Place\nLondon SW1A 2HH" in out
    assert "Yours sincerely,\n\nA. C. Whitlock" in out
    paragraph = next(line for line in out.splitlines() if line.startswith("The principal difficulty"))
    assert paragraph.endswith("would most need.")
    assert "\f" not in out


def test_book_pages_from_tesseract():
    ocr, gt = fixture("book")
    out = layout(ocr)
    assert cer(gt, out) < 0.2 * cer(gt, ocr)
    assert "ROADS AND COACHES" not in out and "POST" not in out     # alternating left and right running heads
    assert "diminished, and the surveyors" in out                  # hyphen joined across a page break
    assert out.count("\n\n") == 4                                  # five paragraphs, blank-line separated


@pytest.mark.parametrize("path", [f"{SEED}.gt.txt", FIXTURES / "letter.gt.txt", FIXTURES / "book.gt.txt"])
def test_clean_logical_text_is_left_alone(path):
    text = Path(path).read_text(encoding="utf-8")
    assert Layout().propose(text) == []


# --- de-hyphenation ---------------------------------------------------------------------------

WIDE = "The members of the committee were agreed that the programme of"  # a full line, 63 characters


def wrapped(*lines: str) -> str:
    """A hard-wrapped text: full lines of about the same width around the lines under test."""
    filler = [WIDE, "work should be settled before the end of the month, and that the",
              "secretary should write to all the members of the Board about it,"]
    return "\n".join(filler + list(lines) + filler) + "\n"


@pytest.mark.parametrize(("broken", "expected"), [
    ("the secretary would send a note about the recent exam-\nination of the accounts", "examination"),
    ("and it was resolved that the Department should re-\nestablish its office", "re-establish"),
    ("which had never been central to the department's policy-\nmaking, it was said", "policy-making"),
    ("it was thought that the proposed Anglo-\nSoviet talks might be held", "Anglo-Soviet"),
    ("the committee would meet in London, and the chair-\nman would write to", "chairman"),
])
def test_line_end_hyphens(broken, expected):
    assert expected in layout(wrapped(broken))


def test_a_number_range_keeps_its_hyphen():
    assert "in the years 1987-88 the" in layout(wrapped("and the allocation was agreed for the budget in the years 1987-\n88 the"))


@pytest.mark.parametrize(("broken", "expected"), [
    ("the second attempt, made in the following year, was frus-—\ntrated by the", "was frustrated by"),
    ("and the line would allow the programme of mod~\nernisation to go ahead in", "of modernisation to"),
    ("and the committee was told that the Keeper of Applied Art intro\nduced the paper", "Art introduced the"),
    ("and it was understood that the barometer does noth.\ning whatever to warn", "does nothing whatever"),
    # a narrow column's fragment before a lost hyphen, though the second half is a word ("ted", "ate")
    ("and the tender of Messrs. Atkinson and Gill for the bread was accep\nted by the Board", "was accepted by"),
    ("and the rent of the house in the High-street was thought very moder\nate for the town", "very moderate for"),
    # a typewriter hyphen read as two marks before a plural possessive (Tesseract, a 1925 letter in FreeMono)
    ("and the owners will be responsible for any damage caused to the Commission-\u2014\ners\u2019 moorings or to",
     "the Commissioners\u2019 moorings"),
    # a dash read for the hyphen of a compound of two content words that often stand together
    ("the Board thought that option (i) offers the most cost\u2014\neffective approach, but", "most cost-effective approach"),
])
def test_hyphens_that_ocr_misread_or_lost(broken, expected):
    assert expected in layout(wrapped(broken))


@pytest.mark.parametrize(("broken", "expected"), [
    ("the members were told that the minutes had been circulated--\nand approved by", "circulated--and"),
    ("the chairman said that the meeting would be held in St.\nand the members", "St. and"),
    ("and the members of the committee agreed that the usual\nrules would apply", "usual rules"),
    ("and the lady of the house said that she would see to it her\nself in the morning", "it her self"),
    ("the members were told that the minutes had reached the end\u2014\nand approved them", "end\u2014and"),
    # a typed dash spaced on both sides (typescript of a fortune, Tesseract on a 200 dpi carbon copy)
    ("the bar is moved to the left and repeats this sequence --\nseveral times. Finally", "sequence -- several"),
])
def test_dashes_and_words_are_not_taken_for_broken_words(broken, expected):
    assert expected in layout(wrapped(broken))


@pytest.mark.parametrize(("text", "expected"), [
    # the joined form occurs elsewhere only as words an engine ran together: no evidence of one word
    ("the king made them walk into the midst of a burning\nfiery furnace, and the burningfiery furnace was hot",
     "a burning fiery furnace"),
    # a name of the text, written whole elsewhere, is
    ("and we stopped to bait the horses at the inn at Letter\nfinlay, the landlord of Letterfinlay being an old soldier",
     "inn at Letterfinlay, the"),
])
def test_a_lost_hyphen_needs_the_whole_word_elsewhere_as_a_word(text, expected):
    assert expected in layout(wrapped(text))


def test_a_join_without_a_vowel_is_no_broken_word():
    # "the 2nd" with the "e" read as a hyphen: "th2nd"/"thlst" would be no word of any syllable
    out = layout(wrapped("and the members agreed that the next meeting should be held on th-\nlst of May"))
    assert "thlst" not in out and "on th- lst of May" in out
    # a word broken by the typesetter is still joined, whatever its letters
    assert "rhythm of" in layout(wrapped("and the members agreed that the chairman had set the rhy-\nthm of the meeting"))


def test_the_document_decides_a_hyphen():
    broken = "it was agreed that the two Departments should co-\noperate closely in future"
    assert "co-operate" in layout(wrapped(broken) + "They will co-operate again.\n")
    assert "cooperate closely" in layout(wrapped(broken) + "They will cooperate again.\n")


def test_a_compound_with_a_misread_half_is_kept_when_its_other_half_ends_a_compound_elsewhere():
    broken = "the new checks of the system seem to generate many ilse-\npositives in the first"
    assert "ilse-positives" in layout(wrapped(broken) + "Some false-positives remain.\n")
    assert "ilsepositives" in layout(wrapped(broken) + "Some false positives remain.\n")


def test_an_older_spelling_elsewhere_in_the_document_keeps_the_hyphen():
    broken = "and the members were told that the meeting would, after all, be held to-\nday in the hall"
    assert "held to-day in" in layout(wrapped(broken) + "They will meet again to-morrow.\n")
    assert "held today in" in layout(wrapped(broken) + "They will meet again tomorrow.\n")
    # a word that starts like the older spelling but is no compound ("to-gether") is still joined
    assert "together" in layout(wrapped("the members of the Board said they would meet to-\ngether in the hall")
                                + "They will meet again to-morrow.\n")
    # a prefix written with its hyphen ("re-open") is no older spelling of words broken after it
    assert "would return in" in layout(wrapped("the members of the Board said that the secretary would re-\nturn in May")
                                       + "They will re-open the hall.\n")


def test_a_compound_with_one_letter_misread_in_its_first_half_is_kept():
    broken = "and when the old queen was found, and the yueen-\ncells destroyed with a hat-pin"
    assert "yueen-cells" in layout(wrapped(broken))
    # the same damage in a word broken by hyphenation: the first half read right gives a word
    assert "ynderstand" in layout(wrapped("and the members of the Board said they did not quite ynder-\nstand it"))


@pytest.mark.parametrize("marker", ["\u00ac", "\u00ad"])
def test_break_markers_are_always_joined(marker):
    out = layout(wrapped(f"and so it was that the members decided to consult the well{marker}\nknown firm of solicitors"))
    assert "wellknown firm" in out


def test_dehyphenation_can_be_switched_off():
    text = wrapped("the secretary would send a note about the recent exam-\nination of the accounts")
    assert "exam-" in layout(text, dehyphenate=False)


# --- reflow -----------------------------------------------------------------------------------

def test_reflow_keeps_lists_tables_headings_and_blocks():
    text = wrapped(
        "the following matters were discussed at some length at the meeting:",
        "(a) the programme of work for the coming year, as the chairman said",
        "(b) the staff required for it, which he thought would be considerable",
        "",
        "ESTIMATES FOR THE YEAR",
        "Salaries                 12,400       13,100",
        "Travel                      820          910",
    )
    out = layout(text)
    assert "meeting:\n(a) the programme" in out
    assert "said\n(b) the staff" in out
    assert "ESTIMATES FOR THE YEAR\nSalaries" in out
    assert "13,100\nTravel" in out


def test_text_that_is_not_hard_wrapped_is_not_reflowed():
    text = ("Dear Sir,\n\nI write about the meeting of the committee which was held last week.\n"
            "The members agreed.\nYours faithfully,\nJ. Smith\n")
    assert Layout().propose(text) == []


def test_reflow_can_be_switched_off():
    text = wrapped("and so the")
    assert layout(text, reflow=False) == text


# --- page furniture and page breaks -----------------------------------------------------------

def pages(*bodies: str, heads=None, feet=None) -> str:
    out = []
    for number, body in enumerate(bodies):
        head = heads(number + 1) + "\n\n" if heads else ""
        foot = "\n\n" + feet(number + 1) if feet else ""
        out.append(head + body + foot + "\n")
    return "\f".join(out)


FILL = [WIDE, "work should be settled before the end of the month, and that the",
        "secretary should write to the members of the Board about it."]
BODIES = [
    "\n".join(FILL + ["the committee was told that the work of the new office had begun in"]),
    "\n".join(["earnest, and that a report on its first year would be made to the"] + FILL),
    "\n".join(FILL),
    "\n".join(FILL),
]


@pytest.mark.parametrize("foot", [lambda n: f"- {n} -", lambda n: f"Page {n} of 4", lambda n: "ivxl"[0] * n if n < 4 else "iv",
                                  lambda n: str(n)])
def test_page_numbers_at_the_foot_are_removed(foot):
    out = layout(pages(*BODIES, feet=foot))
    for n in range(1, 5):
        assert foot(n) not in out.splitlines() and f" {foot(n)} " not in out
    assert "begun in earnest" in out                      # the sentence goes on over the page break


def test_alternating_running_heads_are_removed():
    heads = lambda n: f"{n + 40}    THE KING'S POST" if n % 2 == 0 else f"ROADS AND COACHES    {n + 40}"
    out = layout(pages(*BODIES, heads=heads))
    assert "KING'S POST" not in out and "ROADS AND COACHES" not in out
    assert out.count(WIDE) == 4                           # no body line lost


def test_running_heads_with_ocr_noise_are_matched_fuzzily():
    noisy = ["MINUTES OF THE BOARD 2", "MINUTES 0F THE B0ARD 3", "MlNUTES OF THE BOARD 4", "MINUTES OF THE BOARD 5"]
    out = layout(pages(*BODIES, heads=lambda n: noisy[n - 1]))
    assert "BOARD" not in out and "B0ARD" not in out


def test_heads_without_numbers_on_two_pages_and_the_chapter_title():
    titles = {1: "In Praise of the Barometer", 2: "IN PRAISE OF THE BAROMETER", 3: "IN PRAISE 0F THE BAROMETER"}
    out = layout(pages(*BODIES[:3], heads=lambda n: titles[n], feet=lambda n: str(n + 82)))
    assert out.startswith("In Praise of the Barometer\n")
    assert "IN PRAISE" not in out and "83" not in out and "85" not in out


def book_pages(rows: list[int], first_lines: list[str], number_head: bool = False) -> str:
    """Book pages of ``rows[n]`` text lines under ``first_lines[n]``, the page number at the foot (or in the head)."""
    fill = FILL[:2] * 20
    out = []
    for n, (count, top) in enumerate(zip(rows, first_lines)):
        foot = "" if number_head else f"\n\n{n + 12}"
        out.append(f"{top}\n\n" + "\n".join(fill[:count]) + foot + "\n")
    return "\f".join(out)


def test_the_title_of_a_sunk_opening_page_stays_while_later_pages_repeat_it_as_their_head():
    # a chapter's opening page starts lower (fewer lines): its top line is the title, not a running head
    out = layout(book_pages([24, 30, 30], ["THE VOYAGE TO ROME"] * 3))
    assert out.startswith("THE VOYAGE TO ROME\n") and out.count("VOYAGE") == 1
    # a page of OCR dirt above the title does not hide it
    out = layout(book_pages([24, 30, 30], ["__ e ttl_)_ t e_) _lon_eto\n\n\n\nTHE VOYAGE TO ROME"] + ["THE VOYAGE TO ROME"] * 2))
    assert out.count("VOYAGE") == 1
    # a full first page carries the running head like the others, and so does one with its number at the head
    assert "VOYAGE" not in layout(book_pages([30, 30, 30], ["THE VOYAGE TO ROME"] * 3))
    assert "VOYAGE" not in layout(book_pages([24, 30, 30], ["12\n\nTHE VOYAGE TO ROME", "THE VOYAGE TO ROME 13", "14 THE VOYAGE TO ROME"],
                                             number_head=True))


def test_a_digit_misread_inside_the_title_is_no_page_number():
    out = layout(book_pages([30, 30, 30], ["1HE VOYAGE TO ROME", "13 THE VOYAGE TO ROME", "THE VOYAGE TO ROME 14"], number_head=True))
    assert out.startswith("1HE VOYAGE TO ROME\n") and out.count("VOYAGE") == 1


def test_numbered_paragraphs_at_page_tops_are_not_running_heads():
    starts = {1: "5. The committee then turned to the accounts.", 2: "2 April was the day we met.", 3: "7. Finally"}
    out = layout(pages(*BODIES[:3], heads=lambda n: starts[n]))
    assert all(start in out for start in starts.values())


def test_a_heading_that_does_not_recur_is_kept():
    out = layout(pages(*BODIES[:2], heads=lambda n: "ANNUAL REPORT" if n == 1 else ""))
    assert out.startswith("ANNUAL REPORT")


PAGE_END = wrapped("the committee was told that the work of the new office had begun in").split("\n")[:4]
NEXT_PAGE = wrapped("").split("\n")[4:]


@pytest.mark.parametrize("catchword", ["/earnest,", "earnest", "./..", "P.T.O."])
def test_catchwords_in_plain_text(catchword):
    text = "\n".join(PAGE_END) + f"\n\n{catchword}\n\n\n\n \nearnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE)
    out = layout(text)
    assert catchword not in out.split()
    assert "begun in earnest, and that" in out


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_continuation_head_under_a_catchword_in_plain_text_goes(separator):
    # a letter's second page heads itself with the addressee, its number and the date; the catchword at the first
    # page's foot announces the word that follows that head
    text = ("\n".join(PAGE_END) + f"{separator}/earnest,{separator}Mr J. Smith - 2 - 14 October 1983\n\n"
            "earnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE))
    out = layout(text)
    assert "Smith" not in out and "October" not in out and "begun in earnest, and that" in out


@pytest.mark.parametrize("separator", ["\n\n", "\n", "\f"], ids=["blank lines", "one newline", "form feed"])
def test_a_typewriters_catchword_that_lost_its_last_letters_goes_with_the_head_under_it(separator):
    # "/ear" for "/earnest,": OCR lost the end of the catchword at the page's foot; the head under it goes too
    text = ("\n".join(PAGE_END) + f"\n\n/ear{separator}Mr J. Smith  2  14 October 1983\n"
            "earnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE))
    out = layout(text)
    assert "/ear" not in out and "Smith" not in out and "begun in earnest, and that" in out


LETTER_OPENING = "\n".join(["Department of Trade", "1 Victoria Street", "", "19 May 1986", "",
                            "The Rt Hon Lord Ferrier of Cannington", "House of Lords", "", "Dear Lord Ferrier,", ""])


@pytest.mark.parametrize("head", ["The Rt Hon Lord Ferrier of Cannington - 2 - 19 May 1986",
                                  "The Rt Hon Lord Ferrier of Cannington  CNG  19 May “986"])
@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_long_continuation_head_under_a_catchword_in_plain_text_goes(separator, head):
    # longer than a page's numbered head, or its number and year garbled: it repeats the first page's addressee and
    # date (or sets its number off by dashes), and a catchword over it announces the word under it
    text = (LETTER_OPENING + "\n".join(PAGE_END) + f"{separator}/earnest,{separator}{head}\n\n"
            "earnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE))
    out = layout(text)
    assert "Cannington" not in out.split("Dear")[1] and "/earnest," not in out and "begun in earnest, and that" in out


@pytest.mark.parametrize("mark", ["/1", "./..", "P.T.O."])
@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_continuation_head_under_a_continuation_mark_in_plain_text_goes(separator, mark):
    # a mark that names no word ends the first page as a catchword does: the addressee and date under it head the next
    text = (LETTER_OPENING + "\n".join(PAGE_END) + f"\n\n{mark}{separator}The Rt Hon Lord Ferrier of Cannington  19 May 1986"
            "\n\nearnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE))
    out = layout(text)
    assert "Cannington" not in out.split("Dear")[1] and mark not in out and "begun in earnest, and that" in out


def test_a_line_naming_the_addressee_under_no_continuation_mark_stays():
    text = (LETTER_OPENING + "\n".join(PAGE_END) + "\n\nThe Rt Hon Lord Ferrier of Cannington  19 May 1986"
            "\n\nearnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE))
    assert layout(text).count("Cannington") == 2


def test_a_word_over_a_line_naming_the_addressee_is_no_catchword_unless_it_is_announced():
    # (the line under it, with its page number set off by dashes and the letter's date, is the next page's head all
    # the same: see test_a_continuation_head_with_its_number_and_date_under_no_mark_goes)
    text = (LETTER_OPENING + "\n".join(PAGE_END) + "\n\n/earnest,\nThe Rt Hon Lord Ferrier of Cannington - 2 - 19 May 1986"
            "\n\nand that a report would be made to the\n" + "\n".join(NEXT_PAGE))
    assert "/earnest," in layout(text) and layout(text).count("Cannington") == 1


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_typewriters_catchword_over_the_next_pages_garbled_number_goes(separator):
    # "/earnest," over the second page's number as OCR garbles it ("Qo"), the blank line under the number only
    text = "\n".join(PAGE_END) + f"\n\n/earnest,{separator}Qo\n\nearnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE)
    assert "/earnest," not in layout(text)


@pytest.mark.parametrize("head", ["- 2-7", "» A. © costhwaits Esq ~ 205 11 Apr:1 1977"])
@pytest.mark.parametrize("separator", ["\f", "\n\n"], ids=["form feed", "blank lines"])
def test_a_head_with_figures_between_a_typewriters_catchword_and_the_word_it_announces_goes(separator, head):
    # the second page's number, or its addressee and date garbled past recognition (Tesseract, a 1977 letter)
    text = "\n".join(PAGE_END) + f"\n\n/earnest,{separator}{head}\n\nearnest, and that a report would be made to the\n" + \
        "\n".join(NEXT_PAGE)
    out = layout(text)
    assert head not in out and "/earnest," not in out and "begun in earnest, and that" in out


@pytest.mark.parametrize("top, under", [("- 2-7", "and that"), ("The Board's view", "earnest, and that")])
def test_a_page_top_without_figures_or_over_other_words_than_the_catchword_announced_stays(top, under):
    text = "\n".join(PAGE_END) + f"\n\n/earnest,\f{top}\n\n{under} a report would be made to the\n" + "\n".join(NEXT_PAGE)
    assert top in layout(text)


def test_a_repeated_reply_is_no_catchword():
    text = "He asked whether the Board had agreed.\n\nYes\n\nYes, the Board agreed on Monday.\n"
    assert "\nYes\n" in layout(text)


def test_a_poems_title_after_a_quotations_source_is_no_catchword():
    # a collection of quotations: each ends with its source, the next opens with a title its first line repeats
    text = ("The reed that bends in the storm outlives the oak that stands against it, and the\n"
            "river that yields to the rock wears it away in the end\n\t\t-- an old saying, \"The Reed\"\n\n"
            "Water\n\nWater is the softest of all things,\nYet nothing is better for overcoming the hard.\n")
    assert "\nWater\n" in layout(text)


def test_a_heading_word_over_a_paragraph_that_opens_with_it_is_no_catchword():
    # a manual page's argument name (man gcloud ...): the paragraph repeats it in title case
    text = ("     Describe a health check associated with a Google Compute Engine project, and the\n"
            "     checks it runs on the instances of the project.\n\nPOSITIONAL ARGUMENTS\n        NAME\n\n"
            "          Name of the health check to describe, as it was given when the check\n"
            "          was created in the project.\n")
    assert "NAME" in layout(text).split()


def test_a_lone_word_that_the_next_page_does_not_start_with_is_kept():
    text = "\n".join(PAGE_END[:-1]) + "\nthe committee was told that the work of the new office had begun.\n\nSummary\n\n\nearnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE)
    assert "\nSummary\n" in layout(text)


def test_plain_text_page_numbers_and_running_heads():
    body = "\n\n".join(wrapped(f"paragraph {n} of the minute, which goes on for a while, and then") for n in range(4))
    text = "\n\n- 2 -\n\n".join([body, body])
    assert "- 2 -" not in layout(text)
    recurring = "\n\n".join(f"MINUTE OF THE MEETING    {n}\n\n{body}" for n in range(1, 5))
    assert "MINUTE OF THE MEETING" not in layout(recurring)


def test_dates_that_recur_are_not_running_heads():
    text = "16 March 1981\n\nDear John,\n\nThank you.\n\n17 March 1981\n\nDear Peter,\n\nThanks.\n"
    assert Layout().propose(text) == []
    letters = "".join(f"{day} March 1981\n\nDear John,\n\n" + "\n".join(FILL * 3) + "\n\nYours ever,\n\n"
                      for day in (16, 17, 18, 19))
    assert all(f"{day} March 1981" in layout(letters) for day in (16, 17, 18, 19))


def test_furniture_removal_can_be_switched_off():
    text = pages(*BODIES, feet=lambda n: f"- {n} -")
    assert "- 2 -" in layout(text, furniture=False)


# --- markdown artifacts -----------------------------------------------------------------------

def test_markdown_markers_in_plain_text():
    text = "## Anglo/Soviet Contacts\n\n> Lord Carrington therefore feels that the time is right.\n\n**CONFIDENTIAL**\n"
    assert layout(text) == "Anglo/Soviet Contacts\n\nLord Carrington therefore feels that the time is right.\n\nCONFIDENTIAL\n"


@pytest.mark.parametrize("rule", ["*" * 60, "_" * 60])
def test_a_rule_of_asterisks_or_underscores_is_no_bold_marker(rule):
    text = "The licence ends here, and nothing in it limits any\nother right you may have.\n\n" + rule + "\n\nEnd of terms.\n"
    assert rule in layout(text)


def test_markers_on_lines_indented_as_code_stay():
    text = ("To write the table, subclass it and give it two methods:\n\n"
            "\tdef decompile(self, data, font):\n\t\t# 'data' is the raw table data.\n\n"
            "    > grep pattern file\n")
    out = layout(text)
    assert "# 'data' is the raw table data." in out and "> grep pattern file" in out


def test_an_interactive_sessions_prompts_are_no_quote_markers():
    text = ("The module provides functions to expand a tag into the format used here:\n\n"
            ">>> from fontTools import ttLib\n>>> ttLib.tagToIdentifier(\"FOO \")\n'F_O_O_'\n")
    assert layout(text) == text


def test_a_block_of_comment_lines_is_no_run_of_headings():
    # a changelog's or a hyphenation file's comments: each line starts with "#", none stands alone
    notice = ("# Older entries have been removed from this changelog.\n"
              "# To read the complete changelog use `apt changelog adduser`.\n")
    licence = ("#    This program is free software; you can redistribute it and/or modify\n"
               "#    it under the terms of the GNU General Public License as published by\n"
               "#    the Free Software Foundation; either version 2 of the License, or\n")
    for text in (notice, licence):
        assert layout(text).splitlines() == text.splitlines()
    # a heading over a sub-heading, or over its text, is still a VLM's marker
    assert layout("# Chapter One\n## The Voyage Out\n\nThe ship sailed.\n").startswith("Chapter One\nThe Voyage Out")


def test_a_lone_comment_line_is_no_heading():
    # a configuration file's comment opens with a lower-case word, as no heading in print does
    config = "[mirror]\nretries = 3\n\n# comma separated list of mirrors\nmirrors = ftp,http,https\n"
    assert layout(config).splitlines() == config.splitlines()
    # a script whose header holds a block of comments: its lone "#" lines are comments too
    script = "# Copyright (C) 2004 J. Smith\n#    This program is free software.\n#\n\n# Version: 0.3.\n\nA B C\n"
    assert "# Version: 0.3." in layout(script)
    # a VLM's heading marker in plain text still goes
    assert layout("# Chapter One\n\nThe ship sailed.\n").startswith("Chapter One")


def test_a_markdown_document_keeps_its_markup():
    text = "# Report\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert layout(text) == text


# --- edits and registration -------------------------------------------------------------------

def test_every_edit_has_a_reason_and_applies_to_the_original():
    ocr, _ = fixture("letter")
    result = Pipeline(["layout"]).run(ocr)
    assert result.edits
    for edit in result.edits:
        assert edit.strategy == "layout" and edit.reason and 0 < edit.confidence <= 1
        assert ocr[edit.start:edit.end] == edit.original
    rebuilt, cursor = [], 0
    for edit in result.edits:
        rebuilt += [ocr[cursor:edit.start], edit.replacement]
        cursor = edit.end
    assert "".join(rebuilt + [ocr[cursor:]]) == result.text
    reasons = " ".join(edit.reason for edit in result.edits)
    assert "catchword" in reasons and "running head" in reasons and "compound" in reasons


def test_registered_and_reachable_through_correct():
    assert "layout" in strategies.names()
    assert isinstance(strategies.get("layout", furniture=False), Layout)
    assert correct("exam-\nple", strategies=["layout"]) == "exam-\nple"  # one short line: no evidence


@pytest.mark.parametrize("text", ["", "\n", "\f", "word", "\f\f\n\f", "- 2 -", "> "])
def test_degenerate_input(text):
    layout(text)


def test_pages_of_an_hocr_document():
    from ocrfix import io

    document = io.read(Path(__file__).resolve().parent / "data" / "io" / "tesseract-2pages.hocr")
    result = Pipeline(["layout"]).run(document)
    assert "The example you gave is clear." in result.text
    assert result.text.endswith("Yours faithfully,\nJ. Smith")


def test_bare_page_numbers_counting_up_in_plain_text():
    page = "\n".join(FILL * 3)
    # a page ends where it is full: one break at least falls inside a sentence (numbered hymns
    # and sections, all between finished sentences, are tests/test_unseen_print.py's)
    runs_on = "the committee was told that the work of the new office had begun in"
    text = f"{page}\n{runs_on}\n\n7\n\nearnest, and so it went on.\n{page}\n\n8\n\n{page}\n"
    out = layout(text)
    assert "\n7\n" not in out and "\n8\n" not in out
    lone = f"{page}\n\n7\n\n{page}\n"                      # one bare number: no evidence of a page break
    assert "\n7\n" in layout(lone)


def test_continuation_head_with_a_garbled_page_number():
    first = "\n".join(["HM Treasury", "Parliament Street", "", "22 June 1984", "", "Mrs M. J. Ellerby",
                       "Department of Trade", "", "Dear Mrs Ellerby,", ""] + FILL * 3 + ["", "/Yours"])
    second = "\n".join(["Mrs M. J. Ellerby = 25 22 June 1984", "", "Yours sincerely,", "", "T. Garside"])
    out = layout(first + "\n\f" + second + "\n")
    assert "= 25" not in out and "/Yours" not in out
    assert out.count("Mrs M. J. Ellerby") == 1 and "22 June 1984" in out


def test_a_page_joined_into_one_line_is_no_continuation_head():
    # text that is not hard-wrapped: page 2 is one paragraph line that begins with the head
    first = " ".join(["HM Treasury", "Parliament Street", "22 June 1984", "Dear Mrs Ellerby,"] + FILL * 3)
    second = "Mrs M. J. Ellerby - 2 - 22 June 1984 " + " ".join(FILL * 2) + " Yours sincerely, T. Garside"
    out = layout(first + "\f" + second + "\n")
    assert "Yours sincerely" in out and FILL[0] in out.split("\f")[-1]


def test_running_head_repeating_the_title_and_misread_page_numbers():
    out = layout(pages(BODIES[0], BODIES[1], BODIES[2], heads=lambda n: "Long Term Support" if n == 1 else "LONG TERM SUPPORT",
                       feet=lambda n: {1: "68", 2: "o9", 3: "70"}[n]))
    assert out.startswith("Long Term Support\n") and "LONG TERM" not in out
    assert all(f"\n{foot}\n" not in out and not out.endswith(foot + "\n") for foot in ("68", "o9", "70"))


def test_page_numbers_misread_on_two_pages_are_evidence_for_each_other():
    # RapidOCR reads "171" and "172" as "I71" and "I172": no other page has furniture with a figure
    out = layout(pages(BODIES[0], BODIES[1], heads=lambda n: "Long Term Support" if n == 1 else "LONG TERM SUPPORT",
                       feet=lambda n: {1: "I71", 2: "I172"}[n]))
    assert "I71" not in out and "I172" not in out and "begun in earnest" in out
    # one misread number alone, with no numbered furniture anywhere, stays
    assert "I71" in layout(pages(BODIES[0], BODIES[1], feet=lambda n: {1: "I71", 2: ""}[n]))


def test_a_title_head_read_without_its_spaces_is_removed():
    # an engine that drops spaces reads the head "THEFOURTHBOOK": still the title in capitals
    out = layout(pages(BODIES[0], BODIES[1], heads=lambda n: {1: "Long Term Support for the Poor", 2: "LONGTERMSUPPORTFORTHEPOOR"}[n]))
    assert out.startswith("Long Term Support for the Poor\n") and "LONGTERM" not in out


@pytest.mark.parametrize("mark", [";", ":", ".", "\u2018"])
def test_a_stop_set_alone_after_a_stop_at_a_lines_end_is_a_speck(mark):
    # dirt at the margin read as a mark, after a sentence that has ended
    text = f"These are the sons of Aaron, Nadab and Abihu,\nEleazar and Ithamar, Aaron's sons. {mark}\n\n2 And thou shalt make.\n"
    result = Pipeline([Layout()]).run(text)
    assert result.text == "These are the sons of Aaron, Nadab and Abihu,\nEleazar and Ithamar, Aaron's sons.\n\n2 And thou shalt make.\n"
    assert any(edit.reason.startswith("removed a stray") for edit in result.edits)


@pytest.mark.parametrize("line", [
    "and so the matter rested. . .",          # a spaced ellipsis
    "subject to a bond of 10 per cent. ,",   # a comma after an abbreviation
    "as he said to them. \u2019",             # a spaced closing quote
    "see https://example.org/a. ;",          # an address
])
def test_marks_after_a_stop_that_are_text_stay(line):
    assert correct(line + "\n", strategies=["layout"]) == line + "\n"

PIECES = ["the committee", "exam-", "ple", "policy-", "making", "- 2 -", "/present", "present", "> ", "# ",
          "**", "Page 3 of 7", "iv", "REPORT 12", "\n", "\n\n", "\f", " ", "1987-", "88", "¬", "~", "./..", "—"]


@settings(max_examples=150)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_edits_are_always_well_formed(pieces):
    text = "".join(pieces)
    edits = Layout().propose(text)
    previous_end = 0
    for edit in edits:
        assert previous_end <= edit.start <= edit.end <= len(text)
        assert text[edit.start:edit.end] == edit.original and edit.reason
        previous_end = edit.end
    Pipeline(["layout"]).run(text)   # the pipeline checks and applies them


LINE_PIECES = ["Page", "p.", "pg", "of", "/", "12", "3", "iv", "XI", "mdc", "\u0131", "\u0130", "-", "\u2014", "=", "~", "_",
               ".", "\u00b7", "*", "[", "]", "(", ")", " ", "  ", "\t", "\u3000", "B", "Aa", "iij", "/present", "./..",
               "P.T.O.", "contd.", "the", "word", ",", "'", "|", "\u2018", "THE", "HEAD", "\u00c9T\u00c9", "Ab", "\u0345"]


@settings(max_examples=300)
@given(st.lists(st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=7).map("".join).map(str.strip).filter(bool),
                min_size=1, max_size=8))
def test_plain_furnitures_numpy_tests_rule_out_no_line_the_question_takes(contents):
    # _PlainText asks catchword, page_number, signature_mark and mostly_capitals only of the lines these tests leave
    from ocrfix.strategies.layout.catchwords import CATCHWORD_WORDS, catchword, signature_mark
    from ocrfix.strategies.layout.heads import mostly_capitals
    from ocrfix.strategies.layout.lines import LineCodes
    from ocrfix.strategies.layout.page_numbers import not_in_page_number, page_number
    codes = LineCodes(contents)
    words = codes.words().tolist()
    numeral = (~codes.holding(not_in_page_number().take(codes.codes, mode="clip"))).tolist()
    small = (4 * codes.counting(codes.codes - 97 < 26) > codes.ends - codes.starts).tolist()
    assert words == [len(content.split()) for content in contents]
    for content, count, may_be_number, many_small in zip(contents, words, numeral, small):
        assert catchword(content) is None or count <= CATCHWORD_WORDS
        assert page_number(content) is None or may_be_number
        assert not signature_mark(content) or count <= 2
        assert not (many_small and mostly_capitals(content))


def test_lines_of_specks_are_removed_and_the_paragraph_runs_on():
    # dirt on a scan read as marks: no letter or digit, two kinds of mark or more
    text = ("The meeting was held on Tuesday last, when the\nfollowing resolutions were carried unanimously.\n"
            ". ,- ' ~ .\nThat this meeting views with alarm the state of\nthe roads in the district, and calls upon the\n"
            "' ; , . -\nGovernment to take immediate steps.\n")
    result = Pipeline([Layout()]).run(text)
    assert result.text == ("The meeting was held on Tuesday last, when the following resolutions were carried "
                           "unanimously. That this meeting views with alarm the state of the roads in the district, "
                           "and calls upon the Government to take immediate steps.\n")
    assert sum(edit.reason.startswith("removed speck") for edit in result.edits) == 2


@pytest.mark.parametrize("mark", ["'", ".", ",", "~", "^", "‘", "``"])
def test_a_lone_mark_on_a_line_inside_a_sentence_is_a_speck(mark):
    # one mark on a line of its own, where the sentence runs on from one full line to the next: dirt on the scan
    text = ("Reports from the agricultural dis-\ntricts speak favourably of the pro-\nspects of the harvest. "
            f"Wheat is for-\nward in the southern counties, and\n{mark}\nthe hay crop, though light on the\n"
            "uplands, promises well in the val-\nleys.\n")
    assert correct(text, strategies=["layout"]) == (
        "Reports from the agricultural districts speak favourably of the prospects of the harvest. Wheat is forward "
        "in the southern counties, and the hay crop, though light on the uplands, promises well in the valleys.\n")


@pytest.mark.parametrize("text", [
    "Listing the folder shows\n.\n..\nbin\nboot\n",
    "The first part of the story ends here with the\n.\nsecond part of it\n",
    "Between two sentences of the story that end.\n'\nThe next sentence of the story begins here.\n",
    "Lines of the poem\n  .\nindented, and on\n|\nthe margin\n",
    "the words of the line that runs on from here and\n...\nso goes on to the end of the sentence in this line.\n",
], ids=["listing", "short line after", "between sentences", "indented or a rule", "ellipsis"])
def test_lone_marks_that_may_be_text_stay(text):
    assert correct(text, strategies=["layout"]).split() == text.split()


@pytest.mark.parametrize("line", ["* * *", "...", "—", "});", "— — —", "~ • ~"])
def test_lines_set_on_purpose_are_no_specks(line):
    text = f"The first part ends here.\n{line}\nThe second part begins here.\n"
    assert line in correct(text, strategies=["layout"])


def test_stray_marks_inside_lines_of_words_are_removed():
    # dirt or broken type read as a caret or an accent standing alone between words
    text = ("The sale of the freehold estate took place. ^ On\nMonday last at the Crown Inn, when all ´ the lots\n"
            "were knocked down ` to Mr. Smith for a good price.\n")
    result = Pipeline([Layout(reflow=False)]).run(text)
    assert result.text == ("The sale of the freehold estate took place. On\nMonday last at the Crown Inn, when all the "
                           "lots\nwere knocked down to Mr. Smith for a good price.\n")
    assert sum(edit.reason.startswith("removed a stray") for edit in result.edits) == 3
    assert correct("LAND SALE. ^ The land was sold on Monday.") == "LAND SALE. The land was sold on Monday."


def test_a_caret_after_a_word_holds_the_place_of_a_letter_or_small_word():
    # ocrad prints a broken "a" as a caret: after a lower-case word the sentence runs on, and the caret stays
    # for the dictionary to read ("a" where it fits both neighbours) or as the place of what was lost
    assert correct("The rent was paid ^ the agent.", strategies=["layout"]) == "The rent was paid ^ the agent."
    assert correct("He was riding ^ bicycle home.") == "He was riding a bicycle home."
    # a caret where "a" fits both neighbours is a broken "a": the dictionary reads it
    assert correct("The block was kept at ^ constant heat.", strategies=["layout"]) == "The block was kept at ^ constant heat."
    assert correct("The block was kept at ^ constant heat.") == "The block was kept at a constant heat."
    assert layout("The land ^ was sold.", furniture=False) == "The land ^ was sold."


@pytest.mark.parametrize("line", [
    "The value of a ^ b is the exclusive or of the two.",     # between operands
    "We compute the total = price ^ rate each year.",         # an equation in the line
    "Use the ^ and $ anchors to match a whole line.",         # the text names the mark
    "The characters $ and ` keep their special meaning.",
    "The land ~ was sold | and the ¬ house too.",             # marks an engine prints for letters or dashes
    "Key      ^      exclusive or",                           # a table row
])
def test_marks_that_are_text_stay(line):
    assert correct(line, strategies=["layout"]) == line


def test_stray_marks_stay_in_markdown():
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n\nThe land ^ was sold on Monday.\n"
    assert "land ^ was" in correct(text, strategies=["layout"])


# --- clean text: structure that a plain text keeps --------------------------------------------

MAN_FLAGS = """\
GCLOUD WIDE FLAGS
       These flags are available to all commands: --access-token-file,
       --account, --billing-project, --configuration, --flags-file,
       --flatten, --format, --help, --impersonate-service-account, --log-http,
       --project, --quiet, --trace-token, --user-output-enabled, --verbosity.

API ENDPOINT OVERRIDES
       monitoring

             Overrides API endpoint for gcloud monitoring command group. It
             defaults to the production endpoint of the service, which is at
             https://monitoring.googleapis.com/

       networkmanagement

             Overrides API endpoint for gcloud network-management command
             group.  Defaults to https://networkmanagement.googleapis.com/

       networksecurity

             Overrides API endpoint for gcloud network-security command group.
"""


def test_blocks_set_apart_by_blank_lines_and_indented_differently_stay_apart():
    # a man page's option name and its description are separate blocks, however full the line before
    out = layout(MAN_FLAGS)
    assert "\n\n       networksecurity\n\n" in out and "\n\n       networkmanagement\n\n" in out
    # lines of one indentation after a blank line still join: OCR sets blank lines inside paragraphs
    ocr = MAN_FLAGS.replace("\n\n       networksecurity\n\n", "\n\n             and network-security\n\n")
    assert "googleapis.com/ and network-security" in layout(ocr)


def changelog(package: str, versions: list[str], signer: str) -> str:
    days = ["Thu, 25 May 2023 17:54:35 +0200", "Tue, 16 May 2023 23:27:12 +0200", "Tue, 07 Feb 2023 12:08:36 +0100",
            "Tue, 23 Aug 2022 21:40:01 +0200", "Tue, 26 Jul 2022 09:57:52 +0200"]
    return "".join(
        f"{package} ({version}) unstable; urgency=medium\n\n"
        f"  * Release candidate for the next stable release, built with the current\n"
        f"    toolchain and checked against the archive's policy on file locations.\n"
        f"  - Use \"{12 - n}\" as version in /etc/issue and /etc/issue.net.\n"
        f"    (never expected to change after release; the point releases keep it)\n"
        f"  * Fix the handling of empty groups in the removal of a system user, which\n"
        f"    left the group behind on some systems. (Closes: #10{n}4450)\n\n"
        f" -- {signer}  {day}\n\n" for n, (version, day) in enumerate(zip(versions, days)))


def test_a_changelogs_signoffs_and_releases_are_no_running_heads():
    # each entry is signed with the date (its numbers change, several at once) and names its release
    # (a number counting down): a running head's number counts up with the pages
    text = changelog("adduser", ["3.134", "3.132", "3.130", "3.127", "3.125"], "Marc Haber <mh@example.org>")
    out = layout(text)
    assert out.count(" -- Marc Haber") == 5
    assert all(f'Use "{n}" as version' in out for n in range(8, 13))


def test_a_tables_rows_are_no_running_heads():
    # rows of a table in a licence: one line a row, each with a number that changes, one after another
    rows = "".join(f"    2.{minor}.{patch}           2.{minor}       20{minor:02}        PSF         yes\n"
                   for minor in range(1, 7) for patch in range(1, 4))
    text = ("The table below summarizes the various releases. Historically, most, but not all, Python\n"
            "releases have also been GPL-compatible; the table below summarizes the various releases.\n\n"
            "    Release         Derived     Year        Owner       GPL-\n"
            "                    from                                compatible? (1)\n\n" + rows)
    assert layout(text).count("PSF         yes") == 18


def test_a_plain_text_headings_underline_is_not_joined_to_it():
    text = ("Mozilla Public License Version 2.0\n==================================\n\n1. Definitions\n--------------\n\n"
            + wrapped("means each individual or legal entity that creates, contributes to the creation of, or owns"))
    out = layout(text)
    assert "Version 2.0\n======" in out and "Definitions\n------" in out


def test_a_command_continued_by_a_backslash_keeps_its_line_break():
    # joined with a space, "\ " would escape the space and the command would change
    text = ("EXAMPLES\n       To add an IAM policy binding for the role of 'roles/compute.loadBalancerServiceUser'\n"
            "       for the user 'test-user@gmail.com' with backend service 'my-backend-service' and\n"
            "       region 'REGION', run the following command in the shell of your workstation:\n\n"
            "           $ gcloud alpha compute backend-services add-iam-policy-binding \\\n"
            "           my-backend-service --region=REGION --member='user:test-user@gmail.com' \\\n"
            "           --role='roles/compute.loadBalancerServiceUser'\n")
    out = layout(text)
    assert "add-iam-policy-binding \\\n" in out and "test-user@gmail.com' \\\n" in out


def test_an_attribution_after_a_quotation_stays_on_its_line():
    # a typed dash opening a line after a finished sentence, as "\u2014 " does: a quotation's source
    text = ("A programmer is a person who knows the value of everything, and the cost of nothing,\n"
            "and who will tell you so at length, whether or not you have asked him to, at any hour.\n"
            "\t\t-- Alan Perlis\n\nA list is only as strong as its weakest link, and every chain holds\n"
            "one link that is weaker than the others, which is where it breaks when it is pulled.\n"
            "\t\t-- Donald Knuth\n")
    out = layout(text)
    assert "at any hour.\n\t\t-- Alan Perlis" in out and "when it is pulled.\n\t\t-- Donald Knuth" in out


def test_a_full_title_over_a_blank_line_is_not_joined_to_the_paragraph_below():
    # across a blank line only a sentence that visibly goes on is joined (no final stop, a small letter next)
    text = ("A Tour through the Western Highlands of Scotland, Letter the Third\n\n"
            "From Fort William we set out on the morning of the fourth, with a guide who\n"
            "knew the country well, and a horse for the baggage, which was not much; and\n"
            "we followed the road along the loch side for some miles before we turned to\n"
            "the north, where the hills close in and the way becomes rough and narrow, so\n"
            "that the horse had to be led for the better part of the afternoon, until we\n"
            "came at last to the inn at the head of the glen, where we passed the night.\n")
    assert layout(text).startswith("A Tour through the Western Highlands of Scotland, Letter the Third\n\nFrom Fort")
    going_on = text.replace("Letter the Third\n\nFrom Fort William we", "and the road we took\n\nfrom Fort William, we")
    assert "the road we took from Fort William" in layout(going_on)


def test_a_line_opening_a_block_with_a_brace_keeps_its_line_break():
    # prose ends no line in "{": code does, and the next line is the block's first statement
    text = wrapped("the example below shows what the tool should print for a function:", "",
                   "work out define i32 @add_vectors(i32 %first, i32 %second) nounwind {",
                   "entry: the first block of the function body, and its label")
    assert "nounwind {\nentry:" in layout(text)


def test_a_break_mark_does_not_join_blocks_set_apart():
    # lines set apart by a blank line and indented differently are separate blocks: a "¬" (or a soft hyphen)
    # ending the first joins no word across them, as no other mark does
    text = wrapped("the logical operators are written with their own signs: and, or, not\u00ac", "",
                   "        negation reverses the truth value of the proposition it stands before")
    assert "not\u00ac\n\n        negation" in layout(text)


def test_a_word_set_off_by_hyphens_inside_a_line_is_no_broken_word():
    # "-broken-" names something (an option, a variant); the space after its closing hyphen is the writer's
    text = "  * Note that the -broken- variants are not implemented yet, nor are the -fast- ones.\n"
    assert layout(text) == text
    assert layout("the num- ber of them\n") == "the number of them\n"


def test_doubled_backticks_are_no_stray_marks():
    # TeX's opening quotes and the shell's backquotes are set on purpose; a lone accent is dirt
    text = "  * Use $() instead of `` when calling the checksum tool in the maintainer scripts.\n"
    assert layout(text) == text
    assert layout("LAND SALE. ` The house and the land\n") == "LAND SALE. The house and the land\n"


def test_bold_terms_of_a_restructuredtext_document_stay():
    # ``literal`` markup says a person wrote markup: its **bold** is meant, no VLM's heading marker
    text = ("Vendoring these libraries (see ``pip._vendor``) keeps ``pip install`` working. The issues are:\n\n"
            "**Fragility**\n   When pip depends on another library, a broken upgrade of it breaks pip.\n\n"
            "**Security**\n   This might seem puzzling at first glance.\n")
    assert layout(text) == text
    assert layout(text.replace("``", "")).count("**") == 0


def test_a_greater_than_sign_against_a_word_is_no_quote_marker():
    # engines write the quote marker with a space after it; ">Automatic" continues an arrow ("->")
    text = "set the option TextFlow->Hyphenation-\n>Automatic=On in the style's definition.\n"
    assert layout(text) == text
    assert layout("> Lord Carrington feels\n") == "Lord Carrington feels\n"


def test_a_typewriters_slashed_catchword_goes_where_pages_were_joined_by_one_newline():
    # no blank line between the catchword and the word it announces; a repeated reply, unmarked, stays (above)
    text = "\n".join(PAGE_END) + "\n\n/earnest,\nearnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE)
    out = layout(text)
    assert "/earnest," not in out and "begun in earnest, and that" in out


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_garbled_slashed_catchword_inside_a_sentence_goes(separator):
    # "/betwe-n" over "b t een": neither matches the other, but a slashed word in small letters inside a running
    # sentence, over more of it in small letters, is the typewriter's catchword
    text = "\n".join(PAGE_END) + f"\n\n/earn-st{separator}e rnest, and that a report would be made to the\n" + \
        "\n".join(NEXT_PAGE)
    out = layout(text)
    assert "/earn-st" not in out and "begun in e rnest, and that" in out


def test_a_slashed_word_after_a_finished_sentence_stays():
    text = "\n".join(PAGE_END) + ".\n\n/earn-st\n\ne rnest, and that a report would be made to the\n" + "\n".join(NEXT_PAGE)
    assert "/earn-st" in layout(text)


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
@pytest.mark.parametrize("path, under", [("/tmp", "which is cleared at boot"), ("/var/", "for the logs it writes")])
def test_a_path_on_a_line_of_its_own_inside_a_sentence_stays(separator, path, under):
    # a slashed word in small letters inside a running sentence whose letters do not match the line under it
    text = f"Temporary files are written to{separator}{path}{separator}{under}, as the manual says.\n"
    assert f"{path}{separator}" in layout(text)


LETTER_PAGE = wrapped("and it was resolved that the Department should be asked to report on", "it before the next meeting,")


@pytest.mark.parametrize("number", ["- 2", "2 -"])
def test_a_page_number_dashed_on_one_side_between_pages_joined_by_one_newline_goes(number):
    # OCR lost one of the typescript's dashes ("- 2 -"); the number heads the second page, over a blank line
    text = LETTER_OPENING + LETTER_PAGE + f"{number}\n\n" + LETTER_PAGE
    out = layout(text)
    assert number not in out and out.count("before the next meeting,") == 2


def test_a_list_item_of_a_dashed_number_stays():
    # under a short line, not a page's full one
    text = LETTER_PAGE + "\nThe options were:\n- 1\n- 2\n\n" + LETTER_PAGE
    assert "- 2" in layout(text)


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_page_number_under_a_continuation_mark_goes(separator):
    # "/6" announces the next page's paragraph 6; the page's number stands between
    text = LETTER_OPENING + LETTER_PAGE + f"\n/6{separator}2\n\n6. The Board agreed.\n" + LETTER_PAGE
    out = layout(text)
    assert "/6" not in out and "2" not in out.split() and "6. The Board agreed." in out


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_continuation_head_with_its_number_and_date_under_no_mark_goes(separator):
    # the addressee garbled past matching the first page's, one dash lost: the page number set off by a dash and the
    # letter's date make the line the second page's head
    text = LETTER_OPENING + LETTER_PAGE + f"{separator}Tne Rt Hon Lorl Ferier - 2 19 May 1986\n\n" + LETTER_PAGE
    out = layout(text)
    assert "Ferier" not in out and out.count("before the next meeting,") == 2


@pytest.mark.parametrize("line", ["The Board met on 19 May 1986", "Next Meeting - 12 May 1986",
                                  "Visit to Leeds - 3 June 1986"])
def test_a_line_with_the_letters_date_and_no_page_number_stays(line):
    # a dash before a date's day sets off no page number (rv28b: a schedule's line was taken for a head)
    text = LETTER_OPENING + LETTER_PAGE + f"\n{line}\n\n" + LETTER_PAGE
    assert line in layout(text)


def test_a_date_test_takes_only_a_month_for_a_month():
    # "Marshall", "Mayor", "Decca" begin as a month's abbreviation does: no date, so no dated head
    from ocrfix.strategies.layout.heads import dated_continuation_head, head_key, paper_head

    assert paper_head("THE COUNTY COURT, MARSHALL 3, 1874. 4") is None
    assert paper_head("THE WEEKLY COURIER, MARCH 3, 1866. 4") == 4
    assert not dated_continuation_head("The Mayor, 12 High Street - 2 of", ["The Mayor, 12 High Street"])
    assert head_key("Mr J Smith 3 Marshall 1983") == "Mr J Smith # Marshall #"
    assert head_key("Mr J Smith 3 Sept. 1983") == "Mr J Smith DATE"
