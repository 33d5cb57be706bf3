"""The `dictionary` strategy's real-word rule: a listed word printed for another ("bad" for "had").

The sentences are written for these tests in the style of 19th- and 20th-century print (no corpus
text): OCR errors that make another listed word, and clean sentences whose rare word pairs must stay.
"""
from __future__ import annotations

import pytest

from ocrfix.errormodel import ErrorModel
from ocrfix.lexicon import Vocabulary
from ocrfix.pipeline import Pipeline
from ocrfix.strategies.dictionary import Dictionary, realword
from ocrfix.strategies.dictionary.protect import protected_reason


@pytest.fixture(scope="module")
def strategy() -> Dictionary:
    return Dictionary()


def run(strategy: Dictionary, text: str) -> Pipeline:
    return Pipeline([strategy]).run(text)


# (printed, meant): a common listed word for another, one known confusion away (h/b), both word pairs
# unlisted as printed and listed as meant
REAL_WORD_ERRORS = [
    ("He bad been there for some years before the war.", "He had been there for some years before the war."),
    ("The prisoner said be was sorry for what he had done.", "The prisoner said he was sorry for what he had done."),
    # e/o: "be" (an e/o confusion) beats "to" (b/t), which the frequency gate alone would have taken
    ("I think it will bo a fine day.", "I think it will be a fine day."),
]

# (printed, meant) the dictionary repairs by its other rules (rare listed words, unknown words); they
# must keep working beside the real-word rule
OTHER_REPAIRS = [
    ("They bave done all that could be asked of them.", "They have done all that could be asked of them."),
    ("The rain fell all day, and tho river rose.", "The rain fell all day, and the river rose."),
    ("The men wero paid on Saturday evening.", "The men were paid on Saturday evening."),
    ("The farmer and bis son were at the market.", "The farmer and his son were at the market."),
    ("There bas been no change in the weather.", "There has been no change in the weather."),
    ("We told bim that the road was closed.", "We told him that the road was closed."),
]

# right as printed: rare but real word pairs, and words one confusion away from commoner ones
CLEAN = [
    "It was the bad news from the front that broke him.",
    "He told a lie, and the lie was found out.",
    "The harvest had been bad for three years running.",
    "The hat he wore was a bad one.",
    "She had a bad cold all through the winter.",
    "The dogs lie in the sun by the door.",
    "He would lie awake half the night.",
    "A bat flew out of the barn at dusk.",
    "The men bore the coffin to the grave.",
    "He bade them farewell at the gate.",
    "The hay was cut in June and carted in July.",
    "The hero of the hour was a young curate.",
    "Tho' the night was dark, he found the road.",
    "The bay was full of fishing boats.",
    "His bills were paid by his brother.",
    "The hen laid an egg every morning.",
    "He had a bare living from the land.",
    "The lot was sold for twenty pounds.",
    "The lame man was helped across the street.",
    "The mill race was choked with weeds.",
    "They had a bad time of it in the winter.",
    "In the bad old days the roads were mud.",
    "Let sleeping dogs lie.",
    "He said he was to be married in May.",
    "The bed of the river was dry.",
    "To be or not to be, that is the question.",
]

# (printed, not meant): two pieces a split-word join would make a word of, where the first piece is a
# misreading of a word fitting both sides ("but he came too"): the join is no repair there
MISREAD_NOT_SPLIT = [
    ("The doctor was sent for, but be came too late.", "The doctor was sent for, but became too late."),
]
# ... and split words the join still repairs: the joined word fits both neighbours, or no misreading does
SPLIT_WORDS = [
    ("It be came clear that he had lied.", "It became clear that he had lied."),
    ("The rain be came heavier towards evening.", "The rain became heavier towards evening."),
]


@pytest.mark.parametrize("printed, meant", REAL_WORD_ERRORS)
def test_real_word_error_repaired(strategy, printed, meant):
    result = run(strategy, printed)
    assert result.text == meant
    assert any(edit.reason.startswith("real-word error") for edit in result.edits)


@pytest.mark.parametrize("printed, meant", OTHER_REPAIRS)
def test_other_repairs_kept(strategy, printed, meant):
    assert run(strategy, printed).text == meant


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_stays(strategy, text):
    assert run(strategy, text).text == text


def test_a_word_the_document_uses_in_a_listed_pair_is_its_own(strategy):
    # "a bad" is a listed pair: the document uses "bad" as a word, so "he bad been" is not guessed at
    text = "It was a bad year. He bad been away."
    assert run(strategy, text).text == text


def test_names_and_capitalised_words_are_left(strategy):
    for text in ("The Bad been there.", "It was Lie who came."):
        assert run(strategy, text).text == text


