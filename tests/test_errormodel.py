"""The learned OCR error model and the `ocrfix train` command."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from ocrfix import corpus, strategies
from ocrfix.cli import main
from ocrfix.errormodel import ErrorModel, blocks, prepare, train_for_dictionary
from ocrfix.errors import OcrfixError
from ocrfix.pipeline import Pipeline
from ocrfix.strategies.dictionary import Dictionary

PAIRS = [
    ("the rnodern kiug carne horne", "the modern king came home"),
    ("a clear rnorning, tbe kiug said", "a clear morning, the king said"),
    ("ofthe people", "of the people"),
]


def test_blocks_group_adjacent_edits_into_multi_character_confusions():
    assert list(blocks("modern", "rnodern")) == [("m", "rn")]
    assert list(blocks("dear", "clear")) == [("d", "cl")]
    assert list(blocks("same", "same")) == []


def test_prepare_folds_case_and_whitespace():
    assert prepare(" The\n\nKING\tsaid ") == "the king said"


def test_training_learns_multi_character_confusions_and_spaces():
    model = ErrorModel.train(PAIRS)
    counts = {(a, b): c for a, b, c in model.top(50)}
    assert counts[("m", "rn")] == 4
    assert counts[("n", "u")] == 2
    assert counts[(" ", "")] == 1  # "ofthe": a lost space
    assert model.segments["m"] >= 4


def test_learned_confusions_are_more_probable_than_unseen_edits():
    model = ErrorModel.train(PAIRS)
    assert model.log_prob("modern", "rnodern") > model.log_prob("modern", "xnodern")
    assert model.log_prob("the", "tbe") > model.log_prob("the", "tqe")
    assert model.log_prob("king", "king") > model.log_prob("king", "kiug")
    assert model.attested("the", "tbe", min_count=1) and not model.attested("the", "tqe", min_count=1)
    assert model.merge_log_prob > model.confusion_log_prob(" ", "x")


def test_illegible_gaps_and_long_runs_are_not_confusions():
    model = ErrorModel.train([("Dear Sir, zzqx wvvq kkkp, yours", "Dear Sir, [illegible], yours")])
    assert all(len(a) <= 3 and len(b) <= 3 for a, b, _ in model.top(100))
    assert not any("[" in a or "illegible" in a for a, _, _ in model.top(100))


def test_save_and_load_round_trip(tmp_path):
    model = ErrorModel.train(PAIRS)
    path = tmp_path / "model.json"
    model.save(path)
    again = ErrorModel.load(path)
    assert again.confusions == model.confusions and again.characters == model.characters
    assert again.log_prob("modern", "rnodern") == pytest.approx(model.log_prob("modern", "rnodern"))


def test_bad_model_file_is_an_ocrfix_error(tmp_path):
    path = tmp_path / "model.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(OcrfixError, match="not an ocrfix error model"):
        ErrorModel.load(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(OcrfixError, match="invalid JSON"):
        ErrorModel.load(path)


def test_default_model_ships_and_loads():
    model = ErrorModel.default()
    assert model.characters > 1000
    assert ErrorModel.default() is model


def pair_folder(folder, pairs):
    """``folder``, made, with NAME.txt (the OCR) and NAME.gt.txt (its ground truth) of each pair: a corpus to train on."""
    folder.mkdir()
    for i, (ocr, gt) in enumerate(pairs):
        (folder / f"doc{i}.txt").write_text(ocr, encoding="utf-8")
        (folder / f"doc{i}.gt.txt").write_text(gt, encoding="utf-8")
    return folder


def test_cli_train_writes_a_model(tmp_path, capsys):
    folder = pair_folder(tmp_path / "pairs", PAIRS)
    out = tmp_path / "model.json"
    assert main(["train", "--corpus", str(folder), "--before", "", "-o", str(out), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["documents"] == 3 and summary["prior"] is True
    assert ErrorModel.load(out).confusions[("m", "rn")] == 4
    assert main(["train", "--corpus", str(folder), "--before", "", "--no-prior", "-o", str(out)]) == 0
    assert ErrorModel.load(out).prior is False


def test_the_dictionary_learns_from_the_ocr_it_sees_as_the_shipped_model_does():
    # A corpus letter whose layout (joined lines, a dropped page number) changes what is counted.
    doc = next(d for d in corpus.load() if d.id == "letter-002-tesseract")
    seen = Pipeline(strategies.before("dictionary")).run(doc.ocr).text
    as_seen, raw = ErrorModel.train([(seen, doc.gt)]), ErrorModel.train([(doc.ocr, doc.gt)])
    assert as_seen.confusions != raw.confusions
    assert Dictionary().fit([(doc.ocr, doc.gt)]).model.confusions == as_seen.confusions
    assert train_for_dictionary([(doc.ocr, doc.gt)], before=[]).confusions == raw.confusions


def test_cli_train_is_the_library_function(tmp_path, capsys):
    corpus_dir = pair_folder(tmp_path / "pairs", [(ocr + "\nrnore text\n", gt + " more text") for ocr, gt in PAIRS])
    out, library = tmp_path / "cli.json", tmp_path / "library.json"
    assert main(["train", "--corpus", str(corpus_dir), "--before", "layout", "--no-prior", "-o", str(out)]) == 0
    pairs = [(d.ocr, d.gt) for d in corpus.load(corpus_dir)]
    train_for_dictionary(pairs, before=["layout"], prior=False).save(library)
    assert out.read_text(encoding="utf-8") == library.read_text(encoding="utf-8")


def test_cli_train_bad_input_is_one_line(tmp_path, capsys):
    assert main(["train", "--corpus", str(tmp_path / "missing"), "-o", str(tmp_path / "m.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ocrfix train:") and len(err.strip().splitlines()) == 1
    folder = pair_folder(tmp_path / "pairs", PAIRS)
    assert main(["train", "--corpus", str(folder / "doc0.txt"), "-o", str(tmp_path / "m.json")]) == 2
    assert capsys.readouterr().err.strip().endswith("doc0.txt: a file, not a corpus folder")


@pytest.mark.parametrize("name", ["doc0.txt", "doc0.gt.txt"])
def test_cli_train_never_writes_over_its_corpus(tmp_path, capsys, name):
    folder = pair_folder(tmp_path / "pairs", PAIRS)
    before = (folder / name).read_bytes()
    assert main(["train", "--corpus", str(folder), "-o", str(folder / name)]) == 2
    assert "refusing to overwrite an input file" in capsys.readouterr().err
    assert (folder / name).read_bytes() == before


def test_prior_makes_known_confusions_usable_where_the_pairs_never_show_them():
    with_prior, plain = ErrorModel.train(PAIRS), ErrorModel.train(PAIRS, prior=False)
    assert ("h", "li") not in with_prior.confusions  # the pairs never show li for h
    # "tlie": li for h is one known slip, not two unrelated edits, so "the" beats dropping the l ("tie")
    assert with_prior.log_prob("the", "tlie") > with_prior.log_prob("tie", "tlie")
    assert plain.log_prob("the", "tlie") < plain.log_prob("tie", "tlie")
    assert with_prior.attested("the", "tlie") and not plain.attested("the", "tlie")
    assert not with_prior.attested("the", "tqe")  # the prior attests its own pairs only
    assert with_prior.log_prob("business", "bufinefs") > plain.log_prob("business", "bufinefs")


def test_learned_rates_above_the_prior_stand_and_no_prior_is_the_plain_model():
    with_prior, plain = ErrorModel.train(PAIRS), ErrorModel.train(PAIRS, prior=False)
    assert with_prior.confusions == plain.confusions
    assert with_prior.log_prob("king", "kiug") == plain.log_prob("king", "kiug")  # n→u learned often here
    assert with_prior.log_prob("modern", "rnodern") == plain.log_prob("modern", "rnodern")
    assert plain.log_prob("the", "tlie") == ErrorModel(plain.confusions, plain.segments, plain.characters,
                                                       plain.edits, prior=False).log_prob("the", "tlie")


def test_prior_choice_is_saved_and_the_shipped_model_has_it(tmp_path):
    path = tmp_path / "plain.json"
    ErrorModel.train(PAIRS, prior=False).save(path)
    assert ErrorModel.load(path).prior is False
    assert ErrorModel.default().prior
    assert ErrorModel.default().attested("when", "wlien")


def test_the_shipped_model_is_what_ocrfix_train_makes_of_the_corpus_today(tmp_path):
    """The shipped model goes stale when dedup or layout change what the dictionary sees: retrain it with
    'ocrfix train -o ocrfix/data/errormodel_en.json' (see that file's SOURCE note)."""
    fresh = tmp_path / "fresh.json"
    train_for_dictionary([(doc.ocr, doc.gt) for doc in corpus.load()]).save(fresh)
    shipped = resources.files("ocrfix.data").joinpath("errormodel_en.json").read_text(encoding="utf-8")
    assert fresh.read_text(encoding="utf-8") == shipped


def test_dictionary_repairs_period_confusions_through_the_prior():
    from ocrfix.pipeline import Pipeline
    from ocrfix.strategies.dictionary import Dictionary

    text = "The bufinefs of the meeting was over before thofe members left."
    shipped = ErrorModel.default()
    plain = ErrorModel(shipped.confusions, shipped.segments, shipped.characters, shipped.edits, prior=False)
    assert Pipeline([Dictionary()]).run(text).text == "The business of the meeting was over before those members left."
    # the corpus scarcely shows ſ read as f ("bufinefs", the same misreading twice in one word, is read either way)
    assert "thofe" in Pipeline([Dictionary(model=plain)]).run(text).text


def test_adjacent_confusions_the_alignment_joins_into_one_run_are_scored_each_as_learned():
    # "learning" printed "ledming" (a read as d, rn as m): the alignment makes one run ("arn", "dm"), never
    # seen as such; its odds are those of the two misreadings side by side, not of three unknown edits
    model = ErrorModel.default()
    assert blocks("learning", "ledming") == (("arn", "dm"),)
    parts = model.confusion_log_prob("a", "d") + model.confusion_log_prob("rn", "m")
    assert model.log_prob("learning", "ledming") == pytest.approx(parts + 5 * model.log_prob("e", "e"))
    # a run no pair of known misreadings makes keeps the floor of unknown edits
    assert model.log_prob("learning", "lexqing") < model.log_prob("learning", "ledming") - 2



def test_the_same_misreading_again_in_one_word_is_scored_as_a_likely_repeat():
    # "Goverumeut": a word whose first n printed u has its other n printed u far more often than a first one is
    # (same glyph, same ink); a different second slip in the word keeps the model's own rate
    from ocrfix.errormodel import REPEAT_LOG_PROB
    model = ErrorModel.default()
    first, correct = model.confusion_log_prob("n", "u"), model.log_prob("n", "n")
    assert first < REPEAT_LOG_PROB
    once = model.log_prob("government", "goverument")
    assert model.log_prob("government", "goverumeut") == pytest.approx(once - correct + REPEAT_LOG_PROB)
    assert model.log_prob("government", "goverumcnt") == pytest.approx(
        once - correct + model.confusion_log_prob("e", "c"))
    # a lost letter twice is no repeat of one glyph's misreading
    lost = model.confusion_log_prob("e", "")
    assert model.log_prob("between", "btwen") == pytest.approx(model.log_prob("between", "btween") - correct + lost)


def test_cli_fix_reads_the_model_train_wrote(tmp_path, capsys):
    # a model trained with `ocrfix train` could be used from Python only (Dictionary(model=PATH))
    folder = pair_folder(tmp_path / "pairs", [("the cat sat", "the cat sat")])
    model = tmp_path / "model.json"
    assert main(["train", "--corpus", str(folder), "--before", "", "--no-prior", "-o", str(model)]) == 0
    page = tmp_path / "page.txt"
    page.write_text("the rnodern world\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["fix", str(page), "--strategies", "dictionary"]) == 0
    assert capsys.readouterr().out == "the modern world\n"  # rn/m is in the shipped model (and its prior)
    assert main(["fix", str(page), "--strategies", "dictionary", "--model", str(model)]) == 0
    assert capsys.readouterr().out == "the rnodern world\n"  # a model that never saw rn for m
    for output in ("-o", "--edits"):  # -o over the model replaced it with the corrected text
        assert main(["fix", str(page), output, str(model), "--model", str(model)]) == 2
        assert capsys.readouterr().err == f"ocrfix fix: {model}: refusing to overwrite an input file\n"
    assert ErrorModel.load(model).prior is False
    assert main(["fix", str(page), "--strategies", "dedup", "--model", str(model)]) == 2
    assert capsys.readouterr().err == f"ocrfix fix: {model}: an error model is for the dictionary strategy, which is not run\n"
    model.write_text('{"format": "ocrfix-errormodel/1", "confusions": [], "segments": [1], "characters": 1, '
                     '"edits": 1}', encoding="utf-8")
    assert main(["fix", str(page), "--model", str(model)]) == 2
    assert capsys.readouterr().err.startswith(f"ocrfix fix: {model}: malformed error model")
