"""Correction strategies composed into a pipeline, every edit kept with its provenance.

A :class:`Strategy` looks at the text and proposes :class:`Edit` s (a span, a
replacement, its name, a reason a person can read, a confidence). A
:class:`Pipeline` runs strategies in order, each on the text as the previous
ones left it, and maps every edit back to offsets (code points) of the
ORIGINAL input, so a user can see where each change came from and undo it.

>>> result = Pipeline(["dedup"]).run("It has been been been a year.")
>>> result.text
'It has been a year.'
>>> edit = result.edits[0]
>>> (edit.start, edit.end, edit.original, edit.replacement, edit.strategy)
(11, 21, ' been been', '', 'dedup')
>>> correct("It has been been been a year.", strategies=[])
'It has been been been a year.'
"""
from __future__ import annotations

import bisect
import warnings
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, Protocol, Union

from ocrfix.jobs import workers
from ocrfix.lineends import NewlineView


@dataclass(frozen=True)
class Edit:
    """Replace ``original`` (code points ``start:end``) by ``replacement``.

    Offsets are into the text the strategy saw in :meth:`Strategy.propose`; in
    :attr:`Result.edits` they are mapped to the pipeline's original input.
    ``original`` is always the text the strategy replaced, as it saw it.
    """

    start: int
    end: int
    replacement: str
    strategy: str
    reason: str
    confidence: float
    original: str

    def __init__(self, start: int, end: int, replacement: str, strategy: str, reason: str, confidence: float,
                 original: str) -> None:
        # The __init__ that dataclass writes for a frozen class sets each field through object.__setattr__,
        # Python's slow generic call path: 7 of them made an edit cost ~10,000 instructions (a tenth of
        # layout's time: it makes 15,000 edits a megabyte). One update of the instance's dict does the same.
        self.__dict__.update(start=start, end=end, replacement=replacement, strategy=strategy, reason=reason,
                             confidence=confidence, original=original)


_new_object = object.__new__


class Strategy:
    """Base class of every correction strategy.

    A subclass sets ``name``, takes keyword options with defaults in its
    constructor, and implements :meth:`propose`. It changes nothing it has no
    evidence against. Register it with :func:`ocrfix.strategies.register`.

    >>> class Shout(Strategy):
    ...     name = "shout"
    ...     def propose(self, text):
    ...         return [self.edit(text, 0, len(text), text.upper(), reason="demo", confidence=1.0)]
    >>> Pipeline([Shout()]).run("hi").text
    'HI'
    """

    name: ClassVar[str]

    def propose(self, text: str) -> list[Edit]:
        """Edits into ``text`` (pages separated by ``"\\f"``), sorted and non-overlapping."""
        raise NotImplementedError

    def edit(self, text: str, start: int, end: int, replacement: str, *, reason: str, confidence: float) -> Edit:
        """An :class:`Edit` of ``text[start:end]`` made by this strategy."""
        # filled in here as Edit.__init__ fills it, without that second Python call (~800 instructions of an edit's
        # ~7,000: layout makes 15,000 edits a megabyte)
        edit = _new_object(Edit)
        edit.__dict__.update(start=start, end=end, replacement=replacement, strategy=self.name, reason=reason,
                             confidence=float(confidence), original=text[start:end])
        return edit

    def __repr__(self) -> str:
        options = ", ".join(f"{key}={value!r}" for key, value in vars(self).items() if not key.startswith("_"))
        return f"{type(self).__name__}({options})"


class _HasText(Protocol):
    def text(self) -> str: ...


StrategyLike = Union[str, Strategy]


