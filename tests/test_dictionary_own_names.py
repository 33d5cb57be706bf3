"""Capitalised words read as the name the document prints again and again (ocrfix.strategies.dictionary.ownnames)."""
import ocrfix
from ocrfix.strategies.dictionary.ownnames import own_name_misreadings
from ocrfix.strategies.dictionary.tokens import Tokens

LETTER = ("Dear Mr Ingleby,\n\nThank you for your letter about the Water Authority's plans. I have asked the "
          "Authority to report on the drought, and the {} engineers will meet Mr Ingleby's staff on Monday. "
          "The {} is at Bewdley.\n\nYours sincerely,")


def fix(text: str) -> str:
    return ocrfix.correct(text, strategies=["dictionary"])


def test_a_name_misprinted_once_is_read_as_the_name_the_text_repeats():
    # a letter misread ("Aulhority's"), a letter lost ("Authoity's"); the name after "Mr" too
    for garbled in ("Aulhority's", "Authoity's"):
        assert fix(LETTER.format(garbled, "river")) == LETTER.format("Authority's", "river")
    text = LETTER.format("Authority's", "river").replace("Bewdley.", "Bewdley. A copy goes to Mr Ingleby.")
    assert fix(text.replace("meet Mr Ingleby's", "meet Mr Ingieby's")) == text


def test_a_names_first_letter_misread_is_read_as_the_name():
    # a capital read as another ("Pliphaz") or as a small letter ("sholibamah"), the name printed twice elsewhere
    text = ("These are the sons of Esau; Eliphaz the son of Adah the wife of Esau. And the sons of Eliphaz were Teman, "
            "Omar, and Zepho. And Timna was concubine to Eliphaz. And Aholibamah bare Jeush. These were the sons of "
            "Aholibamah, the daughter of Anah. These are the dukes that came of Aholibamah.")
    garbled = text.replace("And Timna was concubine to Eliphaz", "And Timna was concubine to Pliphaz")
    assert fix(garbled.replace("the sons of Aholibamah", "the sons of sholibamah")) == text


def test_names_printed_once_each_and_the_writers_forms_stay():
    # a name printed once ("Severn") is no evidence for another printed once, nor for a common word one letter away
    # ("Seven"); a longer form of a repeated name ("Authorities" beside "Authority") is the writer's
    text = LETTER.format("Authority's", "Severn").replace("the drought", "the Seven Sisters")
    assert fix(text) == text
    text = LETTER.format("Authority's", "river") + " The Authorities agree."
    assert fix(text) == text


def test_two_names_no_engine_confuses_stay():
    # a genealogy's names one letter apart, by letters the error model has not seen traded ("z" for "b")
    text = ("And the sons of Caleb were Mareshah the father of Hebron. And the sons of Hebron were Korah and Tappuah. "
            "And the sons of Pharez were Hezron and Hamul.")
    assert fix(text) == text


def own_readings(text: str) -> list[str]:
    """The names own_name_misreadings reads in ``text``, any word rare and any slip attested."""
    return [reading for *_, reading in own_name_misreadings(Tokens(text), lambda word: True, lambda *_: True)]


def test_two_names_each_printed_again_and_again_stay():
    # a name printed twice is the writer's spelling, not another's misprint, however close ("Hanson", "Hansen")
    text = "Mr Hanson met Mr Hansen at the station. Mr Hansen came by train, and Mr Hanson by the coast road."
    assert own_readings(text) == [] and own_readings(text.replace("Mr Hansen came", "He came")) == ["Hanson"]


def test_a_word_two_repeated_names_may_misprint_is_read_as_neither():
    # "Carel": "Carol" with a letter misread, or "Karel" with its first letter misread; no evidence for either
    text = "Carol wrote to Karel. Karel told Carol of it, and Carel left."
    assert own_readings(text) == [] and own_readings(text.replace("Karel", "Ralph")) == ["Carol"]


def test_a_long_texts_capitals_at_sentence_starts_and_in_titles_are_no_names():
    def readings(text: str) -> list[str]:
        return [reading for *_, reading in own_name_misreadings(Tokens(text), lambda word: word not in {"here", "the"},
                                                                 lambda word, printed: True)]

    # a common word capitalised only where sentences open is no name to read a rare capitalised word as
    assert readings("Here it is. Here they are. It was Herr Weber.") == []
    assert readings("Here it is. Here they are. Look Here. It was Herr Weber.") == ["Here"]  # inside a sentence
    # a word in small letters is read as a name only where the text never prints the name in small letters
    assert readings("We read The Times and The Field. He saw the dog and ghe cat.") == []
    assert readings("the sons of Israel, the tents of Israel, Bands in lsrael.") == ["Israel"]
