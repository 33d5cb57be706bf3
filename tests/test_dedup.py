"""dedup: repetition loops collapse to their first copy; legitimate repetition stays."""
from __future__ import annotations

import time

import pytest

import ocrfix
from ocrfix import corpus
from ocrfix.pipeline import Pipeline
from ocrfix.strategies.dedup import Dedup

PIPELINE = Pipeline(["dedup"])


def fixed(text: str) -> str:
    return PIPELINE.run(text).text


def assert_unchanged(text: str) -> None:
    result = PIPELINE.run(text)
    assert result.text == text, result.explain()


# -- loops --------------------------------------------------------------------

def test_two_line_loop_with_drifting_copies_keeps_first_copy_and_breakout():
    lines = ["Ministry of Transport", "I should be grateful for yuor comments by Friday 4 June 1971", "Marsham Street SW1"]
    drift = ["I should be grateful for your comments by Friday 4 June 1971",
             "I should be grateful for your cornments by Friday 4 June 1971"]
    loop = []
    for copy in range(6):
        loop += [drift[copy % 2] if copy else lines[1], "", lines[2], ""]
    breakout = "I should be grateful for the Department's view on the proposed bypass before the end of the month."
    text = "\n".join([lines[0], "", *loop, breakout, "", "Yours faithfully"])
    result = PIPELINE.run(text)
    assert result.text == "\n".join([lines[0], "", lines[1], "", lines[2], "", breakout, "", "Yours faithfully"])
    (edit,) = result.edits
    assert edit.strategy == "dedup" and "repeated 6 times" in edit.reason and "near" in edit.reason
    assert 0.5 < edit.confidence <= 1


def test_a_block_loop_whose_copies_each_drift_in_another_line():
    # every copy but the first has one slip, each time in another line; a short word's mark misread too
    block = ["Remittance advice, ref. No. 17", "Amount due: 1,250.00 within 30 days.",
             "Please quote the reference number of this statement with your payment."]
    slips = [(1, "1,250.00", "1.250.00"), (2, "reference", "refererice"), (0, "No. 17", "No, 17")]
    copies = []
    for copy in range(7):
        lines = list(block)
        if copy:
            line, right, wrong = slips[(copy - 1) % 3]
            lines[line] = lines[line].replace(right, wrong)
        copies += lines + [""]
    text = "STATEMENT\n\n" + "\n".join(copies)
    assert fixed(text) == "STATEMENT\n\n" + "\n".join(block) + "\n"
    # three copies, each but the first misread once: a form printed three times reads so too
    coupon = ["Cut out this coupon and send it to the editor", "with the name of the reader in full"]
    assert_unchanged("\n".join(coupon + [coupon[0].replace("editor", "edltor"), coupon[1],
                                          coupon[0], coupon[1].replace("reader", "rcader")]) + "\nEnd.")


def test_a_similar_line_before_a_one_line_loop_is_not_taken_for_its_first_copy():
    kept = "The committee approved the minutes of the last meeting."
    looped = "The committee approved the accounts of the last meeting."
    assert fixed(f"Agenda\n{kept}\n" + f"{looped}\n" * 5 + "Any other business.") == f"Agenda\n{kept}\n{looped}\nAny other business."


def test_one_line_loop():
    text = "Before.\n" + "The meeting was adjourned until further notice.\n" * 5 + "After."
    assert fixed(text) == "Before.\nThe meeting was adjourned until further notice.\nAfter."


def test_a_one_line_loop_whose_every_other_copy_drifts():
    line = "All samples were stored at four degrees until analysis."
    copies = [line, line.replace("four", "f0ur"), line, line.replace("analysis", "analysls"), line]
    assert fixed("Report.\n" + "\n".join(copies) + "\n") == f"Report.\n{line}\n"
    assert_unchanged("* ecc-mod.c: New file.\n* ecc-modp.c: New file.\n* ecc-modq.c: New file.\n"
                     "* ecc-mods.c: New file.\n* ecc-modx.c: New file.\n")   # rows differing each from all


def test_counter_loop_with_the_same_body():
    body = "The tenant shall keep the premises in good and substantial repair."
    text = "Schedule\n" + "".join(f"Article {n}\n{body}\n" for n in range(2, 7)) + "Signed."
    assert fixed(text) == f"Schedule\nArticle 2\n{body}\nSigned."


def test_a_counted_short_line_that_runs_away():
    assert fixed("Contents\n" + "".join(f"page {n}\n" for n in range(9, 70)) + "End") == "Contents\npage 9\nEnd"
    assert fixed("| Row | A | B |\n" + "".join(f"| {n} | | |\n" for n in range(1, 80)) + "Total") == "| Row | A | B |\n| 1 | | |\nTotal"
    form = "".join(f"Question {n} ________________\n" for n in range(1, 25))
    assert_unchanged(form)


def test_long_period_loop():
    block = [f"Line {word} of a block that the engine repeats" for word in ("one", "two", "three", "four", "five", "six", "seven")]
    text = "\n".join(["Start"] + block * 4 + ["End"])
    assert fixed(text) == "\n".join(["Start"] + block + ["End"])


def test_token_loops_in_a_line():
    assert fixed("It has been been been a long year.") == "It has been a long year."
    assert fixed("the rest of the of the of the of the story") == "the rest of the story"


