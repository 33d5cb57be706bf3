"""A page's own rate of lost letters (ocrfix.strategies.dictionary.adapt): the lost letters its confident repairs put
back make a lost letter likelier in its other words."""
import ocrfix

LETTER = ("Dear Sir,\n\nThank you for your letter of 23 November about the new runway. We have {} the plans with "
          "the {}, and the {} you sent will be put to the Foreign and {} Office, which will send its "
          "advisers to the meeting on Monday. I should be glad to {} you then.\n\nYours faithfully,")
TRUE = ("discussed", "committee", "information", "Commonwealth", "see")


def fix(text: str) -> str:
    return ocrfix.correct(text, strategies=["dictionary"])


def test_a_page_that_loses_letters_has_its_other_lost_letters_put_back():
    # three confident repairs put back a lost letter, each in its own word: the page loses letters as a habit
    for garbled in ("Commnwealth", "Comonwealth", "Commonwelth"):
        assert fix(LETTER.format("dicussed", "ommittee", "inormation", garbled, "see")) == LETTER.format(*TRUE)
    # a listed word one letter short, between two words it fits less than the reading does
    assert fix(LETTER.format("dicussed", "ommittee", "inormation", "Commonwealth", "se")) == LETTER.format(*TRUE)


def test_a_page_whose_repairs_put_back_no_letter_keeps_its_near_misses():
    # its confident repairs read letters as other letters: no lost letter, no rate of losing one
    text = LETTER.format("discussod", "cornmittee", "inforrnation", "Commnwealth", "se")
    assert fix(text) == LETTER.format("discussed", "committee", "information", "Commnwealth", "se")


def test_a_word_opening_a_sentence_is_not_read_by_the_pages_lost_letters():
    # "als" after a stop is read by the sentence's start alone: one letter short of "Also", a piece of "officials"
    text = ("Dear Sir,\n\nThank you for your letter of 23 November about the new runway. We have dicussed the plans "
            "with the ommittee, and the inormation you sent will be put to the Foreign Office, and the offi. als would "
            "keep in close touch with the advisers.\n\nYours faithfully,")
    fixed = fix(text)
    assert "offi. als would" in fixed and "discussed" in fixed and "information" in fixed


HALF = ("Dear Sir,\n\nThank you for your letter of 23 November about the new runway. We have {} the plans with the {}, "
        "and the {} you sent will be put to the Foreign Office. The runway is likely to be welcomed in the {} bu "
        "criticised by the airlines.\n\nYours faithfully,")


def test_a_word_beside_a_garbled_piece_has_one_lost_letter_put_back_on_a_page_that_loses_letters():
    # "loclity" beside the piece "bu" is taken for half a split word, which a lost letter alone does not make whole;
    # on a page whose confident repairs put back lost letters, in three words, one lost letter is the page's slip
    fixed = fix(HALF.format("dicussed", "ommittee", "inormation", "loclity"))
    assert fixed == HALF.format("discussed", "committee", "information", "locality")
    # the page's repairs read letters as other letters, or there are none: no habit, the half word stays
    for words in (("discussod", "cornmittee", "inforrnation"), ("discussed", "committee", "information")):
        assert "the loclity bu" in fix(HALF.format(*words, "loclity"))
