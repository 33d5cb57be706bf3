"""The `dictionary` strategy on shapes of real OCR the corpus lacks (session 5's audit of unseen OCR).

The texts are made up for the tests; each holds one general cause of a harmful or missed edit
found on held-out OCR of texts outside the corpus."""
from __future__ import annotations

import pytest

from ocrfix.pipeline import Pipeline
from ocrfix.strategies.dictionary import FURTHER_SLIP_SHARE, Dictionary


@pytest.fixture(scope="module")
def dictionary() -> Pipeline:
    return Pipeline(["dictionary"])


def test_an_ordinal_with_letters_for_digits_is_repaired_and_keeps_its_digits(dictionary):
    text = "The sale of the 2lst of May was put off to the i4th of June, and then to the l1th."
    assert dictionary.run(text).text == "The sale of the 21st of May was put off to the 14th of June, and then to the 11th."
    # a suffix that does not fit the number is no ordinal reading; the token keeps its digit
    assert dictionary.run("from the 2lth of May").text == "from the 2lth of May"


def test_a_split_word_keeps_a_letter_of_each_piece(dictionary):
    # "o" is what is left of the next word ("of"): gluing it into "beginning" would drop it as noise
    # (the whole word alone may be read: "beginning o the")
    assert "ing o the" in dictionary.run("at the begin»ing o the work, with the restr ctions of the Board").text
    assert dictionary.run("with the restr ctions of the Board").text == "with the restrictions of the Board"


def test_an_ordinal_misread_past_repair_keeps_its_digit(dictionary):
    # "2ith" is 27th with the 7 misread: no reading fits, but it is no misread "with" either
    assert dictionary.run("with effect from Monday, 2ith January").text == "with effect from Monday, 2ith January"
    assert dictionary.run("and he 1ost his way").text == "and he lost his way"  # a 1 printed for an l is repaired


def test_the_halves_of_a_word_whose_line_end_hyphen_was_lost_are_left_to_layout(dictionary):
    text = "the name is set to the first ar\ngument of the call"
    assert dictionary.run(text).text == text  # not "ar\nargument"
    assert dictionary.run("the name is set to the first\nargumnet of the call").text == \
        "the name is set to the first\nargument of the call"


def test_the_halves_of_a_word_whose_line_end_hyphen_was_misread_as_a_dash_are_left_to_layout(dictionary):
    # engines read a line-end hyphen as a dash, a tilde, an equals sign: the head is no misread word ("examine")
    text = "in the half-term examina\u2014\ntion. His work is good, and the rest\u2014\nthe reading\u2014is fair."
    assert dictionary.run(text).text == text


def test_a_misread_capital_stays_a_capital_on_a_word_english_prints_capitalised(dictionary):
    # a month's or a day's name keeps the capital; a common word does not, however seldom a word pair ends in it
    assert dictionary.run("The survey ran between Cctober 1981 and June.").text == \
        "The survey ran between October 1981 and June."
    assert dictionary.run("The lease was signed in May, Vhereas the deed was not.").text == \
        "The lease was signed in May, whereas the deed was not."
    assert dictionary.run("It was a Lonvenient time for us.").text == "It was a convenient time for us."


def test_a_misread_capital_before_a_capitalised_word_stays_a_capital(dictionary):
    # a title's or a name's words run capitalised: "District Ceneral Manager" is "General", not "general"
    assert dictionary.run("Mr R. J. Ingleby\nDistrict Ceneral Manager\nWakefield").text == \
        "Mr R. J. Ingleby\nDistrict General Manager\nWakefield"
    assert dictionary.run("Head, Huropean Community Department").text == "Head, European Community Department"


def test_a_title_s_small_word_before_a_capitalised_word_is_read_in_lower_case(dictionary):
    # title case prints articles, conjunctions and short prepositions small: "by Ghe Westgate Mills" is "the"
    assert dictionary.run("the cake sold by Ghe Westgate Mills was good").text == \
        "the cake sold by the Westgate Mills was good"


def test_a_small_letter_inside_a_word_in_capitals_is_its_capital(dictionary):
    # two capitals or more on each side: a word in capitals; a listed word is read back, an unlisted one left
    assert dictionary.run("RESoLVED: that the minutes be signed.").text == "RESOLVED: that the minutes be signed."
    for text in ("The GmbH and the SoC met the MPs.", "IN THE DEPAnTMEN OF"):
        assert dictionary.run(text).text == text


def test_a_mark_after_a_word_no_clause_ends_with_is_its_misread_last_letter(dictionary):
    # "an" ends no question: its "?" before a lower-case word is a misread letter, as is "=" after "a"
    assert dictionary.run("We discussed admission charges, an? the future of the Area.").text == \
        "We discussed admission charges, and the future of the Area."
    assert dictionary.run("It stands beside the control tower a= a memorial to them.").text == \
        "It stands beside the control tower as a memorial to them."
    text = "Is it an apple or an? No. Which is the one?"
    assert dictionary.run(text).text == text  # before a capital the mark may be the text's own


