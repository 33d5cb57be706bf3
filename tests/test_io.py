"""Readers: plain text, hOCR, ALTO and PAGE XML into one document model, parsed safely."""
from __future__ import annotations

import codecs
import doctest
import importlib
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ocrfix.io as io
from ocrfix.errors import OcrfixError
from ocrfix.io import Document, Line, Page, Word, from_text, parse, read, sniff, write_bytes_atomic

DATA = Path(__file__).parent / "data" / "io"

PAGE_1 = ("Dear Sir, I received your letter\nof the tenth and read it with\n"
          "great interest. The exam-\nple you gave is clear.")
PAGE_2 = "Yours faithfully,\nJ. Smith"
LAST_TWO_LINES = "great interest. The exam-\nple you gave is clear."


def words_of(lines) -> list[list[tuple]]:
    return [[(word.text, word.box, word.confidence) for word in line.words] for line in lines]


# --- each format into the same model ---------------------------------------------------------

def test_tesseract_hocr_reads_both_pages_with_boxes_and_confidences():
    document = read(DATA / "tesseract-2pages.hocr")
    assert document.format == "hocr" and document.source.endswith("tesseract-2pages.hocr")
    assert [page.number for page in document.pages] == [1, 2]
    assert [page.text for page in document.pages] == [PAGE_1, PAGE_2]
    assert document.text() == PAGE_1 + "\f" + PAGE_2
    assert [page.box for page in document.pages] == [(0, 0, 1400, 440), (0, 0, 1400, 280)]
    first = document.pages[0].lines[0]
    assert first.box == (102, 71, 1018, 113)
    assert first.words[0] == Word("Dear", (102, 75, 212, 104), 0.96)
    assert len(list(document.words())) == 26
    assert all(0 <= word.confidence <= 1 for word in document.words())


def test_tesseract_alto_reads_like_tesseract_hocr():
    alto = read(DATA / "tesseract.alto.xml")
    hocr = read(DATA / "tesseract-2pages.hocr")
    assert alto.format == "alto" and len(alto.pages) == 1
    assert words_of(alto.pages[0].lines) == words_of(hocr.pages[0].lines)
    assert [line.box for line in alto.pages[0].lines] == [line.box for line in hocr.pages[0].lines]
    assert alto.pages[0].box == hocr.pages[0].box


@pytest.mark.parametrize("name", ["alto-v2.xml", "alto-v4.xml", "page-2013.xml"])
def test_hand_written_alto_and_page_read_like_tesseract(name):
    document = read(DATA / name)
    expected = read(DATA / "tesseract-2pages.hocr").pages[0].lines[2:]
    assert document.text() == LAST_TWO_LINES
    assert words_of(document.pages[0].lines) == words_of(expected)
    assert [line.box for line in document.pages[0].lines] == [line.box for line in expected]
    assert document.pages[0].box == (0, 0, 1400, 440)


def test_page_2019_line_level_text_takes_the_lowest_index():
    document = read(DATA / "page-2019.xml")
    assert document.format == "page"
    assert document.text() == LAST_TWO_LINES
    first = document.pages[0].lines[0]
    assert first.box == (103, 231, 816, 273)
    assert [word.text for word in first.words] == ["great", "interest.", "The", "exam-"]
    assert all(word.box is None and word.confidence is None for word in first.words)


def test_page_line_text_is_the_line_transcription_when_it_has_one():
    document = parse(b"""<PcGts><Page><TextRegion><TextLine>
        <Word><Coords points="1,1 9,9"/><TextEquiv conf="0.5"><Unicode>Sir</Unicode></TextEquiv></Word>
        <Word><TextEquiv><Unicode>,</Unicode></TextEquiv></Word>
        <TextEquiv><Unicode>Sir,</Unicode></TextEquiv></TextLine>
      <TextLine><Word><TextEquiv><Unicode>only</Unicode></TextEquiv></Word><Word/></TextLine>
    </TextRegion></Page></PcGts>""")
    first, second = document.pages[0].lines
    assert first.text == "Sir," and [word.text for word in first.words] == ["Sir", ","]
    assert first.words[0] == Word("Sir", (1, 1, 9, 9), 0.5)
    assert second.text == "only"