def test_only_a_confusion_the_model_knows(strategy):
    # "bad" -> "had" needs the h/b confusion: a model without the prior and with no such learned pair
    # does not make the repair
    bare = Dictionary(model=ErrorModel({}, {}, 1000, 0, prior=False))
    assert run(bare, REAL_WORD_ERRORS[0][0]).text == REAL_WORD_ERRORS[0][0]
    assert run(strategy, REAL_WORD_ERRORS[0][0]).text == REAL_WORD_ERRORS[0][1]


@pytest.mark.parametrize("printed, wrong", MISREAD_NOT_SPLIT)
def test_a_misread_first_piece_is_not_joined(strategy, printed, wrong):
    assert run(strategy, printed).text != wrong


@pytest.mark.parametrize("printed, meant", SPLIT_WORDS)
def test_split_words_still_joined(strategy, printed, meant):
    assert run(strategy, printed).text == meant


def test_a_likelier_misreading_rivals_the_gated_one(strategy):
    # "bo" used once (see _admissible): the gate admits "to" ("will to", "to a" listed, 10^3.4 commoner than
    # "bo"), but "be", one e/o confusion away, fits both neighbours and is the likelier misreading: no repair
    # here (the real-word rule then reads "be")
    assert strategy._repair("bo", "bo", 4.0, "will", "a", repeated=False) is None


# (printed, meant): a rare listed word whose whole count in the lexicon the misprints of a common word one
# known confusion away would make (see counted_from_misprints): its listing earns it no known-word bonus
MISPRINTS_COUNTED = [
    ("They came aud went.", "They came and went."),
    ("He received the memorial, aud would give it his best consideration.",
     "He received the memorial, and would give it his best consideration."),
    ("The men waa tired after the long march.", "The men was tired after the long march."),
]
# right as printed: a period spelling more common than the misprints of its modern word would make it, and a
# file extension (a full stop glued before a short word is no prose)
NOT_MISPRINTS = [
    "He does not shew it in his manners.",
    "Save the script as a .py file, then import the .py file.",
]


@pytest.mark.parametrize("printed, meant", MISPRINTS_COUNTED)
def test_a_word_as_rare_as_its_misprints_earns_no_bonus(strategy, printed, meant):
    assert run(strategy, printed).text == meant


@pytest.mark.parametrize("text", NOT_MISPRINTS)
def test_a_word_commoner_than_its_misprints_stays(strategy, text):
    assert run(strategy, text).text == text


def test_a_file_extension_is_code():
    assert protected_reason(".py", "py") == protected_reason(".html,", "html") == "code or markup"
    assert protected_reason(".yping", "yping") is None  # a misread first letter, not a file extension
    assert protected_reason("...and", "and") is None


# right as printed: American spellings whose British forms are one known confusion (o/ou) away and fit the
# neighbours better in the lexicon's (British-leaning) pairs; a spelling variant is the printer's choice,
# no misreading, whatever odds the real-word rule asks
SPELLING_VARIANTS = [
    "The vote went in favor of the bill.",
    "This will change the behavior of the system.",
    "The honorable member rose to speak.",
    "They were in the neighborhood of the mill.",
]


@pytest.mark.parametrize("text", SPELLING_VARIANTS)
def test_a_spelling_variant_is_no_real_word_error(strategy, text, monkeypatch):
    monkeypatch.setattr(realword, "REAL_WORD_ODDS", 1.0)  # 10:1: the variant's pairs alone would win
    assert run(strategy, text).text == text
    assert run(strategy, "He bad seen it before the war.").text == "He had seen it before the war."


# A page whose type has a broken "h" all through: its non-word repairs (tbe, wben, wbich, witb) show the
# engine made h/b again and again, and that makes "bad" for "had" likelier here than the error model's
# average says. The same sentence alone gives no such evidence and stays as printed (odds below
# REAL_WORD_ODDS).
BROKEN_H_PAGE = ("Tbe Committee met on Tuesday last, wben tbe Chairman read a letter from tbe Secretary, "
                 "in wbich it was stated tbat tbe Government bad no intention of interfering witb tbe "
                 "proposed arrangements.")


def test_a_confusion_the_page_repeats_makes_its_real_word_misreadings_likelier(strategy: Dictionary) -> None:
    alone = "The Government bad no intention of interfering with the proposed arrangements."
    assert run(strategy, alone).text == alone
    result = run(strategy, BROKEN_H_PAGE)
    assert "Government had no intention" in result.text
    assert "tbe" not in result.text and "wbich" not in result.text


def test_a_confusion_seen_in_one_word_only_is_no_evidence(strategy: Dictionary) -> None:
    page = ("Tbe Committee met on Tuesday, and tbe Chairman read tbe letter; tbe Government bad no "
            "intention of interfering.")
    assert "Government bad no" in run(strategy, page).text


