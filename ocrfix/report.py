"""An HTML page that shows a hypothesis aligned with its reference, side by side.

The figures come first (CER, WER, the edit counts, the top confusions and the
accuracy per character class), then the two normalised texts in aligned rows
of about 100 characters, errors highlighted: substituted text in both columns,
deleted reference text on the left, inserted hypothesis text on the right, and
``[illegible]`` gaps with the text they absorbed.

The page stays light for long documents: equal text is plain text nodes, only
edits get an element, there is no script, and rows off screen are not laid out
(``content-visibility``), so a 400 KB document opens in a browser in seconds.

A folder of pairs gets a report in several files (:func:`write_folder_report`):
an index with the totals and a row per document, worst first, each name linking
to that document's page, which looks like the report of a single pair.

>>> page = html_report("The cat sat.", "The cot sat!")
>>> '<span class="s">a</span>' in page, '<span class="s">o</span>' in page, "CER" in page
(True, True, True)
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from html import escape
from pathlib import Path
from urllib.parse import quote

from ocrfix.analysis import Analysis, analyze
from ocrfix.errors import OcrfixError
from ocrfix.metrics import Aggregate, Score, aggregate
from ocrfix.profiles import normalize

ROW_CHARACTERS = 100
PathLike = str | os.PathLike[str]

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}h2{font-size:1.05em;margin-top:1.5em}
table.figures td,table.figures th{padding:.15em .8em;text-align:right}
table.figures th{text-align:left;font-weight:600}
.cols{display:flex;gap:2em;flex-wrap:wrap}
table.align{border-collapse:collapse;width:100%;font:13px/1.5 ui-monospace,monospace}
table.align th{position:sticky;top:0;background:#fff;text-align:left;border-bottom:1px solid #999}
table.align td{vertical-align:top;padding:.1em .6em;width:50%;white-space:pre-wrap;word-break:break-word;
border-bottom:1px solid #eee}
tbody{content-visibility:auto;contain-intrinsic-size:auto 2000px}
.s{background:#fcd581}.d{background:#f4a6a6;text-decoration:line-through}.i{background:#a8dcf0}
.g{background:#ddd;color:#555}.g::before{content:"\\2039"}.g::after{content:"\\203a"}
.legend span{padding:0 .4em;margin-right:.6em}
"""


def _figures(analysis: Analysis) -> str:
    score = analysis.score
    rows = [
        ("profile", score.profile), ("CER", f"{score.cer:.4f}"), ("WER", f"{score.wer:.4f}"),
        ("edits", f"{score.distance:,}"), ("substitutions", f"{score.substitutions:,}"),
        ("deletions", f"{score.deletions:,}"), ("insertions", f"{score.insertions:,}"),
        ("reference characters", f"{score.reference_length:,}"),
        ("hypothesis characters", f"{score.hypothesis_length:,}"),
        ("word edits", f"{score.word_distance:,}"), ("reference words", f"{score.reference_words:,}"),
        ("characters absorbed by [illegible]", f"{score.gap_chars:,}"),
    ]
    parts = ['<div class="cols"><table class="figures">']
    parts += [f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows]
    parts.append("</table>")
    parts.append('<table class="figures"><tr><th>class</th><td>correct</td><td>total</td><td>accuracy</td></tr>')
    parts += [f"<tr><th>{name}</th><td>{c.correct:,}</td><td>{c.total:,}</td><td>{100 * c.accuracy:.2f}%</td></tr>"
              for name, c in analysis.classes.items()]
    parts.append(f"<tr><th>words</th><td>{analysis.words_correct:,}</td><td>{analysis.words:,}</td>"
                 f"<td>{100 * analysis.word_accuracy:.2f}%</td></tr></table>")
    parts.append('<table class="figures"><tr><th>confusion</th><td>count</td></tr>')
    parts += [f"<tr><th><span class=\"d\">{_visible(c.reference)}</span> → <span class=\"i\">"
              f"{_visible(c.hypothesis)}</span></th><td>{c.count:,}</td></tr>" for c in analysis.confusions[:15]]
    parts.append("</table>")
    parts.append("</div>")
    return "".join(parts)


def _visible(text: str) -> str:
    """Confusion text with its spaces shown (␣) and nothing shown as ∅."""
    return escape(text.replace(" ", "␣")) if text else "∅"