def test_a_degree_or_pound_sign_after_a_letter_is_a_misread_last_letter(dictionary):
    assert dictionary.run("The total cost\no° the three conversions was agreed by the end o£ the month.").text == \
        "The total cost\nof the three conversions was agreed by the end of the month."
    text = "It froze at 0° and cost £5 or 5£ in all."
    assert dictionary.run(text).text == text


def test_a_full_stop_before_a_subordinating_conjunction_is_a_misread_comma(dictionary):
    assert dictionary.run("Languages like TCL and others. since with a dynamic language you can.").text == \
        "Languages like TCL and others, since with a dynamic language you can."
    assert dictionary.run("We came out in good heart. whatever the weather.").text == \
        "We came out in good heart, whatever the weather."


def test_a_digit_inside_a_word_is_not_deleted(dictionary):
    # OCR reads a letter as a digit, it puts none in: "how5ever" marks a hyphenation point, and stays
    text = "The patterns mark the points: uni5ver5sity, how5ever, through5out and some5thing."
    assert dictionary.run(text).text == text
    assert dictionary.run("the 5ense of it").text == "the sense of it"  # a digit read for a letter is repaired


def test_a_word_holding_a_character_lost_in_decoding_is_left_alone(dictionary):
    text = "Paldies, J\ufffdnis, par v\ufffdrdi."  # U+FFFD: bytes a decoder could not read, no misread glyph
    assert dictionary.run(text).text == text


def test_a_short_word_two_plain_edits_from_a_common_word_by_one_learned_confusion(dictionary):
    # "in" and "un" printed for "th" (one confusion of the error model, two plain edits): "ine", "une" for "the"
    assert dictionary.run("Both the burgesses and ine lord of the manor knew the temper of une people.").text == \
        "Both the burgesses and the lord of the manor knew the temper of the people."
    clean = "It was a fine day at the inn, and the miller sang an old tune."
    assert dictionary.run(clean).text == clean


def test_a_lower_case_i_is_not_repaired_into_the_pronoun(dictionary):
    # "i'he" is a misread "The": the pronoun I is always a capital, and a repair keeps the printed case
    text = "He was fined ten shillings.\ni'he Bench then rose."
    assert "i've" not in dictionary.run(text).text.lower()


def test_a_split_word_whose_piece_is_a_rare_listed_word_is_glued(dictionary):
    # "begi", "scien" are listed, rarely (web typos): a rare piece is as much a piece as an unknown one
    assert dictionary.run("The survey was done in three stages, begi ning with the church.").text == \
        "The survey was done in three stages, beginning with the church."
    assert dictionary.run("Our own scien ists at the station agreed.").text == "Our own scientists at the station agreed."


def test_a_mark_after_a_space_closes_no_quotation(dictionary):
    # "' is" is a misread "It is", not the end of a quotation that "‘hat" would open
    text = "Many firms, especially those ‘hat trade abroad, keep books. ' is wise."
    assert dictionary.run(text).text == "Many firms, especially those that trade abroad, keep books. ' is wise."
    quoted = "He said ‘hat is mine’ and left."  # a real quotation keeps its marks
    assert dictionary.run(quoted).text == quoted


def test_a_quotation_mark_of_the_same_kind_opening_again_takes_the_closing_one(dictionary):
    # engines print one quotation's marks straight or curly: the ” closes “The, not the " misread for a "b"
    text = 'It was resolved that tenders be invited "y advertisement in the papers and in “The Builder”.'
    assert dictionary.run(text).text == \
        'It was resolved that tenders be invited by advertisement in the papers and in “The Builder”.'
    quoted = 'He said "he will not come” and shut the door.'  # a real quotation keeps its marks
    assert dictionary.run(quoted).text == quoted


def test_a_real_word_whose_listed_pair_is_as_rare_as_a_misprint_is_repaired(dictionary):
    # "of he" is listed, but 10**4 times rarer than "of the": a misprint's rarity, no evidence for "he"
    assert dictionary.run("It keeps a list of he default values.").text == "It keeps a list of the default values."
    # "than he" is a real pair, not much rarer than "than the": the word stays
    text = "She was taller than he expected her to be."
    assert dictionary.run(text).text == text


def test_a_lone_letter_left_of_a_word_is_repaired_unless_the_text_uses_it_as_a_symbol(dictionary):
    # "f" is no English word: what is left of "of" when the OCR lost its "o"
    assert dictionary.run("This is one f the best things in the town.").text == "This is one of the best things in the town."
    # a letter the text uses twice is its own symbol, a variable here
    text = "The file is read if n is not given; if n is 0, nothing is read."
    assert dictionary.run(text).text == text
    text = "It s one of the best things in the town."  # a lost apostrophe: "s" is no misread "is"
    assert dictionary.run(text).text == text


def test_a_period_spelling_the_text_uses_for_its_stem_throughout_is_kept(dictionary):
    # a text that writes "shewed" and "shew" and never "show..." spells "shewn" so; OCR misreads single words
    period = "The Vicar shewed us the Church, and it was shewn to the Bishop, who bade him shew it again."
    assert dictionary.run(period).text == period
    # once alone, or in a text that writes the stem the common way, it is still read as a misprint
    assert dictionary.run("It was shewn to the committee that the plan had failed.").text == \
        "It was shown to the committee that the plan had failed."
    assert "was shown to the Bishop" in dictionary.run(period.replace("shewed", "showed")).text