def test_an_unknown_word_left_alone_is_read_with_the_pages_own_confusions(strategy: Dictionary) -> None:
    # 19th-century newspaper OCR reads h as "li" all through a page (tlie, wliich): "Marcli" beside "of" and a
    # year, and the name-like "Wasliington", lose to the unknown word at the model's rate of li for h
    alone = "On the 3d of Marcli, 1862, the regiment marched to Wasliington, where it was reviewed."
    assert run(strategy, alone).text == alone
    page = ("On the 3d of Marcli, 1862, tlie regiment marclied to Wasliington, wliere it was reviewed by tlie "
            "President. Tlie men liad been in camp, and wlien tliey arrived tliey were tired.")
    assert run(strategy, page).text == ("On the 3d of March, 1862, the regiment marched to Washington, where it "
                                        "was reviewed by the President. The men had been in camp, and when they "
                                        "arrived they were tired.")


# Session 8: a word the document misprints as a listed word, read from its own repairs; a capitalised
# word at a sentence's start read as the lower-case word it is

def test_a_word_the_page_misprints_elsewhere_is_read_with_weaker_context(strategy: Dictionary) -> None:
    # "in tho town" has listed pairs for "the" on both sides at 300:1; "and tho roads" alone does not
    # reach those odds, but the page has shown that it prints "the" as "tho"
    page = "The rain fell in tho town all day; tho river rose and tho roads were closed."
    result = run(strategy, page)
    assert "in the town" in result.text and "and the roads" in result.text
    assert all(edit.reason.startswith("real-word error") for edit in result.edits)


def test_a_misprint_read_by_rarity_alone_is_no_evidence_for_a_whole_word() -> None:
    from ocrfix.strategies.dictionary.adapt import DocumentConfusions
    seen = DocumentConfusions.from_repairs([("nore", "more")], "nore that it is more", [])
    assert not seen and seen.word_boost("more", "nore", -3.0) == 0.0


def test_a_confusion_two_words_show_is_the_documents_own() -> None:
    # e read as c in two repaired words is this page's confusion; twice in one word may be that word's own misprint
    from ocrfix.strategies.dictionary.adapt import DocumentConfusions
    text = "tcnder and hcavy rain, tender and heavy"
    assert DocumentConfusions.from_repairs([("tcnder", "tender"), ("hcavy", "heavy")], text).boost("e", "c", -3.0) > 0
    one_word = DocumentConfusions.from_repairs([("tcnder", "tender"), ("tcnder", "tender")], text)
    assert one_word.boost("e", "c", -3.0) == 0.0


def test_a_capitalised_word_opening_a_sentence_is_read_as_its_lower_case_word(strategy: Dictionary) -> None:
    result = run(strategy, "The rain fell in tho town all day. Tho streets were empty.")
    assert result.text == "The rain fell in the town all day. The streets were empty."
    result = run(strategy, "The rain fell in tho town all day\n\nTho streets were empty.")
    assert result.text.endswith("\n\nThe streets were empty.")
    result = run(strategy, "The rain fell in tho town.\nFLOODS IN THE NORTH.\nTho streets were empty.")
    assert result.text.endswith("NORTH.\nThe streets were empty.")  # the line after a headline's stop


@pytest.mark.parametrize("text", [
    "The rain fell in tho town all day. Tho streets were empty, wrote Tho in his diary.",  # a name here
    "The rain fell in tho town all day. Mr. Tho house was empty.",  # after an abbreviation
    "The rain fell in the town all day. Tho Bell came to see it.",  # a capital follows: a name (no "tho" misprinted
    # elsewhere: where the page misprints "tho", "Tho Bell came" is "The Bell", session 20's own-misprint openings)
])
def test_a_capitalised_word_that_may_be_a_name_stays(strategy: Dictionary, text: str) -> None:
    assert "Tho" in run(strategy, text).text


def test_the_pages_own_misprint_is_read_beside_an_unreadable_word(strategy: Dictionary) -> None:
    page = "The rain fell in tho town all day, and tho Mnyor came."
    assert run(strategy, page).text == "The rain fell in the town all day, and the Mnyor came."
    alone = "The rain fell all day, and tho 3nyor came."  # no repair elsewhere: one neighbour is no evidence
    assert run(strategy, alone).text == alone
    # but a capitalised word after it is a name to the lower-case pair list: read by the word before (session 18)
    assert run(strategy, alone.replace("3", "M")).text == "The rain fell all day, and the Mnyor came."


def test_the_pages_own_misprint_is_read_between_two_unreadable_words(strategy: Dictionary) -> None:
    # the page's real-word repairs read "tho" as "the" beside listed words; between two garbled strings it has no
    # neighbour's evidence, but the page's own rate of printing "the" so makes it the likelier word
    page = ("The letter was sent to tho Secretary of State, and tho Minister of tho Crown replied. "
            "Later qzxv tho wrbnk came.")
    assert run(strategy, page).text == page.replace("tho", "the")
    # no repair elsewhere shows the misprint: the word between garbled strings stays
    alone = "The letter was sent to the Secretary of State. Later qzxv tho wrbnk came."
    assert run(strategy, alone).text == alone