def _rows(score: Score, reference: str, hypothesis: str) -> list[tuple[str, str]]:
    """The alignment cut into side-by-side rows at spaces in equal text."""
    rows: list[tuple[str, str]] = []
    left: list[str] = []
    right: list[str] = []
    width = 0

    def end_row() -> None:
        nonlocal width
        rows.append(("".join(left), "".join(right)))
        left.clear()
        right.clear()
        width = 0

    for op in score.alignment:
        ref, hyp = reference[op.ref_start:op.ref_end], hypothesis[op.hyp_start:op.hyp_end]
        if op.tag == "equal":
            start = 0
            while width + len(ref) - start > ROW_CHARACTERS:
                cut = ref.find(" ", start + max(0, ROW_CHARACTERS - width))
                if cut < 0:
                    break
                piece = escape(ref[start:cut + 1])
                left.append(piece)
                right.append(piece)
                end_row()
                start = cut + 1
            piece = escape(ref[start:])
            left.append(piece)
            right.append(piece)
            width += len(ref) - start
            continue
        width += max(len(ref), len(hyp))
        if op.tag == "replace":
            left.append(f'<span class="s">{escape(ref)}</span>')
            right.append(f'<span class="s">{escape(hyp)}</span>')
        elif op.tag == "delete":
            left.append(f'<span class="d">{escape(ref)}</span>')
        elif op.tag == "insert":
            right.append(f'<span class="i">{escape(hyp)}</span>')
        else:
            left.append(f'<span class="g">{escape(ref)}</span>')
            right.append(f'<span class="g">{escape(hyp)}</span>')
    if left or right:
        end_row()
    return rows


def html_report(reference: str, hypothesis: str, profile: str = "default", *,
                title: str = "OCR evaluation", reference_name: str = "reference",
                hypothesis_name: str = "hypothesis", **options: int) -> str:
    """The aligned report of one pair as a self-contained HTML page."""
    return _document_page(analyze(reference, hypothesis, profile, **options), reference, hypothesis, title=title,
                          reference_name=reference_name, hypothesis_name=hypothesis_name)


def _document_page(analysis: Analysis, reference: str, hypothesis: str, *, title: str, reference_name: str,
                   hypothesis_name: str, index_href: str | None = None) -> str:
    """The page of :func:`html_report` from its analysis; ``index_href`` adds a link back to a folder's index."""
    profile = analysis.score.profile
    rows = _rows(analysis.score, normalize(reference, profile), normalize(hypothesis, profile))
    body = [f'<p><a href="{escape(index_href)}">← all documents</a></p>' if index_href else "",
            f"<h1>{escape(title)}</h1>", _figures(analysis),
            '<h2>Aligned text</h2><p class="legend"><span class="s">substituted</span>'
            '<span class="d">deleted</span><span class="i">inserted</span>'
            '<span class="g">[illegible] and what it absorbed</span></p>',
            f'<table class="align"><thead><tr><th>{escape(reference_name)}</th>'
            f"<th>{escape(hypothesis_name)}</th></tr></thead>"]
    for start in range(0, len(rows), 50):  # tbody groups let the browser skip rows off screen
        body.append("<tbody>")
        body += [f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows[start:start + 50]]
        body.append("</tbody>")
    body.append("</table>")
    return _page(title, "".join(body))


