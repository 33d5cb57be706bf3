"""Make a fixed ~1 MB of clean unseen text from this machine's documentation, once: OUT/docs/NNN-KIND.txt + OUT/SOURCES.tsv.

usage: python benchmarks/heldout/make_clean.py OUT   (run once; clean.py reads the saved files, so every run of a
comparison sees the same text; another machine's man pages and packages give another text)
~1 MB: man pages (man --nh --nj, 80 columns), /usr/share/doc READMEs and changelogs, Python package docs
(.rst/.txt in the venv's site-packages and /root/.pyenv), and prose fortunes the held-out sets do not use.
"""
import gzip, hashlib, os, re, subprocess, sys
from pathlib import Path

if len(sys.argv) != 2:
    sys.exit(__doc__)
OUT = Path(sys.argv[1]) / "docs"
OUT.mkdir(parents=True, exist_ok=True)
seen, rows, n = set(), [], 0
CAP = 30000


def prose_like(text):
    if len(text) < 1500: return False
    letters = sum(c.isalpha() or c.isspace() for c in text)
    return letters / len(text) > 0.8 and len(re.findall(r"\b(the|and|of|to|is)\b", text)) > len(text) / 400


def add(kind, source, text):
    global n
    text = text.replace("\r\n", "\n")[:CAP]
    text = text[: text.rfind("\n") + 1] if len(text) == CAP else text
    digest = hashlib.sha1(text.encode()).hexdigest()
    if digest in seen or not prose_like(text):
        return 0
    seen.add(digest)
    n += 1
    (OUT / f"{n:03d}-{kind}.txt").write_text(text, encoding="utf-8")
    rows.append(f"{n:03d}-{kind}.txt\t{source}\t{len(text)}")
    return len(text)


def man_pages(budget):
    files = sorted(Path("/usr/share/man/man1").glob("*.1.gz")) + sorted(Path("/usr/share/man/man8").glob("*.8.gz"))
    step = max(1, len(files) // 400)
    env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="", LANG="C.UTF-8")
    for path in files[::step]:
        if budget <= 0: break
        try:
            raw = subprocess.run(["man", "--nh", "--nj", "-P", "cat", "-l", str(path)], capture_output=True,
                                 env=env, timeout=20).stdout
        except subprocess.TimeoutExpired:
            continue
        text = subprocess.run(["col", "-bx"], input=raw, capture_output=True).stdout.decode("utf-8", "replace")
        budget -= add("man", str(path), text)


def docs(budget):
    files = []
    for d in sorted(Path("/usr/share/doc").iterdir()):
        for f in sorted(d.glob("*")):
            if re.match(r"(README|NEWS|changelog\.Debian|changelog)(\.gz|\.txt|\.md)?$", f.name, re.I) and f.is_file():
                files.append(f)
    for f in files:
        if budget <= 0: break
        data = f.read_bytes()
        if f.suffix == ".gz":
            try: data = gzip.decompress(data)
            except OSError: continue
        budget -= add("doc", str(f), data.decode("utf-8", "replace"))


def python_docs(budget):
    roots = [Path(path) for path in sys.path if path.endswith("site-packages")]
    files = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith((".rst", ".txt")) and re.search(r"readme|license|changes|history|news|api|guide|notes|^[a-z_]+\.rst$", name, re.I) \
                        and not re.search(r"entry_points|top_level|RECORD|requires|SOURCES|dependency|namespace|zip-safe", name):
                    files.append(Path(dirpath) / name)
    for f in files:
        if budget <= 0: break
        budget -= add("py", str(f), f.read_text("utf-8", "replace"))


def fortunes(budget):
    names = ["computers", "cookie", "definitions", "goedel", "magic", "paradoxum", "riddles", "tao", "zippy",
             "pratchett", "startrek", "fortunes", "knghtbrd", "songs-poems", "kids", "translate-me"]
    for name in names:
        if budget <= 0: break
        path = Path(f"/usr/share/games/fortunes/{name}")
        if not path.is_file():
            continue
        raw = path.read_bytes().decode("utf-8", "replace")
        text = "\n\n".join(raw.split("\n%\n"))[:CAP]
        budget -= add("fortune", f"/usr/share/games/fortunes/{name}", text)


man_pages(380_000)
docs(230_000)
python_docs(250_000)
fortunes(160_000)
(OUT.parent / "SOURCES.tsv").write_text("file\tsource\tchars\n" + "\n".join(rows) + "\n")
print(n, sum(int(r.split("\t")[2]) for r in rows))