def test_a_reading_the_page_uses_elsewhere_is_likelier(strategy: Dictionary) -> None:
    page = ("The function is passed the nodule to use instead of the module. Each module has its own name, "
            "and a module is loaded once.")
    assert run(strategy, page).text.startswith("The function is passed the module to use")
    alone = "The function is passed the nodule to use instead of the default."
    assert run(strategy, alone).text == alone


def test_a_word_at_a_clause_edge_is_read_by_its_one_neighbour(strategy: Dictionary) -> None:
    # the comma bounds the clause as a sentence start does: "other hend" has no listed pair, "other hand" has
    result = run(strategy, "The old men stood on the other hend, and waited.")
    assert result.text == "The old men stood on the other hand, and waited."
    # ... but only a comma, semicolon or colon next to the word itself: not a quotation mark
    quoted = "The old men stood on the other hend”, and waited."
    assert run(strategy, quoted).text == quoted


def test_a_word_beside_an_unknown_word_is_read_by_its_other_neighbour(strategy: Dictionary) -> None:
    # "qxzv" is no word and has no reading: no evidence either way, and "in the" is listed, "in tho" not
    assert run(strategy, "They met in tho qxzv of the town.").text == "They met in the qxzv of the town."
    # beside noise of letters and digits the word may be part of the noise
    noisy = "They met in tho qx3v of the town."
    assert run(strategy, noisy).text == noisy


# (printed, meant): one of the commonest words misread as a rarer listed word, read at FUNCTION_WORD_ODDS where
# the page prints it elsewhere
FUNCTION_WORD_ERRORS = [
    ("They had walked all day. And when they ad eaten enough, they went down to the shore.",
     "They had walked all day. And when they had eaten enough, they went down to the shore."),
    ("The prisoner said te had only had a glass or two of ale, and he was sorry.",
     "The prisoner said he had only had a glass or two of ale, and he was sorry."),
    ("I will net acknowledge the debt, nor pay a penny of it. I will not.",
     "I will not acknowledge the debt, nor pay a penny of it. I will not."),
    ("Teach mc to live, that I may dread the grave as little as my bed. Keep me this night.",
     "Teach me to live, that I may dread the grave as little as my bed. Keep me this night."),
]
# ... and rare words beside function words that stay
FUNCTION_WORD_CLEAN = [
    "Some ore people came to the mine.",
    "The tat of the loom was broken.",
    "He took the net and went down to the river.",
    "The ad was placed in the paper on Monday.",
    "Neither he nor she would say a word.",
    "The ewe and her lamb were in the field.",
    "There was an old belief that by making a noise the spirits were driven off.",
]


@pytest.mark.parametrize("printed, meant", FUNCTION_WORD_ERRORS)
def test_a_function_word_needs_lower_odds(strategy: Dictionary, printed: str, meant: str) -> None:
    assert run(strategy, printed).text == meant


def test_a_function_word_at_full_odds_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(realword, "FUNCTION_WORD_ODDS", realword.REAL_WORD_ODDS)
    printed = FUNCTION_WORD_ERRORS[0][0]
    assert run(Dictionary(), printed).text == printed


def test_a_function_word_the_page_never_prints_needs_full_odds(strategy: Dictionary) -> None:
    # no other "had" on the page: the reading is held to REAL_WORD_ODDS, which "they ad eaten" does not reach
    text = "And when they ad eaten enough, they went down to the shore."
    assert run(strategy, text).text == text


@pytest.mark.parametrize("text", FUNCTION_WORD_CLEAN)
def test_a_rare_word_beside_function_words_stays(strategy: Dictionary, text: str) -> None:
    assert run(strategy, text).text == text


def test_a_function_word_used_elsewhere_is_still_a_misprint(strategy: Dictionary) -> None:
    # "we" is in listed pairs elsewhere on the page, as in every page: no sign it is the page's word here
    page = "We went to the town early. The cart stood in we yard all the morning, and we loaded it."
    assert run(strategy, page).text == page.replace("in we yard", "in the yard")


def test_a_reading_that_fits_as_well_is_a_rival(strategy: Dictionary) -> None:
    # "to he" is as rare as a misprint of "to the" but not of "to be": "be" fits too, and "the" is no repair
    text = "He said he was pretending to he stupid, just to get people off his back."
    assert run(strategy, text).text == text