def html_summary(names: list[str], scores: list[Score], total: Aggregate, *, title: str = "OCR evaluation",
                 links: list[str] | None = None) -> str:
    """A page with the micro/macro totals, then a row per document, worst (highest CER) first.

    ``links`` (one address per name) makes each name a link to its document's page.

    >>> from ocrfix.metrics import score
    >>> scores = [score("the cat", "the cat"), score("the cat", "the cot")]
    >>> page = html_summary(["good", "bad"], scores, aggregate(scores), links=["g.html", "b.html"])
    >>> page.index('href="b.html"') < page.index('href="g.html"')
    True
    """
    links = links or [""] * len(names)
    order = sorted(range(len(names)), key=lambda i: (-scores[i].cer, -scores[i].wer, names[i]))
    head = ("<tr><th>document</th><td>CER</td><td>WER</td><td>edits</td><td>characters</td><td>word edits</td>"
            "<td>words</td></tr>")
    rows = [f"<tr><th>micro ({total.documents} documents)</th><td>{total.micro_cer:.4f}</td>"
            f"<td>{total.micro_wer:.4f}</td><td>{total.distance:,}</td><td>{total.reference_length:,}</td>"
            f"<td>{total.word_distance:,}</td><td>{total.reference_words:,}</td></tr>",
            f"<tr><th>macro</th><td>{total.macro_cer:.4f}</td><td>{total.macro_wer:.4f}</td></tr>",
            '<tr><th colspan="7">documents, worst first</th></tr>']
    for i in order:
        s, name = scores[i], escape(names[i])
        cell = f'<a href="{escape(links[i])}">{name}</a>' if links[i] else name
        rows.append(f"<tr><th>{cell}</th><td>{s.cer:.4f}</td><td>{s.wer:.4f}</td><td>{s.distance:,}</td>"
                    f"<td>{s.reference_length:,}</td><td>{s.word_distance:,}</td><td>{s.reference_words:,}</td></tr>")
    return _page(title, f"<h1>{escape(title)}</h1><table class=\"figures\">{head}{''.join(rows)}</table>")


def write_folder_report(output: PathLike, pairs: Sequence[tuple[str, PathLike, PathLike]],
                        profile: str = "default", *, title: str = "OCR evaluation",
                        progress: bool | None = None, **options: int) -> Aggregate:
    """Write the HTML report of ``(name, gt_path, hyp_path)`` pairs: ``output`` and a page per document.

    ``output`` (say ``report.html``) is the index of :func:`html_summary`; the
    page of document NAME, with the same figures and aligned texts as
    :func:`html_report` and a link back, goes to ``report_files/NAME.html``
    beside it (the layout of a browser's "save page, complete"). One file per
    document keeps every file as light as a single pair's report: the index of
    1,000 documents is a table of 1,000 rows, and a 400 KB document costs only
    its own page, where one self-contained file would make the browser parse
    every document to show any (and a folder of long documents would not open
    at all). Each document is read, analysed once and written before the next
    one, so memory holds one document at a time.

    Every file is written atomically and never over one of the inputs. The
    index comes last, so it never links to a page that is missing; after an
    error (a file that is not UTF-8, say), pages written so far stay, and an
    older index, if any, is left as it was. ``progress`` shows a bar (None: only
    on a terminal; see :mod:`ocrfix.progress`). Returns the totals.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.gt.txt").write_text("the cat"), (folder / "a.txt").write_text("the cot")
    >>> write_folder_report(folder / "report.html", [("a", folder / "a.gt.txt", folder / "a.txt")]).distance
    1
    >>> sorted(p.name for p in (folder / "report_files").iterdir())
    ['a.html']
    """
    from ocrfix.io import check_writable, read_text, refuse_inputs, write_text_atomic
    from ocrfix.progress import progress_bar

    index = Path(output)
    pages = index.with_name(f"{index.stem}_files")
    inputs = tuple(path for _, gt, hyp in pairs for path in (gt, hyp))
    if index.is_dir():  # checked before any page is written, like the inputs
        raise OcrfixError("is a folder; name the index file, e.g. report.html", index)
    refuse_inputs(index, inputs)
    check_writable(index)
    names, scores, links = [], [], []
    for name, gt, hyp in progress_bar(pairs, progress=progress, desc="report", unit="doc", leave=False):
        reference, hypothesis = read_text(gt), read_text(hyp)
        analysis = analyze(reference, hypothesis, profile, **options)
        page = _document_page(analysis, reference, hypothesis, title=f"{Path(hyp).name} against {Path(gt).name}",
                              reference_name=os.fspath(gt), hypothesis_name=os.fspath(hyp),
                              index_href=quote(f"../{index.name}"))
        write_text_atomic(pages / f"{name}.html", page, inputs=inputs)
        names.append(name)
        scores.append(replace(analysis.score, alignment=None))  # the alignment is no longer needed
        links.append(quote(f"{pages.name}/{name}.html"))
    total = aggregate(scores)
    write_text_atomic(index, html_summary(names, scores, total, title=title, links=links), inputs=inputs)
    return total


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body>{body}</body></html>\n")