def test_a_split_word_is_glued_only_where_the_joined_word_fits_a_neighbour(dictionary):
    # in a garbled line nothing fits its neighbours: "in ner" ("in her") is no evidence for "inner"
    assert "inner" not in dictionary.run("Tlie gnrdcn wus in ner cnre.").text
    assert dictionary.run("the minutes of the public meet ings held in the village").text == \
        "the minutes of the public meetings held in the village"


def test_a_split_word_yields_to_its_second_piece_misread_where_that_fits_both_neighbours(dictionary):
    # "we re prepared": "we are prepared" fits as the real-word rule asks, as well as "were" does
    assert "were" not in dictionary.run("They said that we re prepared to go.").text
    assert dictionary.run("he was wander ing in the field").text == "he was wandering in the field"


def test_a_piece_that_begins_the_next_split_word_is_not_joined_to_the_word_before(dictionary):
    # "se" joins "cond" into "second": "the se" is no "these" there
    assert dictionary.run("We met on the se cond day of the month.").text == "We met on the second day of the month."
    assert dictionary.run("We saw the se ven men.").text == "We saw the seven men."
    assert dictionary.run("the se men are all honest").text == "these men are all honest"


def test_a_short_word_split_after_its_first_letter_is_glued_as_printed(dictionary):
    # "ine" alone reads as "the" (in/th): after a lone letter that is no word, it is the rest of "fine"
    assert dictionary.run("the f ine weather").text == "the fine weather"
    assert dictionary.run("of the l ine of march").text == "of the line of march"
    assert dictionary.run("It is a n old man.").text == "It is a n old man."


def test_a_whole_word_beside_garbled_text_is_repaired_though_a_piece_may_follow(dictionary):
    # in a garbled page every other neighbour is an unknown string: a word whose own letters read as other
    # letters (by known confusions) make a word is whole, not half of a split word
    assert dictionary.run("It was the sinall gecen piece of paper.").text == "It was the small gecen piece of paper."
    assert dictionary.run("how the Freneh govcrptent handles it").text == "how the French govcrptent handles it"
    assert dictionary.run("at the eonclusion ot the nine months").text == "at the conclusion ot the nine months"


def test_a_whole_word_after_a_short_piece_is_repaired(dictionary):
    # a garbled typewritten page (RapidOCR): the short piece before is a short word misread ("to e" for "to be"), and
    # the word after it reads each of its letters by known confusions, none lost
    assert dictionary.run("the runway is likely to e Velcomed in the area").text == \
        "the runway is likely to e welcomed in the area"


def test_a_short_whole_word_beside_garbled_text_is_repaired(dictionary):
    # a word of four letters or fewer beside an unknown string is no more a piece than a long one: its repair,
    # each letter read by a known confusion, stands on its own confidence
    for text, printed, meant in [("I uave iyself taken one from these heaps.", "uave", "have"),
                                 ("the clutch has becn r lined and the brakes adjusted.", "becn", "been"),
                                 ("On Wednesday afternoon, *he uarbour was crowded with boats.", "*he", "the")]:
        assert dictionary.run(text).text == text.replace(printed, meant)


def test_half_a_split_word_stays_half(dictionary):
    # a string after a short piece is the rest of a word ("scrutiny"), one missing its end stays unfinished
    for text in ("a most ruthless sc curiny of all ideas", "a good investmen qzt in it", "the c nversation was long"):
        assert dictionary.run(text).text == text.replace("c nversation", "conversation")


def test_marks_an_engine_prints_in_fullwidth_forms_are_read_as_ascii(dictionary):
    # engines trained on Chinese as well print some marks of an English page in fullwidth forms
    text = "as raised in para 4（b) of your letter，I can confirm it"
    assert dictionary.run(text).text == "as raised in para 4(b) of your letter, I can confirm it"
    assert dictionary.run("东京（とうきょう）").text == "东京（とうきょう）"  # at home in Japanese
    assert dictionary.run("see para 4（b) of 서울").text == "see para 4（b) of 서울"  # and in Korean


def test_every_cjk_character_is_beyond_the_alphabets():
    # the cheap scan that fullwidth_marks makes before it asks for CJK script must find every character of it
    from ocrfix.strategies.dictionary.spacing import BEYOND_ALPHABETS, CJK

    characters = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    assert {found.group() for found in CJK.finditer(characters)} <= set(BEYOND_ALPHABETS.findall(characters))


def test_a_word_repaired_over_a_fullwidth_mark_is_one_edit(dictionary):
    # the mark's own repair and the word's overlapped, and the pipeline left one out with a warning (an error here)
    result = dictionary.run("They d）o not know what the committee will decide.")
    assert result.text == "They do not know what the committee will decide."
    assert [edit.original for edit in result.edits] == ["d）o"]


def test_a_space_lost_before_the_pronoun_i_is_restored(dictionary):
    assert dictionary.run("and hotel expenses.I do not think so").text == "and hotel expenses. I do not think so"
    assert dictionary.run("see Mr.A.B. Jones").text == "see Mr.A.B. Jones"  # initials stay