def test_sentence_repeated_twenty_times_in_one_line():
    sentence = "Please find enclosed the report for your information."
    text = "Dear Sir, " + " ".join([sentence] * 20) + " Yours faithfully."
    assert fixed(text) == f"Dear Sir, {sentence} Yours faithfully."


def test_sentence_loop_whose_copies_drift_by_ocr_noise():
    sentence = "Please find enclosed the report for your information."
    copies = [sentence, sentence.replace("information", "infomation"), sentence, sentence.replace("report", "rep0rt"),
              sentence, sentence.replace("find", "fiud")]
    result = PIPELINE.run("Dear Sir, " + " ".join(copies) + " Yours faithfully.")
    assert result.text == f"Dear Sir, {sentence} Yours faithfully."
    assert "near copies" in result.edits[0].reason
    assert_unchanged("the cat sat on the mat, the dog sat on the mat, the cow sat on the mat")


def test_runaway_characters_and_units():
    assert fixed("Help!!!!!!!!!!!! me") == "Help! me"
    assert fixed("a " + ":" * 300 + " b") == "a : b"
    assert_unchanged("#" * 40 + "\n### Notes ###\nTitle\n^^^^^^^^^^^^\n+" + "-" * 30 + "+")
    assert fixed("<td></td>" * 40 + " end") == "<td></td> end"


def test_runaway_tail_to_the_end_of_the_page_is_cut_even_when_truncated():
    text = "Total receipts for the year were as follows " + "and the balance carried forward " * 8 + "and the bal\fNext page"
    assert fixed(text) == "Total receipts for the year were as follows and the balance carried forward\fNext page"
    lines = "Real text.\n" + "The quick brown fox jumps.\nOver the lazy dog.\n" * 5 + "The quick br\fPage 2"
    assert fixed(lines) == "Real text.\nThe quick brown fox jumps.\nOver the lazy dog.\fPage 2"


def test_a_loop_that_ends_its_sentence_at_the_page_end_keeps_that_end():
    """The last copy's whole word with another mark ("times." for the unit's "times,") is no cut-off word."""
    text = "It was the best of times, " + "it was the worst of times, " * 7
    assert fixed(text.rstrip(", ") + ".") == "It was the best of times, it was the worst of times."
    assert fixed(text + "it was the wo") == "It was the best of times, it was the worst"  # cut off: a runaway


def test_a_last_copy_cut_short_that_closes_its_sentence_is_the_texts_end():
    """A runaway is cut off; a part-copy closed by its own stop ends the text, and stays (four copies of "round
    and" closed by "round." are a writer's: test_a_word_coordinated_with_itself_stays)."""
    assert fixed("We went round and round and round and round and round and round.") == "We went round and round."
    assert fixed("Terms. " + "Payment is due within thirty days. " * 12 + "Payment is due.") == \
        "Terms. Payment is due within thirty days. Payment is due."


def test_a_runaway_tail_keeps_its_first_copy_whole():
    sentence = "Payment is due within thirty days of the date of the invoice."
    assert fixed("Terms. " + " ".join([sentence] * 12) + " Payment is due wi") == f"Terms. {sentence}"


@pytest.mark.parametrize("copy", ["<p>Minutes of the meeting.</p>", "<li>Payment is due within thirty days.</li>"])
def test_copies_written_without_spaces_between_them_keep_the_first_whole(copy):
    """Markup glues each copy's first word to the last word of the one before ("...meeting.</p><p>Minutes")."""
    assert fixed(copy * 21) == copy
    assert fixed("Notes: " + copy * 21 + " End.") == f"Notes: {copy} End."
    assert fixed("<ul>" + copy * 21 + "</ul>") == f"<ul>{copy}</ul>"   # tags before and after the loop


def test_a_row_looping_to_the_page_end_keeps_its_closing_border():
    """Tokens after the last copy with no letter ("|") close the row: no cut-off copy."""
    assert fixed("| No | Fruit | Qty |\n" + "| 1 | Apple | 3 " * 40 + "|") == "| No | Fruit | Qty |\n| 1 | Apple | 3 |"


def test_a_long_unit_of_markup_without_spaces_runs_away():
    row = "<tr><td></td><td></td><td></td></tr>"
    assert fixed("<table><tr><td>Anna</td><td>34</td></tr>" + row * 30) == "<table><tr><td>Anna</td><td>34</td></tr>" + row


def test_a_counter_loop_inside_a_line():
    assert fixed("The end of the report. " + " ".join(f"page {n}" for n in range(9, 80))) == (
        "The end of the report. page 9")
    body = "The Member States shall adopt the measures necessary to comply with this Directive."
    text = " ".join(f"Article {n}. {body}" for n in range(1, 8))
    assert fixed(text) == f"Article 1. {body}"
    assert_unchanged("Fixed in PR c++/95823, PR c++/95824, PR c++/95825, PR c++/95826, PR c++/95827.")
    assert_unchanged("Article 1. Scope. Article 2. Definitions. Article 3. Entry into force. Article 4. Repeal.")
    assert_unchanged("Line 10: error. Line 11: error. Line 12: error. Line 13: error.")


def test_a_long_sentence_echoed_once_is_removed():
    sentence = "The committee noted that the contract for the new library building had been let to Messrs Smith."
    assert fixed(f"{sentence}\n{sentence}\nNext item.") == f"{sentence}\nNext item."