def test_page_reading_order_overrides_document_order():
    source = (DATA / "page-2013.xml").read_text()
    assert source.index('id="r2"') < source.index('id="r1"')
    assert read(DATA / "page-2013.xml").pages[0].lines[0].text.startswith("great")


def test_page_region_without_lines_uses_its_text_and_nested_groups_are_followed():
    document = parse(b"""<PcGts><Page><ReadingOrder><OrderedGroup>
        <OrderedGroupIndexed index="1" id="g"><RegionRefIndexed index="0" regionRef="b"/></OrderedGroupIndexed>
        <RegionRefIndexed index="0" regionRef="a"/></OrderedGroup></ReadingOrder>
      <TextRegion id="b"><TextEquiv><Unicode>second
region</Unicode></TextEquiv></TextRegion>
      <TextRegion id="a"><TextLine><Coords><Point x="5" y="6"/><Point x="50" y="30"/></Coords>
        <TextEquiv><Unicode>first</Unicode></TextEquiv></TextLine></TextRegion>
      <TextRegion id="c"><TextLine><TextEquiv><Unicode>unordered</Unicode></TextEquiv></TextLine></TextRegion>
    </Page></PcGts>""")
    assert document.format == "page"
    assert document.text() == "first\nsecond\nregion\nunordered"
    assert document.pages[0].lines[0].box == (5, 6, 50, 30)


@pytest.mark.parametrize("namespace", [
    "", ' xmlns="http://www.loc.gov/standards/alto/ns-v2#"', ' xmlns="http://www.loc.gov/standards/alto/ns-v3#"',
    ' xmlns="http://www.loc.gov/standards/alto/ns-v4#"',
])
def test_alto_versions_pages_and_hyphens(namespace):
    document = parse(f"""<alto{namespace}><Layout>
      <Page ID="p1"><PrintSpace><TextBlock><TextLine><String CONTENT="Ge" WC="0.5"/><HYP CONTENT="¬"/></TextLine>
        </TextBlock></PrintSpace></Page>
      <Page ID="p2"><TopMargin><TextBlock><TextLine><String CONTENT="7"/></TextLine></TextBlock></TopMargin>
        <PrintSpace><TextBlock><TextLine><String CONTENT="exam-"/><HYP CONTENT="-"/></TextLine>
        <TextLine/></TextBlock></PrintSpace></Page>
    </Layout></alto>""")
    assert document.format == "alto"
    assert [page.number for page in document.pages] == [1, 2]
    assert document.text() == "Ge¬\f7\nexam-\n"
    assert document.pages[0].lines[0].words[0] == Word("Ge¬", None, 0.5)


def test_hocr_line_classes_tesseract_emits_and_lines_without_words():
    document = parse("""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class="ocr_page" title="bbox 0 0 10 10">
 <span class="ocr_header" title="bbox 0 0 5 1"><span class="ocrx_word" title="bbox 0 0 5 1; x_wconf 55">HEAD</span></span>
 <span class="ocr_caption"><span class="ocrx_word"><strong>Fig.</strong></span> <span class="ocrx_word">1</span></span>
 <span class="ocr_textfloat"><span class="ocrx_word">float</span></span>
 <span class="ocr_line">no  word
   spans</span>
 <span class="ocr_line"><span class="ocrx_word" title="bbox 1 2 3 4; x_wconf 100"> </span></span>
</div></body></html>""")
    assert document.format == "hocr"
    assert document.text() == "HEAD\nFig. 1\nfloat\nno word spans\n"
    assert document.pages[0].lines[0].words[0] == Word("HEAD", (0, 0, 5, 1), 0.55)


