"""Build a held-out set with `ocrfix corpus build`, with extra fonts the corpus does not use registered first.

usage: PYTHONPATH=TREE python benchmarks/heldout/build.py corpus build --out OUT/SET --texts benchmarks/heldout/texts/SET \
    --seed N --no-sqlite-docs --jobs 1 --letters N --books M --rapidocr-letters a --rapidocr-books b \
    --letter-fonts 'TeX Gyre Cursor,FreeMono' --book-fonts 'C059,P052' --levels L0,L2,L4
Extra book fonts: C059, P052, URW Bookman, Nimbus Roman, TeX Gyre Schola, TeX Gyre Bonum, Old Standard,
Goudy Bookletter, FreeSerif, Liberation Serif, DejaVu Serif, Century Catalogue, Cardo, Caladea, CMU Serif,
Junicode, Charis SIL, Gentium Book Plus, Vollkorn, Baskervald ADF, Accanthis ADF, Romande ADF, Linden Hill, Prociono,
Fanwood Text, Quattrocento, GFS Didot, PT Serif, Tribun ADF, STIX General, Noto Serif, Roboto Slab, Berenis ADF,
Averia Serif;
extra typewriter fonts: TeX Gyre Cursor, FreeMono, Liberation Mono, DejaVu Sans Mono, CMU Typewriter Text,
Linux Libertine Mono, Go Mono, Noto Sans Mono, TlwgTypewriter, Anonymous Pro, PT Mono, Inconsolata, Hack,
League Mono.
"""
import sys

from ocrfix.synth import typeset

U, G = "/usr/share/fonts/opentype/urw-base35/", "/usr/share/texmf/fonts/opentype/public/tex-gyre/"
EXTRA = [
    ("C059", U + "C059-Roman.otf", False), ("P052", U + "P052-Roman.otf", False),
    ("URW Bookman", U + "URWBookman-Light.otf", False), ("Nimbus Roman", U + "NimbusRoman-Regular.otf", False),
    ("TeX Gyre Schola", G + "texgyreschola-regular.otf", False), ("TeX Gyre Bonum", G + "texgyrebonum-regular.otf", False),
    ("Old Standard", "/usr/share/fonts/truetype/fonts-oldstandard/OldStandard-Regular.ttf", False),
    ("Goudy Bookletter", "/usr/share/fonts/opentype/sortsmill/GoudyBookletter1911.otf", False),
    ("TeX Gyre Cursor", G + "texgyrecursor-regular.otf", True), ("FreeMono", "/usr/share/fonts/opentype/freefont/FreeMono.otf", True),
    ("Liberation Mono", "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf", True),
    ("FreeSerif", "/usr/share/fonts/opentype/freefont/FreeSerif.otf", False),
    ("Liberation Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", False),
    ("DejaVu Serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", False),
    ("DejaVu Sans Mono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", True),
    ("Century Catalogue", "/usr/share/fonts/truetype/fonts-century-catalogue/Century-Catalogue.ttf", False),
    ("Cardo", "/usr/share/fonts/truetype/cardo/Cardo104s.ttf", False),
    ("Caladea", "/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf", False),
    ("CMU Serif", "/usr/share/fonts/truetype/cmu/cmunrm.ttf", False),
    ("CMU Typewriter Text", "/usr/share/fonts/truetype/cmu/cmuntt.ttf", True),
    ("Linux Libertine Mono", "/usr/share/fonts/opentype/linux-libertine/LinLibertine_M.otf", True),
    # setG (session 18): Debian fonts-junicode, fonts-sil-charis, fonts-sil-gentiumplus, fonts-vollkorn, fonts-go,
    # fonts-noto-mono
    ("Junicode", "/usr/share/fonts/opentype/junicode/JunicodeTwoBeta-Regular.otf", False),
    ("Charis SIL", "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf", False),
    ("Gentium Book Plus", "/usr/share/fonts/truetype/gentiumplus/GentiumBookPlus-Regular.ttf", False),
    ("Vollkorn", "/usr/share/fonts/truetype/vollkorn/Vollkorn-Regular.ttf", False),
    ("Go Mono", "/usr/share/fonts/fonts-go/Go-Mono.ttf", True),
    ("Noto Sans Mono", "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf", True),
    # setH (session 20): Debian fonts-adf-baskervald, fonts-adf-accanthis, fonts-adf-romande, fonts-lindenhill,
    # fonts-prociono, fonts-tlwg-typewriter-ttf, fonts-anonymous-pro
    ("Baskervald ADF", "/usr/share/fonts/truetype/adf/BaskervaldADFStd.otf", False),
    ("Accanthis ADF", "/usr/share/fonts/truetype/adf/AccanthisADFStd-Regular.otf", False),
    ("Romande ADF", "/usr/share/fonts/truetype/adf/RomandeADFStd-Regular.otf", False),
    ("Linden Hill", "/usr/share/fonts/truetype/lindenhill/LindenHill.otf", False),
    ("Prociono", "/usr/share/fonts/opentype/fonts-prociono/Prociono.otf", False),
    ("TlwgTypewriter", "/usr/share/fonts/truetype/tlwg/TlwgTypewriter.ttf", True),
    ("Anonymous Pro", "/usr/share/fonts/truetype/anonymous-pro/Anonymous Pro.ttf", True),
    # setI (session 22): Debian fonts-fanwood, fonts-quattrocento, fonts-gfs-didot, fonts-paratype, fonts-adf-tribun,
    # fonts-inconsolata
    ("Fanwood Text", "/usr/share/fonts/truetype/fanwood/FanwoodText.otf", False),
    ("Quattrocento", "/usr/share/fonts/opentype/quattrocento/Quattrocento-Regular.otf", False),
    ("GFS Didot", "/usr/share/fonts/opentype/didot/GFSDidot.otf", False),
    ("PT Serif", "/usr/share/fonts/truetype/paratype/PTF55F.ttf", False),
    ("Tribun ADF", "/usr/share/fonts/truetype/adf/TribunADFStd-Regular.otf", False),
    ("PT Mono", "/usr/share/fonts/truetype/paratype/PTM55F.ttf", True),
    ("Inconsolata", "/usr/share/fonts/truetype/inconsolata/Inconsolata.otf", True),
    # setJ (session 24): Debian fonts-stix, fonts-noto-core, fonts-roboto-slab, fonts-adf-berenis,
    # fonts-averia-serif-gwf, fonts-hack, fonts-league-mono
    ("STIX General", "/usr/share/fonts/opentype/stix/STIXGeneral-Regular.otf", False),
    ("Noto Serif", "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", False),
    ("Roboto Slab", "/usr/share/fonts/opentype/roboto/slab/RobotoSlab-Regular.otf", False),
    ("Berenis ADF", "/usr/share/fonts/truetype/adf/BerenisADFPro-Regular.otf", False),
    ("Averia Serif", "/usr/share/fonts/truetype/averia-gwf/AveriaSerifGWF-Regular.ttf", False),
    ("Hack", "/usr/share/fonts/truetype/hack/Hack-Regular.ttf", True),
    ("League Mono", "/usr/share/fonts/opentype/league-mono/LeagueMono-Regular.otf", True),
]
for name, path, mono in EXTRA:
    typeset.FONTS[name] = typeset.Font(name, path, mono)

from ocrfix.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))