def test_a_word_printed_with_a_digit_first_takes_the_case_the_document_gives_it(dictionary):
    text = "Your letter of 3 October came. We met on 14 0ctober in the 0ffice of the Board."
    assert dictionary.run(text).text == "Your letter of 3 October came. We met on 14 October in the office of the Board."


def test_a_short_word_with_a_digit_for_a_letter_of_its_shape_is_read_where_a_neighbour_pairs_with_it(dictionary):
    # held-out Tesseract pages: "1t", "1n", "0n", "0f", "t0" were numbers to the dictionary, too short for a word
    # with digits for letters, and stayed
    text = "It is 1t that we saw 1n the town, and he went t0 the hill 0n the day 0f the fair."
    assert dictionary.run(text).text == "It is it that we saw in the town, and he went to the hill on the day of the fair."
    # a unit, a label or shillings pairs with no neighbour as a word, or is no shape reading at all
    for stays in ("The house was 1m wide.", "See table 1a and 1b.", "He paid 1s. 6d. for it.", "route a1 and b1"):
        assert dictionary.run(stays).text == stays


def test_a_speck_read_as_a_full_stop_between_two_words_of_one_sentence_goes(dictionary):
    # held-out Tesseract pages: "in. the", "of. offices", "to. have" (a lower-case word after it: no sentence ended)
    text = "The stores are kept in. the cellar, and the keys of. the house are to. be found there."
    assert dictionary.run(text).text == "The stores are kept in the cellar, and the keys of the house are to be found there."
    # words that go together less tightly, but more than chance (held-out newspaper reports and letters)
    text = "The vessel. is expected to become a total wreck, so the question. of insurance arises."
    assert dictionary.run(text).text == "The vessel is expected to become a total wreck, so the question of insurance arises."
    # after a word long enough to be no abbreviation, however rare (held-out typewritten letters)
    text = "The figures. for the machine shops show that Sunday working. on the contract is rare."
    assert dictionary.run(text).text == "The figures for the machine shops show that Sunday working on the contract is rare."
    # an abbreviation's point, inches after a number, a sentence's end before a capital stay
    for stays in ("the no. of persons", "a board 3 in. thick", "books, papers, etc. and pens", "He came in. The end."):
        assert dictionary.run(stays).text == stays


def test_a_mark_after_a_word_no_sentence_ends_with_is_a_speck(dictionary):
    # held-out and corpus pages: "after the. work" (the two words pair below chance), "a. quotation" (one letter),
    # "so that the: air", "hurt and. much damage", "The. total": an article, a conjunction, a possessive before a stop
    text = ("He had obtained a. quotation for the. work, so that the: air may rise, and. much damage was done. "
            "The. total came to their. cost and; it was paid.")
    assert dictionary.run(text).text == ("He had obtained a quotation for the work, so that the air may rise, and much "
                                         "damage was done. The total came to their cost and it was paid.")
    # a list after "of", an initial, acres after a number, a parameter's type, a capital after the stop stay
    for stays in ("It must be one of: auto, manual.", "by J. A. and B. Smith", "The field is 2 a. 3 r. in all.",
                  "def f(x, a: int):", "We saw the. The end."):
        assert dictionary.run(stays).text == stays


def test_an_opening_quotation_mark_that_nothing_closes_before_a_common_word_is_a_speck(dictionary):
    # held-out Tesseract pages: "during ‘the fortnight", "to the end ‘of the house"; the word is then read as any
    # other ("‘vas caught" -> "was")
    text = "Relief was given during ‘the fortnight, and when the ship ‘vas caught they let her drive."
    assert dictionary.run(text).text == "Relief was given during the fortnight, and when the ship was caught they let her drive."
    # a quotation closed in its paragraph, an elision, a letter put back stay as they are read
    for stays in ("He called it ‘progress’ and left.", "We will give ‘em hell tomorrow.", "It was ‘twas said."):
        assert dictionary.run(stays).text == stays


def test_a_quotation_mark_opened_again_before_the_closing_one_is_a_misread_letter(dictionary):
    # corpus pages: "many “ays to measure", "The “ost popular metric is "statement coverage"": a closing mark closes
    # the nearest opening before it (English nests no quotation in the same mark), so the first marks close nowhere
    text = "There are many “ays to measure it. The “ost popular metric is “statement coverage”."
    assert dictionary.run(text).text == "There are many ways to measure it. The most popular metric is “statement coverage”."
    for stays in ("He said “yes” and “no” and left.", "She called it “the end” and then ‘the beginning’."):
        assert dictionary.run(stays).text == stays


def test_a_full_stop_before_a_word_that_opens_a_clause_is_a_comma(dictionary):
    # corpus and held-out pages: "the hall. which is", "a topaz. and a carbuncle", "presiding. when the"
    text = ("The banjo in the kitchen. which is beyond repair, was made by a man in Leeds. and the rest by his son "
            "in Cornwall. who sold it.")
    assert dictionary.run(text).text == ("The banjo in the kitchen, which is beyond repair, was made by a man in Leeds. "
                                         "and the rest by his son in Cornwall, who sold it.")
    # an abbreviation's point (short and less common than a word), a sum's "per cent." stay
    for stays in ("books, papers, etc. and pens", "the 11th inst. and the next", "at 10 per cent. and more"):
        assert dictionary.run(stays).text == stays


