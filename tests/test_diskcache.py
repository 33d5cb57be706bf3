"""The on-disk cache of tables built from shipped data: a damaged, stale or unwritable cache is never trusted."""
from __future__ import annotations

import pytest

from ocrfix import diskcache, lexicon


@pytest.fixture
def fresh_lexicon(tmp_path, monkeypatch):
    """lexicon.load() from scratch, with its cache folder under ``tmp_path`` (the shipped one again afterwards)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.load.cache_clear()
    yield tmp_path / "ocrfix"
    lexicon.load.cache_clear()


def computed_word_sets() -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicon.Lexicon(lexicon._read_table(lexicon.WORDS_FILE), lexicon._read_table(lexicon.BIGRAMS_FILE))
    return lex.linked, lex.seldom_second


def test_word_lists_round_trip_and_damage_is_refused(tmp_path):
    path = tmp_path / "lists.txt"
    assert diskcache.read_word_lists(path) is None  # missing
    diskcache.write_word_lists(path, [["a", "b"], [], ["c"]])
    assert diskcache.read_word_lists(path) == [["a", "b"], [], ["c"]]
    path.write_bytes(path.read_bytes()[:-1])  # cut short
    assert diskcache.read_word_lists(path) is None
    path.write_bytes(b"\x00garbage")
    assert diskcache.read_word_lists(path) is None


def test_cache_path_differs_with_any_source():
    base = diskcache.cache_path("kind", b"v1", b"data", suffix=".txt")
    assert base == diskcache.cache_path("kind", b"v1", b"data", suffix=".txt")
    assert base != diskcache.cache_path("kind", b"v1", b"data!", suffix=".txt")
    assert base != diskcache.cache_path("kind", b"v2", b"data", suffix=".txt")
    assert base != diskcache.cache_path("kind", b"v1d", b"ata", suffix=".txt")


def test_lexicon_word_sets_are_cached_and_read_back(fresh_lexicon):
    expected = computed_word_sets()
    first = lexicon.load()
    assert (first.linked, first.seldom_second) == expected
    [cached] = fresh_lexicon.glob("wordsets-*.txt")
    lexicon.load.cache_clear()
    second = lexicon.load()
    assert "linked" in vars(second)  # read from the file, not counted again
    assert (second.linked, second.seldom_second) == expected
    assert [cached] == list(fresh_lexicon.glob("wordsets-*.txt"))


def test_damaged_lexicon_cache_is_rebuilt(fresh_lexicon):
    expected = computed_word_sets()
    lexicon.load()
    [cached] = fresh_lexicon.glob("wordsets-*.txt")
    checksum, _, body = cached.read_bytes().partition(b"\n")
    damaged = body.replace(b"\tthe\t", b"\tteh\t")  # a changed word
    assert damaged != body
    cached.write_bytes(checksum + b"\n" + damaged)
    lexicon.load.cache_clear()
    lex = lexicon.load()
    assert (lex.linked, lex.seldom_second) == expected
    assert diskcache.read_word_lists(cached) == [sorted(expected[0]), sorted(expected[1])]  # written again


def test_unwritable_cache_folder_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    lexicon.load.cache_clear()
    try:
        lex = lexicon.load()
        assert (lex.linked, lex.seldom_second) == computed_word_sets()
    finally:
        lexicon.load.cache_clear()