def test_hocr_as_html_and_named_entities():
    html = ('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head>'
            '<meta charset="utf-8"><body><div class=ocr_page><span class=ocr_line>'
            '<span class=ocrx_word>Café</span> <span class=ocrx_word>&amp;</span><br></span></div>')
    assert parse(html.encode(), "hocr").text() == "Café &"
    with pytest.raises(OcrfixError, match="malformed XML at line 1"):
        parse(b"<p>not hOCR", "hocr")
    xhtml = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
             '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
             '<html xmlns="http://www.w3.org/1999/xhtml"><body><p class="ocr_page"><span class="ocr_line">'
             '<span class="ocrx_word">caf&eacute;&nbsp;</span></span></p></body></html>')
    assert parse(xhtml).pages[0].lines[0].words[0].text == "café"


def test_hocr_without_pages_is_one_page():
    document = parse('<html><body><span class="ocr_line">one</span><span class="ocr_line">two</span></body></html>')
    assert len(document.pages) == 1 and document.text() == "one\ntwo"


# --- plain text and round trips -----------------------------------------------------------------

def test_from_text_pages_lines_words():
    document = from_text("Dear  Sir,\tyes\nsecond line\n\fpage two\f")
    assert [page.number for page in document.pages] == [1, 2, 3]
    assert [[line.text for line in page.lines] for page in document.pages] == [
        ["Dear  Sir,\tyes", "second line", ""], ["page two"], [""]]
    assert [word.text for word in document.pages[0].lines[0].words] == ["Dear", "Sir,", "yes"]
    assert document.pages[0].lines[0].words[0] == Word("Dear")
    assert from_text("a\r\nb\rc").text() == "a\nb\nc"
    assert from_text("").text() == "" and len(from_text("").pages) == 1


@given(st.text(alphabet=st.characters(blacklist_characters="\r", blacklist_categories=("Cs",))))
def test_from_text_round_trips(text):
    assert from_text(text).text() == text


def test_file_round_trip_through_text(tmp_path):
    text = "Dear Sir,\n  indented  line\n\fPage two ends with a newline\n"
    path = tmp_path / "letter.txt"
    io.write_text_atomic(path, text)
    assert read(path).text() == text and read(path).format == "text"
    hocr = read(DATA / "tesseract-2pages.hocr")
    written = tmp_path / "hocr.txt"
    io.write_text_atomic(written, hocr.text())
    again = read(written)
    assert again.text() == hocr.text()
    assert [[line.text for line in page.lines] for page in again.pages] == \
        [[line.text for line in page.lines] for page in hocr.pages]


def test_model_is_built_by_hand_too():
    document = Document([Page([Line([Word("a"), Word("b")]), Line(raw="c  d")]), Page(number=2)])
    assert document.text() == "a b\nc  d\f"
    assert document.pages[0].lines[0].words == (Word("a"), Word("b"))


# --- format sniffing ----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "format"), [
    ("tesseract-2pages.hocr", "hocr"), ("tesseract.alto.xml", "alto"), ("alto-v2.xml", "alto"),
    ("page-2013.xml", "page"), ("page-2019.xml", "page"),
])
def test_format_is_sniffed_from_content(tmp_path, name, format):
    data = (DATA / name).read_bytes()
    assert sniff(data) == format and sniff(data.decode()) == format
    neutral = tmp_path / "upload.dat"
    neutral.write_bytes(data)
    assert read(neutral).format == format
    assert parse(data).text() == read(DATA / name).text()


def test_extension_and_explicit_format_win(tmp_path):
    xml = (DATA / "alto-v2.xml").read_bytes()
    as_text = tmp_path / "alto.txt"
    as_text.write_bytes(xml)
    assert read(as_text).format == "text"
    assert read(as_text, format="alto").text() == LAST_TWO_LINES
    assert sniff("<illegible> words here") == "text"
    assert parse("<illegible> words here").text() == "<illegible> words here"