def test_a_full_stop_before_a_participle_or_after_a_word_printed_without_a_point_is_a_comma(dictionary):
    # held-out pages: "by the house of their fathers. according to", "Worcestershire. winning the toss"; "the angel
    # of God. whose I am", "rings of gold. and shalt put": a short word or name, but one the text prints elsewhere
    # without a point, so no abbreviation
    text = "They were numbered by the house of their fathers. according to the names, in the sight of God. whose they are."
    assert dictionary.run(text + " And God saw it.").text == (
        "They were numbered by the house of their fathers, according to the names, in the sight of God, whose they are."
        " And God saw it.")
    # an abbreviation printed with its point every time, or without one only before a name or a number; a title;
    # words in -ing that are no verb's form
    for stays in ("Smith & Co. and Jones & Co. merged.", "the Rev. and the Rev Smith came.",
                  "Mr and Mrs Smith, and Mr. and Mrs. Jones.", "books, pens etc. including ink", "in May. during the war",
                  "the Vol. and Vol 2 of it", "the gods. everything was old"):
        assert dictionary.run(stays).text == stays


def test_a_word_with_two_adjacent_misreadings_is_repaired(dictionary):
    # "iildren": "ch" printed "ii" is one run of the alignment, never seen whole; as c read i beside h read i
    # (each a known slip) it is likelier than the unknown word as printed (held-out set7b, Ezra 2)
    text = "the children of Shephatiah, the iildren of Hatil, the children of Pochereth"
    assert dictionary.run(text).text == "the children of Shephatiah, the children of Hatil, the children of Pochereth"


def test_no_article_is_read_after_an_article(dictionary):
    # the bigram list holds "a the" from web typos, and a document full of "the" made the reading likelier still
    text = "The maid of the house of the bishop kept the keys of the cellar. She had amassed a une collection of coins."
    assert dictionary.run(text).text == text
    assert dictionary.run("according to the number of ine names.").text == "according to the number of the names."


def test_a_listed_word_with_a_lost_edge_letter_is_a_rival_of_its_repair(dictionary):
    # "ine" alone reads as "the" (in/th); before "hundred" the word with its first letter back, "nine", is as
    # likely, and the gate for listed words never fetched it
    text = "8 The children of Zattu, ine hundred forty and five."
    assert dictionary.run(text).text == text


def test_a_word_with_the_same_misreading_twice_is_repaired(dictionary):
    # two n printed u in one word are not two independent slips: the second is the first glyph's fault again
    # (ABBYY's "Goverumeut" in 19th-century newspapers)
    text = "It was the opinion of the goverumeut of the county that the roads be mended."
    assert dictionary.run(text).text == "It was the opinion of the government of the county that the roads be mended."


def test_a_name_after_a_persons_title_stays_in_a_garbled_report():
    # a made-up police-court report with misread words around: the words after "Mr." and "Capt." are names, whatever
    # common word their letters are one misreading from (they had read "Manner", "Cantor")
    text = ("Before Mr. Lauder and Mr. Mauner, magistrates. John Bauner was charged by Constable Lauding with being "
            "drunk in the High-street on Saturday uight. The prisoner said he had been with Capt. Cautor, and that "
            "Lauding had struck him first. The Conrt could not believe that. Mr. Mauner said the case was proved, "
            "and sent him to prison; the prisouer then asked for time, and the honse rose.")
    fixed = Pipeline([Dictionary()]).run(text).text
    assert "Mr. Mauner" in fixed and "Capt. Cautor" in fixed
    assert "prisoner then" in fixed  # the page's misreadings are still read


def test_a_long_string_read_letter_for_letter_as_one_word_is_repaired(dictionary):
    # a long lower-case string the lexicon lacks, printed once, one or two known confusions from a listed word, is
    # seldom a real unlisted word: two c for e ("sharcholdcrs"), u for n, n for h had posteriors of 0.6-0.85
    assert dictionary.run("The meeting of the sharcholdcrs was held yesterday.").text == \
        "The meeting of the shareholders was held yesterday."
    assert dictionary.run("The nouseholders of the upper town are paying the new rate.").text == \
        "The householders of the upper town are paying the new rate."
    assert dictionary.run("We walked to the harbour with our compauions in the evening.").text == \
        "We walked to the harbour with our companions in the evening."


def test_long_unlisted_words_a_text_repeats_or_spells_outside_a_to_z_stay(dictionary):
    # the terms a text repeats, compounds of listed words and words with letters outside a-z are real words
    for text in ("The sharcholdcrs met; the sharcholdcrs voted.",
                 "The repository keeps a mailmap file beside the vendored parser and the gzipped archives.",
                 "Run the fuzzers overnight; the fuzzers find crashes in the parser."):
        assert dictionary.run(text).text == text


