"""``ocrfix train``: learn an OCR error model from OCR / ground-truth pairs."""
from __future__ import annotations

import argparse
import json
import textwrap

HELP = "learn an OCR error model (for the dictionary strategy) from OCR/ground-truth pairs"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "train", help=HELP,
        description=textwrap.fill("Align every document's OCR with its ground truth and count the engine's confusions "
                    "(single and multi-character: rn for m, cl for d, 1 for l, lost and added spaces) into an "
                    "error model file for the dictionary strategy (ocrfix fix --model PATH; "
                    "Dictionary(model=PATH) in Python). The OCR is first passed through the strategies that run "
                    "before the dictionary in the default pipeline, so the model learns the errors the dictionary "
                    "will actually see.", 79),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  ocrfix train --corpus my_pairs/ -o model.json      # NAME.txt + NAME.gt.txt pairs\n"
               "  ocrfix fix scans/ -o fixed/ --model model.json")
    parser.add_argument("--corpus", metavar="PATH",
                        help="corpus folder with manifest.json, or a folder of NAME.gt.txt + NAME.txt pairs "
                             "(default: the repository's corpus/)")
    parser.add_argument("--subset", action="append", metavar="NAME",
                        help="train only on documents of this subset (repeatable)")
    parser.add_argument("--before", metavar="NAMES",
                        help="comma-separated strategies to run on the OCR first; '' for none "
                             "(default: those before 'dictionary' in the default pipeline)")
    parser.add_argument("--no-prior", dest="prior", action="store_false",
                        help="leave out the built-in prior of well-known OCR confusions (long s as f, li for h, "
                             "rn for m, ...): the model then knows only what the pairs show")
    parser.add_argument("-o", "--output", required=True, metavar="MODEL", help="model file to write (JSON)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="summary format")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ocrfix import corpus
    from ocrfix.errormodel import train_for_dictionary
    from ocrfix.io import check_writable, refuse_inputs

    documents = corpus.load(args.corpus, subsets=args.subset)
    refuse_inputs(args.output, corpus.input_files(args.corpus, documents))  # before the training, not after
    check_writable(args.output)
    before = _before(args.before)
    model = train_for_dictionary([(doc.ocr, doc.gt) for doc in documents], before=before, prior=args.prior,
                                 progress=None)
    model.save(args.output)
    summary = {"output": args.output, "documents": len(documents), "characters": model.characters,
               "edits": model.edits, "confusions": len(model.confusions), "before": before, "prior": model.prior,
               "top": [{"intended": a, "observed": b, "count": c} for a, b, c in model.top(15)]}
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"{args.output}: {len(model.confusions)} confusions from {model.edits} edit runs in "
              f"{model.characters} characters of {len(documents)} documents (OCR passed through: "
              f"{', '.join(before) or 'nothing'}; prior of known confusions: {'on' if model.prior else 'off'})")
        print("commonest: " + ", ".join(f"{a!r}→{b!r} {c}" for a, b, c in model.top(15)))
    return 0


def _before(value: str | None) -> list[str]:
    """The strategy names of ``--before``, checked (default: those before the dictionary in the default pipeline)."""
    from ocrfix import strategies
    from ocrfix.errors import OcrfixError

    if value is None:
        return strategies.before("dictionary")
    names = [name.strip() for name in value.split(",") if name.strip()]
    for name in names:
        try:
            strategies.strategy_class(name)
        except ValueError as error:
            raise OcrfixError(str(error), "--before") from None
    return names
