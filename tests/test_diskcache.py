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


def computed_word_sets() -> tuple[frozenset[str], ...]:
    lex = lexicon.Lexicon(lexicon._read_table(lexicon.WORDS_FILE), lexicon._read_table(lexicon.BIGRAMS_FILE))
    return sets_of(lex)


def sets_of(lex: lexicon.Lexicon) -> tuple[frozenset[str], ...]:
    return tuple(getattr(lex, name) for name in lexicon._WORD_SETS)


def test_tables_round_trip_and_damage_is_refused(tmp_path):
    path = tmp_path / "tables.marshal"
    tables = ({"of the": 6.5, "tbe": 2.1}, [frozenset({"a", "b"}), frozenset()])
    assert diskcache.read_tables(path) is None  # missing
    diskcache.write_tables(path, tables)
    assert diskcache.read_tables(path) == tables
    path.write_bytes(path.read_bytes()[:-1])  # cut short
    assert diskcache.read_tables(path) is None
    path.write_bytes(b"\x00garbage")
    assert diskcache.read_tables(path) is None


def test_cache_path_differs_with_any_source():
    base = diskcache.cache_path("kind", b"v1", b"data", suffix=".txt")
    assert base == diskcache.cache_path("kind", b"v1", b"data", suffix=".txt")
    assert base != diskcache.cache_path("kind", b"v1", b"data!", suffix=".txt")
    assert base != diskcache.cache_path("kind", b"v2", b"data", suffix=".txt")
    assert base != diskcache.cache_path("kind", b"v1d", b"ata", suffix=".txt")


def test_lexicon_is_cached_and_read_back(fresh_lexicon):
    expected = computed_word_sets()
    first = lexicon.load()
    assert sets_of(first) == expected
    [cached] = fresh_lexicon.glob("lexicon-*.marshal")
    lexicon.load.cache_clear()
    second = lexicon.load()
    assert "linked" in vars(second)  # read from the file, not counted again
    assert sets_of(second) == expected
    assert list(second.words()) == list(first.words()) and list(second.bigrams()) == list(first.bigrams())
    assert [cached] == list(fresh_lexicon.glob("lexicon-*.marshal"))


def test_damaged_lexicon_cache_is_rebuilt(fresh_lexicon):
    expected = computed_word_sets()
    lexicon.load()
    [cached] = fresh_lexicon.glob("lexicon-*.marshal")
    data = cached.read_bytes()
    damaged = data.replace(b"the", b"teh", 1)  # a changed word
    assert damaged != data
    cached.write_bytes(damaged)
    lexicon.load.cache_clear()
    lex = lexicon.load()
    assert sets_of(lex) == expected
    assert lex.zipf("the") > 7.0
    words, bigrams, word_sets = diskcache.read_tables(cached)  # written again
    assert words == dict(lex.words()) and word_sets == list(expected)


def test_unwritable_cache_folder_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    lexicon.load.cache_clear()
    try:
        lex = lexicon.load()
        assert sets_of(lex) == computed_word_sets()
    finally:
        lexicon.load.cache_clear()