def test_an_unknown_word_with_its_first_letter_misread_is_repaired(dictionary):
    # print misreads a word's first letter more often than the error model's rate for the letter says (the rate
    # averages every place): w for t, c for s, y for g at the front lost to the string as printed before
    assert dictionary.run("The ship was tossed about by a wempest in the night.").text == \
        "The ship was tossed about by a tempest in the night."
    assert dictionary.run("And thou chalt make upon the breastplate chains.").text == \
        "And thou shalt make upon the breastplate chains."
    assert dictionary.run("The land realised yood prices at the sale.").text == \
        "The land realised good prices at the sale."


def test_only_an_unknown_words_first_letter_is_read_likelier():
    # a listed word, an inner letter and a word of two letters keep the error model's rate
    fix = Dictionary()
    for reading, word in (("tempest", "wempest"), ("good", "yood")):
        assert fix._channel(reading, word)[0] > fix.model.folded_reading(reading, word)[0]
    for reading, word in (("tempest", "tempesi"), ("bad", "had"), ("to", "io")):
        assert fix._channel(reading, word) == fix.model.folded_reading(reading, word)


def test_an_unknown_word_that_lost_its_first_letter_is_read_with_it(dictionary):
    # a word's first letter is lost more often than the letter's rate says; not before a short string (a piece)
    assert dictionary.run("The curing yards were lready busy, and the smell of the fish was strong.").text == \
        "The curing yards were already busy, and the smell of the fish was strong."


def test_a_misread_part_of_a_hyphenated_compound_is_repaired(dictionary):
    # a compound is looked up whole and few are listed: its one misread part is read as a word beside the others
    assert dictionary.run("The meeting began at nalf-past four in the afternoon.").text == \
        "The meeting began at half-past four in the afternoon."
    assert dictionary.run("He borrowed the money from his iather-in-law last year.").text == \
        "He borrowed the money from his father-in-law last year."
    assert dictionary.run("The engines run at high-sreed for hours.").text == "The engines run at high-speed for hours."


def test_a_compounds_part_with_letters_lost_or_added_or_beside_no_word_is_left():
    # a typist's slip in a term or an identifier drops or doubles a letter; OCR reads letters as other letters
    fix = Pipeline(["dictionary"])
    for text in ("Run uppdate-modules after the upgrade.", "Icons: bluetooth-disconneted, document-edit-symblic.",
                 "a dramatico-musical work", "The Jean-Lue and Smith-Dorien papers.", "the blac-givy sauce"):
        assert fix.run(text).text == text


def test_and_printed_with_a_digit_for_its_a_is_read_where_no_ordinal_fits(dictionary):
    assert dictionary.run("on the Monday 7nd the work was done").text == "on the Monday and the work was done"
    assert dictionary.run("seven hundred twenty 2nd five.").text == "seven hundred twenty and five."
    # "2nd" is an ordinal wherever one may stand; "7nd" before no word is a code or a label
    for text in ("The 2nd Battalion marched on the 2nd of May.", "the 2nd inst. and the 22nd ult.",
                 "She finished 2nd in the mile.", "Travelling first, 2nd class, on May 2nd.", "Set the mode to 7nd; 7nd2 is kept."):
        assert dictionary.run(text).text == text


def test_a_mark_printed_for_two_first_letters_is_read_where_no_one_letter_makes_a_word(dictionary):
    assert dictionary.run("samples sent to the Public Analyst at ‘tervals. The").text == \
        "samples sent to the Public Analyst at intervals. The"
    assert dictionary.run("in the case of “exible typing, the").text == "in the case of flexible typing, the"
    # a quoted word, a listed one, options and globs are left alone
    for text in ("Python passes *args and **kwargs to ~tervals.", "the French ‘la vie’ and “le chat”",
                 "He said ‘tis a pity.", "Markdown *emphasis* and **strong** text."):
        assert dictionary.run(text).text == text


def test_further_slips_of_an_unknown_words_reading_are_likelier_in_a_garbled_text():
    # a page with many unknown words is read worse than the error model's average: a reading two runs of slips
    # from the printed word ("occurred" printed "iceurred": o/i, c/e) gains FURTHER_SLIP_SHARE of the page's excess
    # of unknown words, a one-slip reading ("incurred") and a clean page's readings nothing
    fix = Dictionary()
    fix.propose("The fire occurred in the night.")  # loads the lexicon's index
    clean = fix._readings("iceurred", 0.0, "fire", "in")
    garbled = fix._readings("iceurred", 0.0, "fire", "in", unknown_prior=-0.8)
    assert garbled["occurred"] - clean["occurred"] == pytest.approx(FURTHER_SLIP_SHARE * 0.8)
    assert garbled["incurred"] == pytest.approx(clean["incurred"])
    assert clean["iceurred"] - garbled["iceurred"] == pytest.approx(0.8)  # the unknown-word prior, as before
    assert max(garbled, key=garbled.get) == "occurred" and max(clean, key=clean.get) == "iceurred"