def test_rival_readings_that_cost_nothing_to_mistake_count_as_one(strategy: Dictionary) -> None:
    # "on" and "in" both fit: either is one letter from "un" and from each other, so the word is surely misread
    text = "Some commands work un the whole file when you do not give them a range."
    assert run(strategy, text).text == text.replace(" un ", " on ")
    # "run" is nearer "un" than "on" is, but holds a thousandth of the posterior: a risk by that share only
    far_rival = "The doctor visited it un the first day."
    assert run(strategy, far_rival).text == far_rival.replace(" un ", " on ")
    # "for" or "to": "for" is two letters from "to", "fo" one; a wrong choice would cost more than none
    rival_nearer = "We wish to thank you and your staff fo the help given during the year."
    assert run(strategy, rival_nearer).text == rival_nearer


def test_a_repeated_lone_letter_is_a_lost_word_only_in_a_badly_misread_text(strategy) -> None:
    # an engine that loses the "t" of "to" does so again and again; in clean text a repeated letter is a symbol
    garbled = ("Tbe rnen came to tbe house and said tbat they would need w be there, and tbe king said w the rnen "
               "that all was well.")
    assert "need to be there" in run(strategy, garbled).text and "said to the" in run(strategy, garbled).text
    clean = "We would need w be there, and the king said w the men that all was well."
    assert run(strategy, clean).text == clean


# A page a fifth of whose words the engine garbled (written for the test in the style of a 19th-century
# report): its listed words are misprinted more often than clean prose's too
GARBLED = "Tbe rnen carne frorn tbe rnill, aud tbe rnaster said tbat tbey wonld be paid ou Satnrday. "
WIT = "The accounts were found to be correct, wit the exception of the last week."


def test_a_garbled_page_needs_lower_odds_for_a_word_it_prints_once(strategy: Dictionary) -> None:
    # "with" beats "wit" by ~220:1: under the 300:1 of clean prose, over what the garbled page needs
    assert run(strategy, WIT).text == WIT
    assert run(strategy, GARBLED + WIT).text.endswith(WIT.replace("wit the", "with the"))


def test_a_word_a_garbled_page_prints_again_needs_full_odds(strategy: Dictionary) -> None:
    # the writer's word recurs: "wit" twice is held to the odds of clean prose
    page = GARBLED + WIT + " It was a work of wit, and the wit of it was plain."
    assert "correct, wit the exception" in run(strategy, page).text


def test_a_word_is_read_by_its_common_neighbour_beside_a_rare_one(strategy: Dictionary) -> None:
    # "of wilful" is no listed pair, nor "case oi": the lexicon lists few pairs of a rare word ("wilful"), and
    # beside one the common neighbour decides ("case of"), as beside an unknown word
    text = "It was a clear case oi wilful neglect of duty."
    assert run(strategy, GARBLED + text).text.endswith(text.replace(" oi ", " of "))


def test_a_common_neighbour_that_pairs_with_neither_is_no_evidence(strategy: Dictionary) -> None:
    # "the boat" is a listed pair; "boat might" is not, nor "voat might": the pair list lacks many ordinary pairs,
    # so the second common neighbour decides nothing and "the" does (at the garbled page's odds; clean prose keeps
    # the word: the reading fits one side only)
    text = "He judged that the voat might try it again."
    assert run(strategy, GARBLED + text).text.endswith(text.replace("voat", "boat"))
    assert run(strategy, text).text == text


def test_a_rare_neighbour_decides_nothing(strategy: Dictionary) -> None:
    # "la vie" is a listed pair, but "vie" is a rare word, no evidence the lexicon trusts: "ia" stays
    text = "The old man drank ia vie sans souci."
    assert run(strategy, GARBLED + text).text.endswith(text)


def test_a_garbled_page_reads_a_sure_reading_at_lower_odds(strategy: Dictionary) -> None:
    # "old" is the one reading of "oli" that fits "years" and the comma's clause: under the odds of clean prose,
    # over what a garbled page needs for a reading no rival shares
    text = "He had been there some fifteen years oli, and from the books we know it."
    assert run(strategy, text).text == text
    assert run(strategy, GARBLED + text).text.endswith(text.replace("years oli,", "years old,"))
    # clean prose keeps its rare word however sure the reading ("role" fits "the" and "of" alone)
    clean = "The eggs are packed together like the roe of a fish."
    assert run(strategy, clean).text == clean


def test_a_word_beside_a_repaired_neighbour_is_a_real_word_suspect(strategy: Dictionary) -> None:
    # "per@uaded" is no word, so "lese" was no suspect; repaired, "persuaded" is evidence, and "lese" pairs with
    # neither "much" nor "persuaded" where "less" pairs with both
    text = "He is much lese per@uaded of the need."
    assert run(strategy, GARBLED + text).text.endswith("He is much less persuaded of the need.")