@dataclass
class Result:
    """What a pipeline run produced.

    ``edits`` are sorted by their start in ``original``; an edit a later
    strategy made inside text an earlier one inserted spans that whole
    insertion's original span.

    >>> result = Pipeline(["dedup"]).run("it has been been been a year")
    >>> result.text, result.changed, [(e.start, e.end, e.replacement) for e in result.edits]
    ('it has been a year', True, [(11, 21, '')])
    >>> print(result.explain())
    1 edit by dedup
    line 1, col 12 [11:21] dedup: " been been" → "" (the token "been" repeated 3 times; kept the first) confidence 0.95
    """

    text: str
    original: str
    edits: list[Edit] = field(default_factory=list)
    strategies: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the text differs from the original (edits can cancel out: check this, not ``edits``)."""
        return self.text != self.original

    def location(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1, of a code-point offset in ``original``; pages count as line breaks, and
        so do ``\\r\\n`` and a lone ``\\r``."""
        starts = self._line_starts()
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def _line_starts(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None:
            original = self.original
            cached = [0] + [i + 1 for i, char in enumerate(original)
                            if char in "\n\f" or (char == "\r" and original[i + 1:i + 2] != "\n")]
            self.__dict__["_starts"] = cached
        return cached

    def to_dict(self) -> dict[str, Any]:
        """The ``--edits`` JSON: the edits with their places in the original input (schema in README)."""
        edits = []
        for edit in self.edits:
            line, column = self.location(edit.start)
            edits.append({**asdict(edit), "line": line, "column": column})
        return {
            "format": "ocrfix-edits/1",
            "strategies": list(self.strategies),
            "original_length": len(self.original),
            "corrected_length": len(self.text),
            "edits": edits,
        }

    def explain(self, *, width: int = 60) -> str:
        """A readable account: per edit the strategy, where, "before" → "after", why and how sure.

        >>> print(Pipeline(["dedup"]).run("so so so it goes").explain())
        1 edit by dedup
        line 1, col 3 [2:8] dedup: " so so" → "" (the token "so" repeated 3 times; kept the first) confidence 0.95
        """
        if not self.edits:
            return f"no edits (strategies: {', '.join(self.strategies) or 'none'})"
        counts = {name: 0 for name in self.strategies}
        for edit in self.edits:
            counts[edit.strategy] = counts.get(edit.strategy, 0) + 1
        header = ", ".join(f"{n} edit{'s' if n != 1 else ''} by {name}" for name, n in counts.items() if n)
        lines = [header]
        for edit in self.edits:
            line, column = self.location(edit.start)
            lines.append(
                f"line {line}, col {column} [{edit.start}:{edit.end}] {edit.strategy}: "
                f"{_quote(edit.original, width)} → {_quote(edit.replacement, width)} "
                f"({edit.reason}) confidence {edit.confidence:.2f}"
            )
        return "\n".join(lines)


def _quote(text: str, width: int) -> str:
    shown = text.replace("\f", "\\f").replace("\n", "\\n")
    if len(shown) > width:
        half = width // 2 - 2
        shown = f"{shown[:half]} … {shown[-half:]} ({len(text)} chars)"
    return f'"{shown}"'


class _OffsetMap:
    """Maps offsets of the current text back to the original input.

    The current text is a sequence of segments; a segment is either copied
    from ``original[src:src + length]`` or was inserted by an edit that
    replaced ``original[src:src_end]``. Applying a stage's edits is one merge
    over the segments, linear in their number plus the edits'.
    """

    __slots__ = ("starts", "segments")

    def __init__(self, length: int) -> None:
        # segment: (current start, current end, original start, original end, copied?)
        self.segments: list[tuple[int, int, int, int, bool]] = [(0, length, 0, length, True)] if length else []
        self.starts = [0] if length else []

    @property
    def identity(self) -> bool:
        """No edit applied yet: the current text is the original."""
        return not self.segments or (len(self.segments) == 1 and self.segments[0][2] == 0 and self.segments[0][4])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that the current span ``start:end`` came from."""
        if not self.segments:
            return 0, 0
        if end > start:
            index = bisect.bisect_right(self.starts, start) - 1
            cur_start, cur_end, src, _, copied = self.segments[index]
            if copied and end <= cur_end:   # the common case: inside one copied segment
                return src + start - cur_start, src + end - cur_start
            return self._point(start, left=True), self._point(end, left=False)
        index = bisect.bisect_right(self.starts, start) - 1
        cur_start, cur_end, src, src_end, copied = self.segments[max(0, index)]
        if not copied and cur_start < start < cur_end:  # an insertion inside inserted text
            return src, src_end
        point = self._point(start, left=True)
        return point, point

    def _point(self, offset: int, *, left: bool) -> int:
        # left: the position where a span starting at `offset` begins; else where one ending there ends
        index = bisect.bisect_right(self.starts, offset) - 1 if left else bisect.bisect_left(self.starts, offset) - 1
        index = max(0, min(index, len(self.segments) - 1))
        cur_start, cur_end, src, src_end, copied = self.segments[index]
        if copied:
            return src + max(0, min(offset, cur_end) - cur_start)
        if left:
            return src if offset < cur_end or cur_end == cur_start else src_end
        return src_end

    def apply(self, edits: Sequence[Edit], mapped: Sequence[tuple[int, int]]) -> None:
        """Rebuild the segments after ``edits`` (sorted, into the current text) were applied."""
        new: list[tuple[int, int, int, int, bool]] = []
        position = 0  # in the new text
        cursor = 0  # in the current text
        segments = iter(self.segments)
        pending = next(segments, None)

        def copy_until(limit: int) -> None:
            # copy current text [cursor, limit) into the new text, splitting segments as needed
            nonlocal position, cursor, pending
            while pending is not None and cursor < limit:
                cur_start, cur_end, src, src_end, copied = pending
                if cur_end <= cursor:
                    pending = next(segments, None)
                    continue
                take_end = min(cur_end, limit)
                length = take_end - cursor
                if copied:
                    piece = (position, position + length, src + cursor - cur_start, src + take_end - cur_start, True)
                else:
                    piece = (position, position + length, src, src_end, False)
                new.append(piece)
                position += length
                cursor = take_end

        for edit, (src, src_end) in zip(edits, mapped):
            copy_until(edit.start)
            cursor = edit.end
            if edit.replacement:
                new.append((position, position + len(edit.replacement), src, src_end, False))
                position += len(edit.replacement)
        copy_until(self.segments[-1][1] if self.segments else 0)  # the rest of the current text
        self.segments = new
        self.starts = [segment[0] for segment in new]


class MalformedEditWarning(UserWarning):
    """A strategy proposed an edit out of order, overlapping another, out of range or not matching the text:
    a bug in the strategy. The pipeline leaves that edit out and goes on, so one bad proposal costs one edit,
    not the document (the test suite turns this warning into an error)."""


def _check(strategy: Strategy, text: str, edits: Sequence[Edit]) -> list[Edit]:
    """The edits that change something; a malformed one is left out with a :class:`MalformedEditWarning`."""
    kept: list[Edit] = []
    previous_end = 0
    length = len(text)
    for edit in edits:
        start, end, original = edit.start, edit.end, edit.original   # each read once: layout makes 15,000 a megabyte
        if not (previous_end <= start <= end <= length):
            problem = f"out of order, overlapping or out of range (text length {length})"
        elif text[start:end] != original:
            problem = "not matching the text it claims to replace"
        else:
            previous_end = end
            if edit.replacement != original:
                kept.append(edit)
            continue
        warnings.warn(f"strategy {strategy.name!r} proposed an edit at {edit.start}:{edit.end} {problem}; "
                      "left out", MalformedEditWarning, stacklevel=3)
    return kept


def _proposals(strategy: Strategy, text: str) -> list[Edit]:
    """The strategy's checked edits of ``text``; a text with ``\\r`` line ends is shown to it with ``\\n`` ones."""
    if "\r" not in text:
        return _check(strategy, text, strategy.propose(text))
    view = NewlineView(text)
    return view.carry_back(_check(strategy, view.text, strategy.propose(view.text)))


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with the non-overlapping ``edits`` (sorted by start) applied.

    >>> apply_edits("idle,and home.Nobody", [Edit(4, 5, ", ", "", "", 1.0, ","), Edit(13, 14, ". ", "", "", 1.0, ".")])
    'idle, and home. Nobody'
    """
    parts: list[str] = []
    cursor = 0
    for edit in edits:
        parts.append(text[cursor:edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def _resolve(strategies: Iterable[StrategyLike] | None) -> list[Strategy]:
    from ocrfix import strategies as registry

    if strategies is None:
        strategies = registry.DEFAULT_PIPELINE
    elif isinstance(strategies, (str, Strategy)):
        raise TypeError("strategies must be a list of names or Strategy objects, e.g. ['dedup']")
    resolved: list[Strategy] = []
    for item in strategies:
        if isinstance(item, Strategy):
            resolved.append(item)
        elif isinstance(item, str):
            resolved.append(registry.get(item))
        else:
            raise TypeError(f"a pipeline step must be a strategy name or a Strategy object, not {type(item).__name__}")
    return resolved


class Pipeline:
    """Strategies run in order; ``None`` is the default pipeline (dedup → layout → dictionary, as registered).

    >>> from ocrfix.strategies.dedup import Dedup
    >>> Pipeline(["dedup"]).strategies
    [Dedup(min_repeats=3, max_period=16, max_token_period=40, similarity=0.9, entry_similarity=0.85, echo_min_chars=80, symbol_run=8, low_info_chars=200)]
    >>> Pipeline([Dedup(min_repeats=4)]).run("no no no").text
    'no no no'
    >>> Pipeline(["nonsense"])
    Traceback (most recent call last):
    ...
    ValueError: unknown strategy 'nonsense'; known strategies: ...
    """

    def __init__(self, strategies: Iterable[StrategyLike] | None = None) -> None:
        self.strategies: list[Strategy] = _resolve(strategies)

    @property
    def names(self) -> list[str]:
        """The strategies' names, in the order they run."""
        return [strategy.name for strategy in self.strategies]

    def __repr__(self) -> str:
        return f"Pipeline({self.strategies!r})"

    def run(self, source: str | _HasText) -> Result:
        """Correct a text, or a reader Document (its ``.text()``: pages joined by "\\f")."""
        original = source if isinstance(source, str) else source.text()
        if not isinstance(original, str):
            raise TypeError(f"Pipeline.run needs a str or a Document, not {type(source).__name__}")
        text = original
        offsets = _OffsetMap(len(original))
        edits: list[Edit] = []
        last = len(self.strategies) - 1
        stages_with_edits = 0
        for stage, strategy in enumerate(self.strategies):
            proposed = _proposals(strategy, text)
            if not proposed:
                continue
            stages_with_edits += 1
            if offsets.identity:   # nothing changed yet: offsets into the text are offsets into the original
                if stage < last:
                    mapped = [(edit.start, edit.end) for edit in proposed]
                edits.extend(proposed)
            else:
                mapped = [offsets.span(edit.start, edit.end) for edit in proposed]
                edits.extend(
                    Edit(start, end, edit.replacement, edit.strategy, edit.reason, edit.confidence, edit.original)
                    for edit, (start, end) in zip(proposed, mapped)
                )
            if stage < last:   # no later strategy maps offsets through this stage's edits
                offsets.apply(proposed, mapped)
            text = apply_edits(text, proposed)
        if stages_with_edits > 1:   # one stage's checked edits are in order already
            edits.sort(key=lambda edit: (edit.start, edit.end))  # stable: same span keeps pipeline order
        return Result(text=text, original=original, edits=edits, strategies=self.names)

    __call__ = run

    def pipe(self, sources: Iterable[str | _HasText], *, jobs: int = 1, chunksize: int = 4) -> Iterator[Result]:
        """Results for many texts, in order; ``jobs`` > 1 runs them in that many processes (0 = all cores)."""
        jobs = workers(jobs)
        if jobs == 1:
            for source in sources:
                yield self.run(source)
            return
        # The pipeline goes to each worker once (strategies may hold big models), not with every text.
        with ProcessPoolExecutor(max_workers=jobs, initializer=start_worker, initargs=(self,)) as executor:
            yield from executor.map(_run_in_worker, sources, chunksize=chunksize)


_WORKER: Pipeline | None = None


def start_worker(pipeline: Pipeline) -> None:
    """A worker process's initializer: the pipeline it runs, sent once (strategies may hold big models)."""
    global _WORKER
    _WORKER = pipeline


def worker_pipeline() -> Pipeline:
    """The pipeline :func:`start_worker` gave this worker process."""
    assert _WORKER is not None
    return _WORKER


def _run_in_worker(source: str | _HasText) -> Result:
    return worker_pipeline().run(source)


@lru_cache(maxsize=16)
def _named_pipeline(names: tuple[str, ...] | None) -> Pipeline:
    return Pipeline(None if names is None else list(names))


def correct(text: str, strategies: Sequence[StrategyLike] | None = None) -> str:
    """The corrected text. ``None`` runs the default pipeline; ``[]`` changes nothing.

    >>> correct("It had been been been a year.", strategies=["dedup"])
    'It had been a year.'
    """
    if not isinstance(text, str):
        raise TypeError(f"correct() needs a str, not {type(text).__name__}")
    if strategies is None or (not isinstance(strategies, (str, Strategy)) and all(isinstance(s, str) for s in strategies)):
        pipeline = _named_pipeline(None if strategies is None else tuple(strategies))
    else:
        pipeline = Pipeline(strategies)
    return pipeline.run(text).text


__all__ = ["Edit", "Pipeline", "Result", "Strategy", "correct"]