PARAGRAPH = ("The committee met on Tuesday in the council chamber to consider the\n"
             "report of the surveyor on the state of the bridge over the river, which\n"
             "had been damaged by the floods of the previous winter and was now in\n"
             "urgent need of repair.\n")


@pytest.mark.parametrize("between", ["", "\n"])
def test_a_block_of_lines_read_twice_is_removed(between):
    """An engine re-reading a paragraph it wrapped writes the block twice, as it does a long line."""
    text = "MINUTES\n\n" + PARAGRAPH + between + PARAGRAPH + between + "The clerk read the letters.\n"
    assert fixed(text) == "MINUTES\n\n" + PARAGRAPH + between + "The clerk read the letters.\n"
    assert fixed("MINUTES\n" + PARAGRAPH + PARAGRAPH) == "MINUTES\n" + PARAGRAPH  # ending the page too
    (edit,) = PIPELINE.run(text).edits
    assert "4-line block" in edit.reason and "repeated 2 times" in edit.reason


def test_a_line_that_opens_with_the_line_befores_end_read_again_loses_it():
    """A line recogniser whose line image took in the line above reads its end again at the line's start."""
    text = ("We stood upon the harbour wall at dawn to see the ships come in\nto see the ships come in from the sea,"
            " and the gulls were\ncrying overhead.\n")
    assert fixed(text) == text.replace("\nto see the ships come in from", "\nfrom")
    (edit,) = PIPELINE.run(text).edits
    assert "6-token unit" in edit.reason and "repeated 2 times" in edit.reason
    # verse opens its lines in capitals and may say a line's end again; a sentence may open with the last one's end
    assert_unchanged("I saw the ships come sailing in\nThe ships come sailing in, my love,\nOn Christmas Day.\n")
    assert_unchanged("He said it would be done by the end of the week.\nthe end of the week came and went.\n")
    # a shorter phrase than inside a line (10 letters), as the copy stands where the line's image began
    assert fixed("returned to this office\nto this office by the closing date.\n") == (
        "returned to this office\nby the closing date.\n")
    assert_unchanged("it was one of the\none of the best.\n")  # under 10 letters


def test_a_block_said_twice_that_stays():
    """A chorus sung twice (amid verse, at the song's end too), short blocks (a form's signature blocks), and a
    row said four times that its own period keeps are no block read twice."""
    chorus = ("Then sing, my lads, the anchor's weighed,\nThe wind is fair and free,\n"
              "And every heart that ever stayed\nShall follow us to sea.\n")
    stanza = ("The harbour lights are burning low,\nThe tide is on the turn,\n"
              "The gulls are crying as we go,\nAnd none of us will learn.\n")
    assert_unchanged(stanza + chorus + chorus + stanza.replace("low", "bright"))
    assert_unchanged(stanza + chorus + stanza.replace("low", "bright") + chorus + chorus)
    signature = "Signature: ______________________________\nName: _______________________\nDate: ____________\n"
    assert_unchanged("Signed by the parties.\n\n" + signature + "\n" + signature)
    row = "Subscription of the Rev. John Smith, Vicar of St Mary's, Leeds ..... 2 2 0\n"
    assert_unchanged("SUBSCRIPTIONS\n" + row * 4 + "Total ..... 8 8 0\n")


@pytest.mark.parametrize("first, echo", [
    ("<p>{}</p>", "{}"), ("{}", "<p>{}</p>"), ("**{}**", "{}"), ("- {}", "__{}__"),
    ("> {}", "{}"), ("{}<br>", "<li>{}</li>"), ("<div class=\"text\">{}</div>", "* {}"), ("*{}*", "{}"),
    ("{}", "_{}_"),
])
def test_a_long_sentence_echoed_in_other_markup_is_removed(first, echo):
    """A vision-language engine re-emits its last sentence with other markup: the first copy stays."""
    sentence = "The board of directors met on Tuesday to consider the annual accounts of the company."
    assert fixed(f"{first.format(sentence)}\n{echo.format(sentence)}\nNext item.") == f"{first.format(sentence)}\nNext item."


@pytest.mark.parametrize("first", ["<p>{}</p>", "<div>{}</div>", "{}<br>"])
def test_a_long_sentence_echoed_in_other_markup_inside_one_line_is_removed(first):
    sentence = "The board of directors met on Tuesday to consider the annual accounts of the company."
    assert fixed(f"{first.format(sentence)} {sentence}\nNext item.") == f"{first.format(sentence)}\nNext item."
    assert_unchanged(f"<h1>{sentence}</h1> {sentence}")  # a heading's words stay, as on lines


def test_a_paragraphs_last_sentence_echoed_on_a_line_of_its_own_is_removed():
    last = "Claims received after the closing date will be returned to the sender without being considered."
    paragraph = f"The fund opens on 1 March. {last}"
    for echo in (last, f"**{last}**", f"<p>{last}</p>"):
        assert fixed(f"{paragraph}\n\n{echo}\n\nSection 4.") == f"{paragraph}\n\nSection 4."
    assert_unchanged(f"The fund opens on 1 March. {last[:60]}.\n{last[:60]}.")  # a short sentence may be said again
    assert_unchanged(f"The fund opens on 1 March and {last}\n{last}")  # not the line's own sentence