def test_a_common_word_before_a_repaired_neighbour_is_read_again(strategy: Dictionary) -> None:
    # "ben" is common enough to be taken as written (Zipf 4.7), and beside the unreadable "witharawn," no suspect;
    # once "withdrawn" is repaired after it, "been" fits both neighbours
    text = "The objection has not ben witharawn, and the decision stands."
    assert run(strategy, text).text == "The objection has not been withdrawn, and the decision stands."


# Session 16: the page's own confusions for a capitalised word read letter for letter, and for a word it repeats

NEWSPRINT_PAGE = ("It was the opinion of the Goverumcnt of the county that the roads be mended, and the Parliameut "
                  "agreed with the uation and thc commuuity that thc maiu road was in a bad state, and the men said "
                  "so again.")


def test_a_capitalised_word_read_letter_for_letter_by_the_pages_confusions_is_a_common_word(
        strategy: Dictionary) -> None:
    # ABBYY on worn newsprint reads n as "u" and e as "c" all through a page: "Goverumcnt" inside a sentence is no
    # name but "Government", read as a name-like word is when the reading is a word the lexicon trusts
    assert "the Government of the county" in run(strategy, NEWSPRINT_PAGE).text
    # names whose readings by those confusions are rare words stay ("Chilion" is not "Chilton")
    names = NEWSPRINT_PAGE.replace("the men said", "Mr. Bunting, Lauder and Stauton said")
    assert "Mr. Bunting, Lauder and Stauton said" in run(strategy, names).text


def test_a_word_the_page_repeats_is_still_read_with_its_own_confusions(strategy: Dictionary) -> None:
    # an unknown word printed twice is the document's own spelling, unless the page's repairs show the confusions
    # that make it a clear misprint: the engine misread "Government" the same way both times
    page = NEWSPRINT_PAGE.replace("the men said", "the Goverumcnt said")
    assert run(strategy, page).text.count("Government") == 2
    alone = "It was the opinion of the goverumcnt that the roads be mended, and the goverumcnt said so again."
    assert run(strategy, alone).text == alone  # no confusion shown: the page's own word


# Session 17: short common words

def test_a_lower_case_word_opening_a_sentence_is_read_as_the_capitalised_word_misread(strategy: Dictionary) -> None:
    # a capital I printed as the small l it is shaped as ("lt", "ln", "lf" are listed: web text holds them): English
    # opens a sentence with a capital, so the lower-case word there is a misreading more often than the writer's
    text = ("We left the farm at dawn. lt was a fine day. ln the morning the men went out to the fields. "
            "lf he had known, he would have come.")
    assert run(strategy, text).text == ("We left the farm at dawn. It was a fine day. In the morning the men went "
                                        "out to the fields. If he had known, he would have come.")
    # after an abbreviation's point ("cent.", "lt.", "ft." after a number) no sentence opens
    for clean in ("He was the lt. governor of the province.", "It rose 5 per cent. ln the end it fell.",
                  "The wall was 5 ft. lt was said to be old."):
        assert run(strategy, clean).text == clean


def test_a_listed_word_its_readings_misprints_account_for_is_scored_as_rarer_in_a_garbled_text(
        strategy: Dictionary) -> None:
    # "wn" (Zipf 2.6) is listed because web text holds "on", "own", "when" misread: the error model's misprints of them
    # make more than its count, so in a garbled text it is scored as printed at a third of it, and "own" wins
    text = "Tbe sbip lay in tbe roads with two anchors down and her wn cables, and the crew were ashore."
    assert "and her own cables" in run(strategy, text).text
    # in clean text the count stands (a variable named like a misprint), and a word in use keeps it anywhere
    for clean in ("Set iu to one in the loop.", "It was a bad year for the farm.",
                  "The old man said tho' he was tired he would go on.", "Pierre ou Jean will come to the house."):
        assert run(strategy, clean).text == clean
    assert [round(strategy._in_use(word, zipf), 2) for word, zipf in (("wn", 2.61), ("bad", 5.53))] == [2.11, 5.53]


# Session 18: real-word errors

def test_a_word_before_a_name_is_read_by_the_word_before(strategy: Dictionary) -> None:
    # the pair list was counted in lower case: it lists no "as london", so the name is no evidence, and "far ax" is
    # "far as" read by the word before alone (BEFORE_NAME_ODDS)
    text = ("Tbe sbip lay in tbe roads witb two ancbors down, and tbe men went by rail as far ax London, "
            "where they stayed.")
    assert "as far as London" in run(strategy, text).text
    # a name's particle stays, as does a word before "I", whose pairs the list holds
    clean = ("Tbe sbip lay in tbe roads witb two ancbors down, and tbe poems of la Fontaine were read to du Pont "
             "and ax I said.")
    assert "poems of la Fontaine were read to du Pont and ax I said." in run(strategy, clean).text


# Session 19: short function words