def test_a_stop_beside_a_word_the_pass_repaired_is_read_again(dictionary):
    # held-out pages: "the bui ding. including the chimney", "Take ye ine. sum of all": the stop rules first saw
    # a misread word, so neither a clause word's comma nor a speck after "the" could be told
    assert dictionary.run("It harmed the fabric of the bui ding. including the chimney.").text == (
        "It harmed the fabric of the building, including the chimney.")
    assert dictionary.run("Take ye ine. sum of all the congregation.").text == "Take ye the sum of all the congregation."
    # a repaired word before a sentence's end stays a sentence's end
    assert dictionary.run("The debt was paid in fuil. the rest came later.").text == (
        "The debt was paid in full. the rest came later.")


def test_a_function_word_read_as_its_capital_inside_a_sentence_is_lower_case(dictionary):
    # typewritten letters read by Tesseract: "in receipt Of your favour", "authorities Or voluntary bodies"
    text = "We are in receipt of your favour Of the 28th, which we have So long awaited, for authorities Or others."
    assert dictionary.run(text).text == (
        "We are in receipt of your favour of the 28th, which we have so long awaited, for authorities or others.")
    # titles, a sentence's start, a heading's line, a paragraph's first word (a verse number misread: "to" for 10)
    for stays in ("the Isle Of Man and the Minutes of a Meeting Of Directors", "it ended. On the next day",
                  "Component options\nOn success it returns", "the king.\n\nto On the seventh day"):
        assert dictionary.run(stays).text == stays


def test_a_full_stop_after_a_preposition_or_an_auxiliary_verb_is_a_speck(dictionary):
    # held-out pages: "the estate ... rose by. steps of", "the stones shall be. with the names"
    assert dictionary.run("The bidding rose by. steps of a thousand, and the stones shall be. with the names.").text == (
        "The bidding rose by steps of a thousand, and the stones shall be with the names.")
    # a colon after one opens a list in manuals; a stop after an abbreviation or a number's unit stays
    for stays in ("The value must be one of: auto, never.", "It is 3 in. thick, see the no. of it."):
        assert dictionary.run(stays).text == stays


def test_a_full_stop_read_as_a_comma_before_a_word_that_opens_a_sentence(dictionary):
    # held-out letters and books: "the sheet covering it was torn, We hold", "no description can convey, We remained"
    assert dictionary.run("The sheet covering it was torn, We hold their receipt.").text == (
        "The sheet covering it was torn. We hold their receipt.")
    # speech set off by a comma (the King James Bible), an aside's "I", a title or name, a line's end
    for stays in ("And Boaz said unto her, It is good that thou go.", "It is, I think, the best.",
                  "for example, The Times printed it.", "It was cold,\nThe wind was high."):
        assert dictionary.run(stays).text == stays


def test_an_opening_single_quote_before_a_word_english_never_elides_is_a_speck(dictionary):
    # corpus and held-out books: "the strain of ‘waiting", "the number of vagrants ‘relieved": no letter put back
    # makes another word, and "waiting" is no elided form ("‘tis", "‘cause", "‘phone")
    assert dictionary.run("The men had been ‘lifting and packing the road.").text == (
        "The men had been lifting and packing the road.")
    for stays in ("It was late, ‘cause the road was long.", "and ‘tis true", "He said ‘lifting is hard’ to me."):
        assert dictionary.run(stays).text == stays


def test_an_opening_quotation_mark_before_a_word_the_pass_repaired_is_a_speck(dictionary):
    # corpus letter: "the Regional “cun7il": the mark was judged beside the misread word, then the word was read
    text = "tensions between the Agency, the Regional “cun7il and the District Council over it."
    assert dictionary.run(text).text == "tensions between the Agency, the Regional council and the District Council over it."
    stays = "He said “the cun7il is here” to me."
    assert dictionary.run(stays).text == "He said “the council is here” to me."


def test_a_mark_misread_after_a_persons_title_reads_as_the_text_prints_the_title(dictionary):
    # held-out minutes: "Vice-Chairman, Mr, T. Corbett, Mr. R. Lees": a title takes no comma before its name
    assert dictionary.run("Present: the Chairman, Mr, T. Corbett, Mr. R. Lees and others.").text == (
        "Present: the Chairman, Mr. T. Corbett, Mr. R. Lees and others.")
    assert dictionary.run("Present: the Chairman, Mr, T. Corbett, Mr R. Lees and others.").text == (
        "Present: the Chairman, Mr T. Corbett, Mr R. Lees and others.")


def test_a_full_stop_after_a_name_before_a_lower_case_word_is_its_comma(dictionary):
    # held-out registers and travels: "The children of Arah. seven hundred", "we came to Myra. a city of Lycia": a
    # rare capitalised word inside a sentence is a name, printed once, with no abbreviation's point after it
    assert dictionary.run("The children of Arah. seven hundred seventy and five.").text == (
        "The children of Arah, seven hundred seventy and five.")
    # a month or a capitalised common word ends sentences; an abbreviation after an article keeps its point
    for stays in ("It has been owed since July. we understand it.", "He wrote to the Inst. of Engineers."):
        assert dictionary.run(stays).text == stays