def test_a_long_sentence_echoed_in_bold_inside_one_line_is_removed():
    sentence = "Applicants must submit two copies of the form together with proof of residence."
    assert fixed(f"**{sentence}** {sentence}\nNext item.") == f"**{sentence}**\nNext item."
    assert fixed(f"<p>**{sentence}**</p> {sentence}") == f"<p>**{sentence}**</p>"
    # a bold label and the word it names, a step and its text, a bold cell and a plain one stay
    assert_unchanged("**Note:** Note the change of address.\n**Step 1.** Step 1 is to read the manual.\n")
    assert_unchanged("| **Total** | Total |\n- **Apples** apples are red.\n")


def test_a_runaway_whose_first_copy_opens_a_quoted_string_keeps_that_copy_alone():
    sentence = "Received with thanks the sum of ten pounds."
    assert fixed('{"natural_text": "' + f"{sentence} " * 40 + "Received with") == '{"natural_text": "' + sentence
    text = 'The wire said: "Send more men. ' + "Send more men. " * 30 + "Send mo"
    assert fixed(text) == 'The wire said: "Send more men.'


def test_a_list_loop_whose_last_copy_lacks_the_separator_keeps_one_copy():
    # the loop's tokens are read from the first whole copy (the first is glued to "["), and the last copy ends
    # in "]" instead of ", ": the text keeps one copy, as an engine wrote it before looping
    assert fixed('[{"text": "Total amount due"}' + ', {"text": "Total amount due"}' * 30 + "]") == (
        '[{"text": "Total amount due"}]')
    assert fixed('{"rows": [{"name": "Smith", "age": 41}' + ', {"name": "Smith", "age": 41}' * 25 + "]}") == (
        '{"rows": [{"name": "Smith", "age": 41}]}')
    assert_unchanged('[{"ok": true}, {"ok": true}, {"ok": true}]')
    assert_unchanged('colors = ["red", "red", "red", "blue"]; values: 1.5, 1.5, 1.5, 1.5, 2.0')
    assert fixed("Items: pen, pen, pen, pen, pen, pencil.") == "Items: pen, pencil."  # "pen" of "pencil" is no copy


def test_a_runaway_tail_of_sentences_each_closed_by_a_break_keeps_the_first_break():
    sentence = "Payment is due within thirty days of the date of the invoice."
    assert fixed("Notes:<br>" + f"{sentence}<br>" * 20) == f"Notes:<br>{sentence}<br>"
    assert fixed("<p>Minutes of the meeting.</p>" * 21) == "<p>Minutes of the meeting.</p>"


