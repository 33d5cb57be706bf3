"""What the benchmark measures: strategies alone, chains of them, the default pipeline, and peers.

A :class:`Candidate` is a named sequence of steps; each step is a registered
strategy or a peer. The default selection is every registered strategy alone,
each cumulative prefix of the default pipeline (``dedup+layout``), the default
pipeline itself, and every installed peer.

>>> [c.name for c in resolve(["dedup", "dedup+layout"])]
['dedup', 'dedup+layout']
>>> resolve(["nonsense"])  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ocrfix.errors.OcrfixError: unknown strategy 'nonsense'; known: ...
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ocrfix import strategies as registry
from ocrfix.bench import peers
from ocrfix.errors import OcrfixError
from ocrfix.pipeline import Strategy

PIPELINE = "pipeline"
CHAIN = "+"


@dataclass(frozen=True)
class Candidate:
    """A named correction to measure: its steps run in order, each on the previous step's output.

    ``kind`` is "strategy" (one of ours alone), "chain" (ours in sequence),
    "pipeline" (the default pipeline) or "peer" (an off-the-shelf tool).
    """

    name: str
    kind: str
    steps: tuple[str, ...]
    sampled: bool = False  # scored on a fixed sample of each subset only (slow peers)

    @property
    def label(self) -> str:
        """The name as tables show it: peers are marked, and so is a sample."""
        marks = (["peer"] if self.kind == "peer" else []) + (["sample"] if self.sampled else [])
        return f"{self.name} [{', '.join(marks)}]" if marks else self.name

    @property
    def sample_chars(self) -> int | None:
        """For a peer too slow for a whole corpus: the characters of OCR per subset it runs on."""
        return peers.PEERS[self.name][0].sample_chars if self.kind == "peer" else None


def default_selection() -> list[str]:
    """Every registered strategy, the default pipeline's prefixes and itself, and the installed peers."""
    pipeline = registry.DEFAULT_PIPELINE
    prefixes = [CHAIN.join(pipeline[:length]) for length in range(2, len(pipeline))]
    return registry.names() + prefixes + ([PIPELINE] if pipeline else []) + [
        name for name in peers.names() if peers.available(name)
    ]


def resolve(selection: Iterable[str] | None = None) -> list[Candidate]:
    """Candidates for names such as ``dedup``, ``dedup+layout``, ``pipeline``, ``symspell.lookup``.

    Raises OcrfixError for an unknown name or a peer whose package is missing.
    """
    known = set(registry.names())
    candidates: list[Candidate] = []
    for name in default_selection() if selection is None else selection:
        name = name.strip()
        if not name or name in {c.name for c in candidates}:
            continue
        if name == PIPELINE:
            steps = tuple(registry.DEFAULT_PIPELINE)
            if not steps:
                raise OcrfixError("the default pipeline is empty: no built-in strategy is registered")
            candidates.append(Candidate(name, "pipeline", steps))
        elif name in peers.PEERS:
            if not peers.available(name):
                raise OcrfixError(f"peer {name!r} needs the 'peers' extra: pip install 'ocrfix[peers]'")
            candidates.append(Candidate(name, "peer", (name,)))
        else:
            steps = tuple(step.strip() for step in name.split(CHAIN))
            unknown = [step for step in steps if step not in known]
            if unknown:
                choices = sorted(known) + [PIPELINE] + peers.names()
                raise OcrfixError(f"unknown strategy {unknown[0]!r}; known: {', '.join(choices)} "
                                  f"(chain ours with '+', e.g. dedup+layout)")
            candidates.append(Candidate(CHAIN.join(steps), "strategy" if len(steps) == 1 else "chain", steps))
    if not candidates:
        raise OcrfixError("no strategies to benchmark")
    return candidates


def trainable(name: str) -> bool:
    """Whether the registered strategy ``name`` learns from (OCR, ground truth) pairs via ``fit``."""
    return name in registry.names() and callable(getattr(registry.strategy_class(name), "fit", None))


WARM_UP = "Tbe governmnet will exlude it.\nLondon SWIA 2AH\n\fPage 2\nAn exam-\nple of the text."


def instantiate(steps: Iterable[str], pairs: list[tuple[str, str]] | None) -> dict[str, Strategy]:
    """One instance per step, warmed up (lazy data loaded) so that timings measure correction only.

    Trainable strategies are fitted on ``pairs`` when there are any.
    """
    instances: dict[str, Strategy] = {}
    for step in steps:
        if step in instances:
            continue
        if step in peers.PEERS:
            instances[step] = peers.get(step)
        elif pairs and trainable(step):
            instances[step] = registry.get(step).fit(pairs)
        else:
            instances[step] = registry.get(step)
        instances[step].propose(WARM_UP)
    return instances