def test_a_number_beside_a_word_is_no_evidence(strategy: Dictionary) -> None:
    # the pair list holds no numbers: "he" is read by "of" alone, its pair with "of" scored as the misprint it is
    # (both needed: scored as listed, "of the" wins by 10 ** 1.94 only)
    assert run(strategy, "It was the sight of he 9th November.").text == "It was the sight of the 9th November."
    for clean in ("In 1865 he sailed for Bombay; in 1870 we met him at Aden.", "Set n to 10 and run it.",
                  "Of 40 he gave away 12, and of 30 we kept 6.",
                  "Blessed is he; and of he that overcometh it is written.",
                  "Glory be to him and to he who comes after 12 others."):
        assert run(strategy, clean).text == clean


def test_a_listed_pair_its_readings_misprints_account_for_is_scored_as_unlisted(strategy: Dictionary) -> None:
    # "of the" (6.54) with the t lost (10 ** -2.19) predicts more "of he" than its listed 2.44: scored as unlisted
    listed = strategy._context("of", "he", 6.69, None)
    assert strategy._as_printed("of", "he", 6.69, None, ["the"]) < listed - 1.0
    # "he said" (5.6) is no misprint of "the said": its listing stands
    assert strategy._as_printed(None, "he", 6.69, "said", ["the"]) == strategy._context(None, "he", 6.69, "said")


def test_the_pages_own_misprint_opening_a_sentence_before_a_name(strategy: Dictionary) -> None:
    # "tho" repaired inside sentences makes it the page's misprint: an opening "Tho" before a name is read so too,
    # where the name after it is no evidence (session 20)
    page = ("The Board met in tho town hall, and tho Mayor spoke of tho new bridge. "
            "Tho Rev. Smith thanked him. The Board then rose.")
    assert run(strategy, page).text == page.replace("tho ", "the ").replace("Tho ", "The ")
    alone = "The Board met in the town hall. Tho Rev. Smith thanked him."  # no such misprint elsewhere
    assert run(strategy, alone).text == alone
    # a word the page prints capitalised inside a sentence is a name there: "Tho Rev. ... with Tho." stays
    named = page.replace("The Board then rose.", "He sat with Tho.")
    assert run(strategy, named).text.count("Tho ") == 1


def test_the_pages_own_misprint_printed_again_is_read_by_one_fitting_neighbour(strategy: Dictionary) -> None:
    # "heir" read as "their" between two words it fits neither of, three times: the page misprints "their" so, and
    # its fourth "heir", where "their" fits only the word before, is read so too, printed again as it is (session 21)
    page = ("The sons came with heir wives and heir children to the house of heir father. "
            "They were numbered by heir generations.")
    assert run(strategy, page).text == page.replace("heir", "their")
    alone = "They were numbered by heir generations, and by heir names."  # no such misprint elsewhere: the writer's
    assert run(strategy, alone).text == alone


def test_a_sentences_last_word_is_read_by_the_word_before(strategy: Dictionary) -> None:
    # a full stop before a capital ends the sentence as a comma ends a clause: the word before it is read by the
    # word before alone, in a page garbled enough to lower the odds asked; never as a word no sentence ends with
    # ("of tho." is no "of the."), nor before a lower-case word (a speck's stop), nor an abbreviation's (session 22)
    garbled = "The cbildren of the viliage went to the hcuse of the mnster, and thcse who heard it knew wby. "
    read = run(strategy, garbled + "They sat in the town kall. Few knew why.").text
    assert read.endswith("the town hall. Few knew why.")
    for kept in ("They sat in the town kall. few knew why.", "It was the best of tho. Then he left.",
                 "He came and sat with tho. Then he left."):
        assert run(strategy, garbled + kept).text.endswith(kept)


def test_a_first_letter_the_page_lost_to_a_mark_is_read_where_the_word_is_printed_bare(strategy: Dictionary) -> None:
    # "“pon" read as "upon" shows an engine that prints "upon" without its first letter: its bare "pon", where "upon"
    # fits one neighbour, is read so too; not a word as common as "he", which the writer prints bare (session 23)
    page = "I came “pon a letter in the drawer, and then I went to think pon the matter of the house."
    assert run(strategy, page).text == page.replace("“pon", "upon").replace(" pon", " upon")
    alone = "And then I went to think pon the matter of the house."  # no mark's evidence: left as printed
    assert run(strategy, alone).text == alone
    pronoun = "We came “pon a letter, and “he book lay by “he door. Then he and his sons left."
    assert run(strategy, pronoun).text.endswith("Then he and his sons left.")