def test_a_spaced_run_of_one_figure_is_a_loop_when_it_runs_away():
    # "1 1 1 …" spans as much as "1111…": a loop from the same length of text, spaces counted
    assert fixed("Votes cast: 1 " + "1 " * 150) == "Votes cast: 1 "
    assert_unchanged("x = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    assert_unchanged("Chapter I " + ". " * 40 + "1\n")


def test_a_counted_loop_of_glued_list_items_keeps_the_first_item():
    # "Step 1:" opens the first copy, glued to "<ol><li>": the counter there counts on like the others
    body = "check that the valve is closed before the pump is started."
    assert fixed("<ol>" + "".join(f"<li>Step {n}: {body}</li>" for n in range(1, 40)) + "</ol>") == (
        f"<ol><li>Step 1: {body}</li></ol>")
    assert_unchanged("<ol>" + "".join(f"<li>Room {n}: vacant</li>" for n in range(101, 110)) + "</ol>")


def test_a_loop_of_sentences_two_spaces_apart_is_no_row_of_cells():
    # two spaces after a sentence's end are a typist's; cells of a row stay
    sentence = "Interest shall be charged at two per cent above the base rate."
    assert fixed("Terms.  " + "  ".join([sentence] * 12)) == f"Terms.  {sentence}"
    assert_unchanged("Linux         GitHub           GitHub           GitHub           GitHub\n")
    assert_unchanged("No.  No.  No.  I will not.")


def test_a_loop_whose_copies_differ_by_markup_collapses():
    line = "Received from the county treasurer the sum agreed"
    assert fixed(f"Cash book.\n<p>{line}</p>\n{line}\n**{line}**\n{line}\nTotal.") == f"Cash book.\n<p>{line}</p>\nTotal."


def test_repetition_in_markup_that_stays():
    # short echoes (a heading repeated as the title line), one empty table row, a table's rows alike but for
    # a cell, leaders of a table of contents, menu rows under every dish, a refrain in a list
    assert_unchanged("# Minutes of the meeting\n\nMinutes of the meeting\n\n<h1>Contents</h1>\n<p>Contents</p>\n")
    title = "Report of the Select Committee on the Harbour Dues and the Annual Accounts of the year 1952"
    assert_unchanged(f"# {title}\n\n{title}\n")  # a long title too: a heading is compared with its markup
    assert_unchanged(f"<title>{title}</title>\n<h1>{title}</h1>\n")
    assert_unchanged("<tr><td></td><td></td><td></td></tr>\n<tr><td></td><td></td><td></td></tr>\n<tr><td>Total</td></tr>\n")
    # one empty row of a wide table, empty cells in one line: a run of empty cells is a loop only when it runs away
    assert_unchanged("<table><tr><th>A</th><th>B</th><th>C</th><th>D</th><th>E</th><th>F</th></tr><tr>"
                     + "<td></td>" * 6 + "</tr></table>")
    assert_unchanged("<tr>" + "<td>&nbsp;</td>" * 8 + "</tr>")
    assert_unchanged("<tr><td>Total</td>" + "<td>-</td>" * 6 + "</tr>")
    assert_unchanged("<tr><td>Maja</td><td>Andersson</td><td>Stockholm</td><td>member of the committee since 1948</td></tr>\n"
                     "<tr><td>Maja</td><td>Berglund</td><td>Uppsala</td><td>member of the committee since 1949</td></tr>\n")
    assert_unchanged("- Introduction " + "." * 40 + " 1\n- **Introduction** " + "." * 40 + " 1\n- Accounts " + "." * 40 + " 5\n")
    assert_unchanged("### Tea\n- small 0.40\n- large 0.60\n### Coffee\n- small 0.40\n- large 0.60\n### Cocoa\n- small 0.40\n")
    assert_unchanged("* Ring out, ring out, the bell of Sutton\n" * 3 + "* And call the fishers home again\n"
                     "* Over the water, over the sea\n* Where the gulls cry out for me\n* And the tide runs in and out\n"
                     "* Till the boats come home\n")


def test_a_phrase_read_twice_inside_a_sentence_is_an_echo():
    assert fixed("The committee noted the committee noted that the report was late.") == (
        "The committee noted that the report was late.")
    assert_unchanged("This is the main D-Bus package. The main D-Bus package holds the daemon.")
    assert_unchanged("Glory, glory, hallelujah! Glory, glory, hallelujah!")
    assert_unchanged("He said no, no he would not.")


def test_a_phrase_the_text_repeats_with_another_word_in_its_slot_is_no_echo():
    # legal and enumerative text repeats a frame: a third copy breaks off with another word, or a number
    # beside the copies changes
    assert_unchanged("The Senate amendment was an amendment to the House amendment to the Senate amendment "
                     "to the House amendment to the Senate amendment to the bill.")
    assert_unchanged("License: GPL-2+ with Libtool exception and GPL-3+ with Libtool exception and GPL-3+")
    assert fixed("The Senate amendment to the House was an amendment to the House was an amendment of the rules.") == (
        "The Senate amendment to the House was an amendment of the rules.")   # one word again is no third copy


def test_equal_cells_of_a_table_row_are_no_echo():
    assert_unchanged('"assign_replace"        Replace all values        Replace all values\n')
    assert_unchanged("Linux         GitHub           GitHub           GitHub           GitHub\n")
    assert_unchanged("| Stream | Stream Padding | Stream | Stream Padding | ... |\n")
    assert fixed("Linux  " + "GitHub    " * 60 + "\n").split() == ["Linux", "GitHub"]   # a padded loop still runs away


def test_a_row_of_equal_cells_is_no_loop_until_it_runs_away():
    assert_unchanged("| Format | PDF | EPUB | HTML | TXT |\n| --- | --- | --- | --- | --- |\n"
                     "| Search | Yes | Yes | Yes | No |\n| Export | Yes | Yes | Yes | Yes |\n")
    assert_unchanged("Lisbon & n/a & n/a & n/a & 12.5 \\\\\n")
    assert_unchanged("<tr><td>Rome</td><td>open</td><td>open</td><td>open</td><td>open</td><td>shut</td></tr>")
    assert_unchanged("<tr> <td>Rome</td> <td>open</td> <td>open</td> <td>open</td> </tr>")
    assert fixed("| Export | Yes " + "| Yes " * 80).split() == ["|", "Export", "|", "Yes"]
    assert fixed("<tr><td>Rome</td>" + "<td>open</td>" * 80) == "<tr><td>Rome</td><td>open</td>"


def test_a_line_alone_on_each_page_is_a_running_head_not_a_loop():
    assert_unchanged("THE HISTORY OF ROME\f" * 4 + "THE HISTORY OF ROME")
    assert_unchanged("Minutes of the meeting of the General Purposes Committee\f" * 3 + "Item 1. Apologies.")


def test_a_loop_going_on_across_a_page_break_collapses_in_one_pass():
    # the default pipeline's layout joins the pages, so a second pass used to find what the first left
    line = "The minutes of the last meeting were read and approved.\n"
    text = "The Committee met on Tuesday.\n" + line * 2 + "\f" + line * 3 + "Then the chairman spoke.\n"
    assert fixed(text) == "The Committee met on Tuesday.\n" + line[:-1] + "\f\nThen the chairman spoke.\n"
    once = ocrfix.correct(text)
    assert ocrfix.correct(once) == once and once.count("The minutes") == 1
    assert fixed("Intro.\n" + line + "\f" + line * 3 + "End.\n") == "Intro.\n" + line[:-1] + "\f\nEnd.\n"


# -- legitimate repetition ----------------------------------------------------

def test_same_address_block_in_two_letters_of_one_file():
    address = "Department of the Environment\n2 Marsham Street\nLondon SW1P 3EB"
    assert_unchanged(f"{address}\n\n12 May 1975\n\nDear Sir,\nThank you for your letter.\n\nYours faithfully\n\n"
                     f"{address}\n\n14 May 1975\n\nDear Madam,\nI enclose the form.\n")


def test_table_rows():
    assert_unchanged("| Item | Qty | Price |\n|---|---|---|\n| Pencil | 2 | 0.10 |\n| Pencil | 2 | 0.10 |\n| Paper | 1 | 0.40 |\n|  |  |  |\n")


def test_menu_rows_repeated_for_every_item():
    assert_unchanged("Tea\nsmall 0.40\nlarge 0.60\nCoffee\nsmall 0.40\nlarge 0.60\nCocoa\nsmall 0.40\nlarge 0.60\n")


def test_two_people_with_the_same_name_on_consecutive_table_lines():
    assert_unchanged("Name    Born  Town\nMaja Novak   1931  Celje\nMaja Kranjc  1934  Kranj\nIvan Zupan   1930  Ptuj\n")


def test_very_very_had_had_that_that():
    assert_unchanged("It was very very cold. He had had enough. He said that that was all.")
    assert_unchanged("No, no, no! Ha ha! Bye bye.")
    # a cry whose first mark the engine lost (a newspaper advertisement, Tesseract on a worn page)
    assert_unchanged("TEN SHILLINGS REWARD\n\nCOALS COALS! COALS! Best Silkstone, 18s. per ton")


@pytest.mark.parametrize("text", [
    "And so the argument went on and on and on and on until the candles burned out.",
    "The wheels turned faster and faster and faster and faster, and the cart flew down the hill.",
    "Day after day after day the ship lay becalmed.", "They came on, wave upon wave upon wave, across the field.",
    "She read the letter over and over and over and over again.", "The speech went on and on and on and on.",
])
def test_a_word_coordinated_with_itself_stays(text):
    """Writers say a word, a link ("and", "by", "after", "upon") and the word again, three or four times."""
    assert_unchanged(text)


def test_a_word_and_a_link_that_runs_away_or_breaks_off_is_a_loop():
    assert fixed("It went on and " + "on and " * 40 + "on") == "It went on and"
    assert fixed("It went on and on and on and on and on and on and on.") == "It went on and on."  # five copies
    assert fixed("Total 184 and 184 and 184 and 184 in all.") == "Total 184 and 184 in all."  # no word
    assert fixed("He said so and so and so and then left.") == "He said so and then left."  # not closed by the word


def test_list_items_with_the_same_start():
    assert_unchanged(
        "- The committee resolved that the budget for the next financial year be approved without amendment.\n"
        "- The committee resolved that the minutes for the next financial year be approved without amendment.\n"
        "- The committee resolved that the accounts for the next financial year be approved without amendment.\n"
    )
    assert_unchanged("1. Buy milk\n2. Buy eggs\n3. Buy bread\n4. Buy tea\n")


def test_ledger_lines():
    assert_unchanged("3 Jan  To rent        5  0  0\n4 Jan  To rent        5  0  0\n5 Jan  To rent        5  0  0\n"
                     "7 Jan  By cash        2 10  0\n9 Jan  By cash        2 10  0\n11 Jan By cash        2 10  0\n")


def test_dot_leaders():
    assert_unchanged("Contents\nIntroduction " + "." * 40 + " 1\nThe early years " + "." * 40 + " 5\n"
                     "The war " + "." * 40 + " 19\n" + "Index . . . . . . . . . . . . . . . . . . . . 201\n"
                     + "_" * 60 + "\n" + "-" * 72 + "\n")


def test_refrains_separated_by_other_text():
    assert_unchanged("Sing hey the holly.\nThe wind blows cold.\nSing hey the holly.\nThe rain falls hard.\n"
                     "Sing hey the holly.\nThe snow lies deep.\nSing hey the holly.\n")


def test_enumerations_whose_rows_all_differ_a_little():
    assert_unchanged("| b cleaned\n| c cleaned\n| d cleaned\n| f cleaned\n| g cleaned\n")
    assert_unchanged("* ecc-mod.c: New file.\n* ecc-modp.c: New file.\n* ecc-modq.c: New file.\n")
    assert_unchanged("Fixed in PR c++/95823, PR c++/95824, PR c++/95895, PR c++/95896.")
    assert_unchanged("Exhibit 3: photograph of the site\nExhibit 4: photograph of the site\n"
                     "Exhibit 5: photograph of the site\n")


def test_short_line_three_times_stays_five_times_goes():
    assert_unchanged("Signature\n\nSignature\n\nSignature\n")
    assert fixed("Signature\n" * 6 + "Date") == "Signature\nDate"


def test_short_lines_twice_stay():
    assert_unchanged("Yours sincerely\nYours sincerely\n")
    assert_unchanged("CONFIDENTIAL\n\nCONFIDENTIAL\n")


# -- every removal is an edit; odd input ------------------------------------------

def test_every_removal_is_an_edit_with_a_reason():
    text = "been been been\n" + "A looping line of text that goes on and on.\n" * 3 + "wow!!!!!!!!!!"
    result = PIPELINE.run(text)
    assert len(result.original) - len(result.text) == sum(len(e.original) - len(e.replacement) for e in result.edits)
    assert all(e.strategy == "dedup" and e.reason and e.replacement == "" for e in result.edits)
    assert len(result.edits) == 3


def test_periods_picked_first_on_short_texts_lose_no_loop(monkeypatch):
    """Short texts try only the periods (of lines, tokens, characters) whose pairs run long enough;
    trying every period (lines, characters), or the token periods picked row by row, as on long texts,
    finds the same."""
    import ocrfix.strategies.dedup.periods as periods

    document = next(document for document in corpus.load() if document.id == "seed")
    line = "The committee approved the accounts of the last meeting in full."
    texts = [document.ocr[start:start + 2_500] for start in range(0, len(document.ocr), 2_500)] + [
        f"Agenda\n{line}\n" + f"{line}\n" * 4 + "Any other business.",
        "Then the committee noted the information given and the committee noted the infomation given and "
        "the committee noted the information given and so on.",  # a run of pairs only with the noise let through
        "Article 1 applies here\n" + "".join(f"Article {n} applies here\n" for n in range(2, 60)),
        "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 3 + "end",
        "A table: " + "<td></td>" * 12 + " and a word of thirty letters abcdefghijklmnopqrstuvwxyzabcd.",
    ]
    short = [repr(PIPELINE.run(text).edits) for text in texts]
    monkeypatch.setattr(periods, "FEW_PAIRS", 0)  # every period tried, as on long texts
    assert [repr(PIPELINE.run(text).edits) for text in texts] == short
    assert sum(edits != "[]" for edits in short) >= 5


@pytest.mark.parametrize("text", ["", " ", "\n\n\f\n", "a", "\x00\x01\x02\ufffd", "\ud800 lone surrogate"])
def test_odd_input_does_not_crash(text):
    assert isinstance(fixed(text), str)


def test_huge_inputs_are_linear_not_quadratic():
    started = time.process_time()
    assert fixed("a" * 2_000_000) == "a"
    assert fixed("!" * 2_000_000) == "!"
    assert fixed("word " * 400_000) == "word "
    one_line = " ".join(f"w{n}" for n in range(300_000))  # a single enormous line without loops
    assert fixed(one_line) == one_line
    assert time.process_time() - started < 30  # generous: several seconds of CPU, not hours


def test_options_are_checked_and_shown():
    with pytest.raises(ValueError):
        Dedup(min_repeats=1)
    assert Dedup(min_repeats=4).min_repeats == 4
    assert fixed("so so so") == "so"
    assert Pipeline([Dedup(min_repeats=4)]).run("so so so").text == "so so so"


# -- the corpus -------------------------------------------------------------------

def test_seed_target():
    from ocrfix.metrics import score

    seed = next(document for document in corpus.load() if document.id == "seed")
    before = score(seed.gt, seed.ocr).cer
    after = score(seed.gt, fixed(seed.ocr)).cer
    print(f"seed CER: raw {before:.2%}, dedup {after:.2%}")
    assert before > 0.06
    assert after <= 0.015


def test_generated_tesseract_pages_come_out_unchanged():
    documents = [d for d in corpus.load() if d.meta.get("subset") != "seed" and "tesseract" in str(d.meta.get("engine", "")).lower()]
    if not documents:
        pytest.skip("no generated Tesseract documents in the corpus yet")
    changed = {d.id: PIPELINE.run(d.ocr).explain() for d in documents if PIPELINE.run(d.ocr).changed}
    assert not changed, changed


def test_a_refrain_said_three_times_in_verse_stays():
    """Verse repeats a line exactly and goes on (a litany, a chorus); a loop runs on or drifts."""
    verse = ("The lantern swung above the quay,\nThe tide came grey and cold,\nAnd every boat that left the bay\n"
             "Was rotten in the hold.\n\n" + "Pull away, pull away, my bonny lads, pull away!\n" * 3
             + "And bring the herring home.\n")
    assert_unchanged(verse)
    # the same three copies ending the page (a runaway tail) or amid prose are a loop
    tail = verse.rsplit("And bring", 1)[0]
    assert fixed(tail) == tail.replace("Pull away, pull away, my bonny lads, pull away!\n", "", 2)
    prose = ("the tide came in grey and cold and every\nboat that left the bay was rotten in\nthe hold, "
             "as the men knew well, and\n" + "Pull away, pull away, my bonny lads, pull away!\n" * 3
             + "they sang as they went down to the\nwater in the dark of the morning\n")
    assert fixed(prose).count("Pull away") == 1


# -- session 25 (dedup25): loops in tables and cells ----------------------------------------------------------

def test_a_row_looping_to_the_page_end_loses_its_last_copy_cut_short():
    head = "| Date | Description | Amount |\n| --- | --- | --- |\n| 11 Mar | Card payment, Tesco | 23.40 |\n"
    row = "| 12 Mar | Transfer to savings account | 250.00 |\n"
    assert fixed(head + row * 40 + "| 12 Mar | Trans") == head + row.rstrip("\n")
    assert fixed("Minutes\n" + "The board met on Tuesday.\n" * 6 + "The bo\fNext") == (
        "Minutes\nThe board met on Tuesday.\fNext")
    # the page's last line that is no part-copy of the loop stays
    assert fixed("Minutes\n" + "The board met on Tuesday.\n" * 6 + "The end.") == (
        "Minutes\nThe board met on Tuesday.\nThe end.")


def test_a_runaway_whose_first_copy_is_glued_to_tags_keeps_that_copy_whole():
    sentence = "See the attached schedule for details."
    assert fixed("<table><tr><td>Notes</td><td>" + " ".join([sentence] * 31)) == (
        f"<table><tr><td>Notes</td><td>{sentence}")
    assert fixed("<p>Minutes.</p><p>" + " ".join([sentence] * 31) + "</p>") == f"<p>Minutes.</p><p>{sentence}</p>"


def test_a_markdown_ledger_row_said_four_times_stays_as_a_plain_one_does():
    row = "3 May 1852 | To cash paid for candles and soap for the vestry | 1 | 6"
    ledger = "| Date | Particulars | s. | d. |\n| --- | --- | --- | --- |\n" + f"| {row} |\n" * 4 + "| 4 May | Coal | 4 | 0 |"
    assert_unchanged(ledger)
    assert_unchanged((row.replace(" |", "") + "\n") * 4 + "4 May Coal 4 0")
    assert fixed(ledger.replace(f"| {row} |\n" * 4, f"| {row} |\n" * 9)).count("candles") == 1


def test_a_long_sentence_quoted_then_said_again_on_its_own_line_is_an_echo():
    sentence = "The trustees will meet again in the spring to review the accounts of the year and the new rules."
    assert fixed(f'He said: "{sentence}"\n{sentence}\nThe end.') == f'He said: "{sentence}"\nThe end.'
    assert fixed(f"The chair closed the meeting. ({sentence})\n{sentence}") == (
        f"The chair closed the meeting. ({sentence})")
    # a short quoted sentence, or one said again with more after it, stays
    assert_unchanged('He said: "We will go."\nWe will go.\n')
    assert_unchanged(f'He said: "{sentence}"\n{sentence[:-1]}, and the chair agreed to it at once.\n')


def test_a_sentence_loop_cut_before_its_last_mark_keeps_the_first_copys_mark():
    """The engine's budget ran out before the last copy's stop, or that copy drifted to another mark."""
    sentence = "Payment is due within thirty days of the date of the invoice."
    assert fixed("Terms. " + " ".join([sentence] * 12)[:-1]) == f"Terms. {sentence}"
    drift = " ".join(["the results are consistent with the model."] * 10 + ["the results are consistent with the model,"] * 10)
    assert fixed("Conclusion: " + drift) == "Conclusion: the results are consistent with the model."
    # a last copy running on into the text keeps the text's own way ("… cold and dark."), a word's mark parts copies
    cold = "It was a cold and windy night on the open moor"
    assert fixed(f"{cold}. {cold}. {cold}. {cold} and dark.") == f"{cold} and dark."
    assert fixed("the database! database! database! database! database! database") == "the database"


def test_a_paragraph_looping_on_one_line_collapses():
    """A vision-language engine writes a paragraph as one line: a unit of more than ``max_token_period`` tokens
    (here 52) read again and again there is found from its trigrams recurring a copy apart."""
    paragraph = ("The committee considered the report of the surveyor on the condition of the bridge over the river, "
                 "which had been damaged by the floods of the previous winter. It resolved that the work of repair "
                 "should begin at once and that the cost should be met from the general fund of the parish.")
    assert fixed("Minutes. " + " ".join([paragraph] * 8)) == f"Minutes. {paragraph}"
    assert fixed("Minutes. " + " ".join([paragraph] * 8) + " The committee consid") == f"Minutes. {paragraph}"
    assert fixed(f"Minutes. {paragraph} {paragraph}\nNext.") == f"Minutes. {paragraph}\nNext."  # read twice
    # the same paragraph twice with other text between, and a long line without repetition, stay
    assert_unchanged(f"Minutes. {paragraph} The clerk then read the letters. {paragraph}")
    assert_unchanged(" ".join(f"Item {n}: {paragraph}" for n in range(1, 3)))


def test_a_drifting_loop_whose_last_copy_ends_in_a_misreading_loses_that_copy_too():
    """A lone difference between equal pairs is OCR noise; at the run's end there is no pair after it."""
    sentence = "The fee is payable on the first day of each month to the treasurer of the club."
    copies = [sentence.replace("treasurer", "treasnrer") if i % 2 else sentence for i in range(6)]
    copies[-1] = copies[-1].replace("club.", "cluh.")
    assert fixed("Rules. " + " ".join(copies) + "\nNext.") == f"Rules. {sentence}\nNext."
    # a list's last copy without its separator is no misreading: one copy stays, as an engine wrote it
    text = "Bids for the national museums and galleries, " + "the national museums and galleries, " * 5
    assert fixed(text + "the national museums and galleries\nYours") == "Bids for the national museums and galleries\nYours"


def test_a_whole_table_written_again_collapses():
    """A block of more lines than ``max_period`` (here 22) read twice or thrice: a table or page written again."""
    rows = "".join(f"| {n} | Tenant {chr(64 + n)} | Plot {n * 3} | {20 + n} acres |\n" for n in range(1, 21))
    table = "| No. | Name | Plot | Area |\n| --- | --- | --- | --- |\n" + rows
    assert fixed("Return.\n\n" + table + table + "\nSigned.") == "Return.\n\n" + table + "\nSigned."
    assert fixed("Return.\n\n" + table + "\n" + table + "\n" + table) == "Return.\n\n" + table
    # two tables of the same header with other rows stay
    other = table.replace("acres", "roods")
    assert_unchanged("Return.\n\n" + table + "\n" + other)


def test_a_loop_broken_off_inside_a_copy_at_the_lines_end_loses_that_part_copy():
    """The engine broke off the loop where the line ends, as it does where its budget ends the page."""
    sentence = "Payment is due within thirty days of the date of the invoice."
    assert fixed("Terms. " + " ".join([sentence] * 6) + " Payment is due wi\nSigned.") == f"Terms. {sentence}\nSigned."
    # a part-copy closed by its own stop, or followed by more text on its line, stays
    assert fixed("Terms. " + " ".join([sentence] * 6) + " Payment is due.\nSigned.") == (
        f"Terms. {sentence} Payment is due.\nSigned.")