def test_a_mark_and_the_letter_after_it_read_as_one_letter(dictionary):
    # held-out court report: "the remaining two ‘vere dismissed": Tesseract prints the left stroke of "w" as a mark,
    # and "vere" (a name) is listed, so no letter put before it made a word
    assert dictionary.run("and the remaining two ‘vere dismissed on payment of costs.").text == (
        "and the remaining two were dismissed on payment of costs.")
    assert dictionary.run("trimmed the hedge or ~vall; and it fell.").text == "trimmed the hedge or wall; and it fell."
    # where the mark as two letters makes a common word, that reading stays a rival ("forty and “ve." is five)
    assert "and we." not in dictionary.run("ninety and “ve. The children of Gibbar").text


def test_a_mark_and_a_digit_between_words_are_a_short_word_misread_whole(dictionary):
    # held-out King James Bible (Tesseract): "numbered them ‘1 the wilderness", "do not cease ‘9 pray"
    assert dictionary.run("and he numbered them ‘1 the wilderness of Sinai.").text == (
        "and he numbered them in the wilderness of Sinai.")
    assert dictionary.run("do not cease ‘9 pray for you").text == "do not cease to pray for you"
    # a number: a comma or a capital after it ("Plot ‘1, Bury Green" is 11; "‘0 The children" a verse's number)
    assert dictionary.run("Plot ‘1, Bury Green").text == "Plot ‘1, Bury Green"
    assert dictionary.run("and threescore. ‘0 The children of Ater").text == "and threescore. ‘0 The children of Ater"


def test_a_mark_before_a_capitalised_word_read_as_its_first_letter(dictionary):
    # held-out cricket report (Tesseract): a W's left stroke printed as a quotation mark before a name
    assert dictionary.run("After luncheon Arnold and ‘Vilson bowled with great success.").text == (
        "After luncheon Arnold and Wilson bowled with great success.")
    # a word in capitals keeps them ("an INTEGER or "EAL value")
    assert "or REAL value" in dictionary.run("stores an INTEGER or \"EAL value and so cannot").text
    # a quotation that closes is the writer's; a name after a title is left alone
    assert dictionary.run("He called it ‘Vick’ at home.").text == "He called it ‘Vick’ at home."
    assert dictionary.run("said Mrs ‘Lan that the").text == "said Mrs ‘Lan that the"


def test_a_mark_before_a_capital_unlike_its_small_letter_is_no_lost_first_letter(dictionary):
    # a letter put before "Ata" would leave its A a capital inside the word: the two words run together are read
    # ("At a", a minute book's "‘Ata Vestry held"), not "Data"; the mark and the capital read as one letter stay
    assert dictionary.run("Minutes. ‘Ata Vestry held on Monday the wardens were chosen.").text == (
        "Minutes. ‘At a Vestry held on Monday the wardens were chosen.")
    assert dictionary.run("He said that he “Ould not come.").text == "He said that he Would not come."


def test_a_print_that_loses_first_letters_to_marks_has_its_other_marks_read_again(dictionary):
    # held-out King James Bible (Tesseract): where three marks were read as first letters, a mark the first look left
    # ("garments “or Aaron": or / for; "~hall": hall / shall) is read again as a likelier letter
    opening = "And “he sons of Levi dwelt in “he land, and “hey fed their flocks.\n\n"
    assert dictionary.run(opening + "thou shalt make holy garments “or Aaron thy brother for glory.").text.endswith(
        "holy garments for Aaron thy brother for glory.")
    assert dictionary.run(opening + "war in Israel: thou and Aaron ~hall number them by their armies.").text.endswith(
        "thou and Aaron shall number them by their armies.")
    # without those three, the mark stays
    assert "garments “or Aaron" in dictionary.run("thou shalt make holy garments “or Aaron thy brother for glory.").text


def test_a_pound_sign_read_as_an_f_before_a_misread_million_is_restored(dictionary):
    # "million" misread in its upright strokes (i, l, 1, I) or its o (u, 0) still counts a sum; no key, register or
    # aperture is one (RapidOCR's English model prints no £)
    assert dictionary.run("The cost is put at f6.84 mi11ion, some f1,2 milliun less than the figure.").text == \
        "The cost is put at £6.84 million, some £1,2 million less than the figure."


def test_a_very_common_four_letter_word_split_where_a_letter_was_lost_is_read_where_it_is_the_only_filling(dictionary):
    # "th t" fills only as "that" (Tesseract on faint type); "th n" is then, than or thin, and stays
    assert dictionary.run("It is clear th t they will announce their own plans.").text == \
        "It is clear that they will announce their own plans."
    text = "It was th n that the rain came."
    assert dictionary.run(text).text == text


def test_a_full_stop_before_a_preposition_that_opens_no_sentence_is_a_speck(dictionary):
    assert dictionary.run("It was found in the mobile investment. from abroad last year.").text == \
        "It was found in the mobile investment from abroad last year."
    text = "It lay in the shallow sea. in places it was deep."  # "In" opens sentences: left
    assert dictionary.run(text).text == text


def test_a_full_stop_after_an_article_s_short_noun_before_a_clause_word_is_a_misread_comma(dictionary):
    assert dictionary.run("The grains are as large as a pea. and the rock is then called pisolite.").text == \
        "The grains are as large as a pea, and the rock is then called pisolite."
    text = "They sold eggs by the doz. and cheese by the pound."  # a rare word: an abbreviation
    assert dictionary.run(text).text == text