def test_the_tokens_flags_are_each_tokens_own(strategy: Dictionary) -> None:
    """The arrays the real-word suspects are found with (:meth:`Tokens.flags` and its kin) hold, for each token,
    what asking that token alone gives."""
    from ocrfix.corpus import load
    from ocrfix.strategies.dictionary.tokens import Tokens, is_alpha_word, is_lower_alpha_word

    zipf = strategy._lexicon.folded_zipf
    for text in [document.ocr for document in load()[:4]] + ["", "one", "“he said,\n\nto"]:
        tokens = Tokens(text)
        assert tokens.flags(is_lower_alpha_word).tolist() == [is_lower_alpha_word(core) for core in tokens.cores]
        assert tokens.per_core(str.isupper) == [core.isupper() for core in tokens.cores]
        table = strategy._lexicon.word_table
        assert tokens.listed(table) == tokens.listed_flags(table).tolist() == [
            word is not None and bool(zipf(word)) for word in tokens.letter_words]
        assert tokens.zipfs(table).tolist() == [zipf(word) for word in tokens.folded]
        assert tokens.lengths.tolist() == [len(core) for core in tokens.cores]
        assert tokens.alpha_words.tolist() == [is_alpha_word(core) for core in tokens.cores]
        assert tokens.lower_words.tolist() == [is_lower_alpha_word(core) for core in tokens.cores]
        assert tokens.linked_after.tolist() == (tokens.linked + [False] if tokens.cores else [])
        assert tokens.bare.tolist() == [raw == core for raw, core in zip(tokens.raws, tokens.cores)]


def test_the_suspects_found_as_arrays_are_those_asked_token_by_token(strategy: Dictionary) -> None:
    """:meth:`_unpaired`'s array tests find the tokens its conditions name, asked of each token in turn."""
    from ocrfix.corpus import load
    from ocrfix.strategies.dictionary.tokens import Tokens, is_alpha_word, is_capitalised_word, is_lower_alpha_word

    def name_word(core: str) -> bool:  # capitalised or all capitals, two letters or more
        return is_capitalised_word(core) or is_alpha_word(core) and core.isupper()

    lex = strategy._lexicon
    ceiling = lex.bigram_ceiling - realword.MISPRINT_GAP
    for document in load()[:4]:
        tokens = Tokens(document.ocr)
        tokens.vocabulary = Vocabulary.from_text(tokens.text)
        paired = lex.folded_bigrams(zip(tokens.folded, tokens.folded[1:])) + [0.0]
        found = strategy._unpaired(tokens, paired)
        words, linked, listed = tokens.letter_words, tokens.linked, tokens.listed(lex.word_table)
        lone = {letter for letter in "abcdefghijklmnopqrstuvwxyz" if realword._lone_letter(tokens, letter)}
        between = {i for i in range(1, len(words) - 1)
                   if (is_lower_alpha_word(tokens.cores[i]) or tokens.cores[i] in lone)
                   and paired[i] < ceiling and paired[i - 1] < ceiling and linked[i - 1] and linked[i]
                   and words[i - 1] is not None and listed[i + 1] and listed[i]}
        before_name = {i for i in range(1, len(words) - 1) if is_lower_alpha_word(tokens.cores[i])
                       and name_word(tokens.cores[i + 1]) and linked[i] and linked[i - 1]
                       and tokens.raws[i] == tokens.cores[i] and listed[i - 1] and paired[i - 1] < ceiling
                       and listed[i]}
        assert tokens.before_name == before_name
        assert found == between | tokens.opening | tokens.one_sided | tokens.before_name
        assert between and before_name


def test_one_word_spelled_out_has_the_batchs_misreadings(strategy: Dictionary) -> None:
    """A word the misreadings batch did not hold is read by spelling its strings out: the same readings."""
    from ocrfix.corpus import load
    from ocrfix.strategies.dictionary.tokens import Tokens

    words = sorted({word for document in load()[:6] for word in Tokens(document.ocr).folded} | {"tbe", "x" * 200})
    batch = realword._misreading_index(strategy.model).readings(words)
    assert {word: realword._spelled_misreadings(strategy.model, word) for word in words} == batch
    assert "the" in batch["tbe"]


def test_words_standing_alone_are_counted_as_a_search_per_word_counts_them() -> None:
    """The document's count of each word it printed right (:mod:`.adapt`) comes from its runs of letters in one pass:
    the counts of a search for each word with no letter beside it."""
    import regex

    from ocrfix.corpus import load
    from ocrfix.lexicon import fold
    from ocrfix.strategies.dictionary import adapt

    text = fold(load()[0].ocr)
    words = {"the", "of", "he", "tho", "and", "which", "o'er", "don't", "x-ray", "naïve", "ſuch", "zzzq"}
    searched = {word: len(regex.findall(r"(?<!\p{L})" + regex.escape(word) + r"(?!\p{L})", text)) for word in words}
    assert adapt._standing_alone(words, text) == searched
    assert searched["the"] > 0