def test_unknown_xml_and_unknown_format_are_refused(tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<svg/>")
    with pytest.raises(OcrfixError, match="neither hOCR, ALTO nor PAGE") as caught:
        read(other)
    assert caught.value.path == str(other)
    with pytest.raises(OcrfixError, match="unknown format 'pdf'"):
        read(DATA / "alto-v2.xml", format="pdf")


def test_str_input_with_an_encoding_declaration():
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?><alto><Layout><Page><TextLine><String CONTENT="Café"/></TextLine></Page></Layout></alto>'
    assert parse(latin).text() == "Café"
    assert parse(latin.encode("latin-1")).text() == "Café"


# --- safe XML -----------------------------------------------------------------------------------

BOMB = """<?xml version="1.0"?>
<!DOCTYPE alto [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<alto><Layout><Page><TextLine><String CONTENT="&i;"/></TextLine></Page></Layout></alto>"""


def test_entity_expansion_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(BOMB)
    with pytest.raises(OcrfixError, match="declares entities") as caught:
        read(path)
    assert str(caught.value).startswith(str(path) + ": ")


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE alto [<!ENTITY secret SYSTEM "file://{secret}">]>',
    '<!DOCTYPE alto [<!ENTITY % secret SYSTEM "file://{secret}"> %secret;]>',
])
def test_external_file_entities_are_never_resolved(tmp_path, declaration):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    path = tmp_path / "xxe.xml"
    path.write_text('<?xml version="1.0"?>' + declaration.format(secret=secret)
                    + "<alto><Layout><Page><TextLine><String CONTENT='&secret;'/></TextLine></Page></Layout></alto>")
    with pytest.raises(OcrfixError, match="declares entities") as caught:
        read(path)
    assert "TOP-SECRET" not in str(caught.value)


def test_an_external_dtd_is_not_loaded(tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY secret "TOP-SECRET">')
    path = tmp_path / "dtd.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "file://{dtd}"><html><body>'
                    '<div class="ocr_page"><span class="ocr_line">x &secret;</span></div></body></html>')
    document = read(path)
    assert "TOP-SECRET" not in document.text()


@pytest.fixture
def listener():
    """A local TCP server that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.5)
    connections: list[object] = []

    def accept() -> None:
        try:
            connections.append(server.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    yield server.getsockname()[1], connections
    thread.join()
    server.close()


@pytest.mark.parametrize("template", [
    '<!DOCTYPE PcGts [<!ENTITY net SYSTEM "http://127.0.0.1:{port}/x">]><PcGts>&net;<Page/></PcGts>',
    '<!DOCTYPE PcGts SYSTEM "http://127.0.0.1:{port}/page.dtd"><PcGts><Page/></PcGts>',
])
def test_no_network_access(listener, template):
    """Nothing connects out, whether libxml2 was built with an HTTP client or not (lxml 6's is not)."""
    port, connections = listener
    data = template.format(port=port)
    try:
        parse(data, "page")
    except OcrfixError as error:
        assert "declares entities" in str(error)
    assert connections == []


@pytest.mark.parametrize(("name", "data", "line"), [
    ("broken.alto.xml", "<alto>\n<Layout>\n<Page>\n</Layout></alto>", 4),
    ("truncated.page.xml", '<?xml version="1.0"?>\n<PcGts>\n<Page>', 3),
    ("broken.hocr", '<?xml version="1.0"?>\n<html><body>\n<div class="ocr_page"></span></html>', 3),
])
def test_malformed_xml_is_one_line_naming_file_and_line(tmp_path, name, data, line):
    path = tmp_path / name
    path.write_text(data)
    with pytest.raises(OcrfixError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: malformed XML at line {line}")
    assert "\n" not in message


def test_malformed_hocr_numbers_are_reported():
    with pytest.raises(OcrfixError, match="malformed hOCR 'bbox' at line 1"):
        parse('<html><body><span class="ocr_line" title="bbox 1 2 x 4">a</span></body></html>', source="a.hocr")
    with pytest.raises(OcrfixError, match="malformed ALTO number"):
        parse('<alto><Page><TextLine><String CONTENT="a" WC="high"/></TextLine></Page></alto>')
    with pytest.raises(OcrfixError, match="malformed PAGE Coords"):
        parse('<PcGts><Page><TextRegion><TextLine><Coords points="1,2 3"/></TextLine></TextRegion></Page></PcGts>')


# --- bad files ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "problem"), [
    ("latin1.txt", "Café".encode("latin-1"), "not UTF-8"),
    ("latin1.dat", "Café".encode("latin-1"), "not UTF-8"),
    ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("scan.xml", b"<alto>\x00\x00\x00</alto>", "binary file"),
    ("empty.xml", b"", "empty file, expected hOCR, ALTO or PAGE XML"),
    ("notes.xml", b"plain notes, not XML", "not XML: a .xml file is read as hOCR, ALTO or PAGE"),
    ("empty.hocr", b"  \n", "empty file"),
    ("bad.alto.xml", b'<?xml version="1.0" encoding="UTF-8"?><alto>caf\xe9</alto>', "malformed XML"),
])
def test_bad_files_name_the_file(tmp_path, name, data, problem):
    path = tmp_path / name
    write_bytes_atomic(path, data)
    with pytest.raises(OcrfixError, match=problem) as caught:
        read(path)
    assert caught.value.path == str(path) and str(caught.value).startswith(f"{path}: ")


def test_html_past_the_parser_s_limits_is_refused_not_cut_short():
    # 300 nested elements: the HTML parser stopped at 256 and the page's one line was silently lost
    deep = '<html><body><div class="ocr_page">' + "<div>" * 300 + '<span class="ocr_line">Hi</span>' + "</div>" * 300
    with pytest.raises(OcrfixError, match="deep.hocr: cannot parse as HTML at line 1: Excessive depth"):
        parse(deep + "</div></body></html>", "hocr", source="deep.hocr")


def test_utf16_text_with_its_bom_is_text(tmp_path):
    # what Windows Notepad saves as "Unicode": its NUL bytes are not binary
    for encoding in ("utf-16", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(("\ufeff" if encoding.endswith("be") else "").encode(encoding) + "Café\r\nend".encode(encoding))
        assert read(path).text() == "Café\nend"
    write_bytes_atomic(path, codecs.BOM_UTF16_LE + b"a\x00\x00\xdc")
    with pytest.raises(OcrfixError, match="not UTF-16"):
        read(path)


def test_missing_file_and_empty_text(tmp_path):
    with pytest.raises(OcrfixError, match="no such file"):
        read(tmp_path / "absent.hocr")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert read(empty).text() == ""


# --- the real engine ----------------------------------------------------------------------------

def test_live_tesseract_hocr_reads_as_tesseract_own_text(tmp_path):
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    image_module = pytest.importorskip("PIL.Image", reason="Pillow is not installed")
    from PIL import ImageDraw, ImageFont
    font_path = Path("/usr/share/fonts/opentype/courier-prime/Courier Prime.otf")
    if not font_path.exists():
        pytest.skip("Courier Prime font is not installed")
    image = image_module.new("L", (1100, 260), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_path), 44)
    for index, line in enumerate(["The quick brown fox, 1897.", "Jumps over the lazy dog;", "and so on."]):
        draw.text((60, 30 + 70 * index), line, font=font, fill=0)
    image.save(tmp_path / "page.png", dpi=(300, 300))
    subprocess.run(["tesseract", "page.png", "out", "--dpi", "300", "-l", "eng", "hocr", "txt"],
                   cwd=tmp_path, check=True, capture_output=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    document = read(tmp_path / "out.hocr")
    own_text = [line for line in (tmp_path / "out.txt").read_text().splitlines() if line.strip()]
    assert [line.text for line in document.lines()] == own_text
    assert len(own_text) == 3


@pytest.mark.parametrize("module", ["model", "text", "hocr", "alto", "pagexml", "xml", "reader"])
def test_docstring_examples_hold(module):
    result = doctest.testmod(importlib.import_module(f"ocrfix.io.{module}"))
    assert result.attempted > 0 and result.failed == 0


def test_atomic_write_gives_an_ordinary_file_mode(tmp_path):
    import os

    from ocrfix.io import write_text_atomic

    fresh = tmp_path / "fresh.txt"
    write_text_atomic(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    kept.chmod(0o640)
    write_text_atomic(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text() == "new"
