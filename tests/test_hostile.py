"""Inputs as they really arrive: every odd or hostile file gets a row that says what is wrong, or a correct
reading; never a crash, never a hang, never a change to the inbox."""

from __future__ import annotations

import csv
import io
import os
import random
import struct
import zlib
from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner
from reportlab.lib import pdfencrypt

from pipeline.cli import main
from samples.generator import DAMAGE, AgreementSpec, Writer, render_agreement, scan

from .conftest import OCR_CACHE, SAMPLES, tree_hashes

pytestmark = pytest.mark.ocr

SPEC = AgreementSpec(municipality="Zwolle", mayor="P. Snijders", amount=Decimal("19600.20"),
                     drawn_up=date(2023, 1, 20), college_date=date(2023, 1, 17), signed=True)
LONG_NAME = "Overeenkomst " + "zeer lang " * 18 + "Zwolle.pdf"


def _encrypted_pdf(user_password: str) -> bytes:
    w = Writer()
    w.canvas.setEncrypt(pdfencrypt.StandardEncryption(user_password, ownerPassword="eigenaar", strength=128))
    for line in ["SAMENWERKINGSOVEREENKOMST", "behorende bij het Convenant G40-Stedennetwerk en Platform31"]:
        w.para(line)
    return w.done()


def _bomb_png(side: int = 60_000) -> bytes:
    """A PNG whose header claims side x side pixels: decoding it would need gigabytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + \
        chunk(b"IEND", b"")


def _scan_on_small_page(pdf: bytes) -> bytes:
    """The scan's A4 image at 300 dpi inside a PDF whose page says it is 2 x 3 inches."""
    images = scan(pdf, DAMAGE["office"], random.Random(3))
    buf = io.BytesIO()
    images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=1240)
    return buf.getvalue()


def _broken_xref(pdf: bytes) -> bytes:
    """A PDF whose cross-reference offsets point to the wrong places (as after a bad transfer)."""
    head, _, _ = pdf.rpartition(b"startxref")
    return head + b"startxref\n999999\n%%EOF\n"


def _long_pdf(pages: int) -> bytes:
    w = Writer()
    for i in range(pages):
        w.para(f"Bijlage bij het raadsvoorstel, pagina {i + 1}. " + "Tekst van de bijlage met overwegingen. " * 30)
        w.new_page()
    return w.done()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inbox = root / "inbox"
    inbox.mkdir()
    agreement = render_agreement(SPEC, random.Random(2)).pdf
    files = {
        "leeg.pdf": b"",
        "afgebroken.pdf": agreement[: len(agreement) // 2],
        "met wachtwoord.pdf": _encrypted_pdf("geheim"),
        "alleen eigenaarswachtwoord.pdf": _encrypted_pdf(""),
        "pagina.pdf": b"<!DOCTYPE html><html><body>Overeenkomst</body></html>",
        "brief.pdf": b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 10,
        "bom.png": _bomb_png(),
        "klein formaat.pdf": _scan_on_small_page(agreement),
        "kapotte xref.pdf": _broken_xref(agreement),
        "raadsbijlagen 400.pdf": _long_pdf(400),
        "Zwolle – overeenkomst (getekend) 'definitief' é.pdf": agreement,
        LONG_NAME: agreement,
        "bericht.msg": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    outside = root / "buiten de inbox.pdf"
    outside.write_bytes(agreement)
    os.symlink(outside, inbox / "koppeling.pdf")
    before = tree_hashes(inbox)
    out = root / "out"
    result = CliRunner().invoke(main, ["run", str(inbox), "--out", str(out), "--reference",
                                       str(SAMPLES / "reference.csv"), "--cache", str(OCR_CACHE)])
    with (out / "documents.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {"result": result, "rows": rows, "inbox": inbox, "before": before, "out": out}


def rows_of(hostile, name):
    return [r for r in hostile["rows"] if r["file"] == name]


def test_the_run_completes(hostile):
    assert hostile["result"].exit_code == 0, hostile["result"].output


def test_the_inbox_is_unchanged(hostile):
    assert tree_hashes(hostile["inbox"]) == hostile["before"]


@pytest.mark.parametrize(("name", "error"), [
    ("leeg.pdf", "empty"), ("afgebroken.pdf", "unreadable"), ("met wachtwoord.pdf", "encrypted"),
    ("pagina.pdf", "unsupported"), ("brief.pdf", "unsupported"), ("bom.png", "unreadable"),
    ("bericht.msg", "unsupported"),
])
def test_bad_files_get_a_row_with_their_error(hostile, name, error):
    [row] = rows_of(hostile, name)
    assert row["error"] == error


def test_msg_names_the_fix(hostile):
    exceptions = (hostile["out"] / "exceptions.csv").read_text(encoding="utf-8")
    assert ".eml" in next(line for line in exceptions.splitlines() if "bericht.msg" in line)


def test_empty_user_password_is_read(hostile):
    [row] = rows_of(hostile, "alleen eigenaarswachtwoord.pdf")
    assert row["error"] == "" and row["doc_type"] == "agreement"


@pytest.mark.parametrize("name", ["klein formaat.pdf", "kapotte xref.pdf",
                                  "Zwolle – overeenkomst (getekend) 'definitief' é.pdf", LONG_NAME])
def test_odd_but_good_files_are_read_correctly(hostile, name):
    [row] = rows_of(hostile, name)
    assert (row["doc_type"], row["municipality"], row["amount"], row["signed"]) == (
        "agreement", "Zwolle", "19600.20", "yes"), row


def test_a_400_page_file_is_read(hostile):
    rows = rows_of(hostile, "raadsbijlagen 400.pdf")
    assert rows and rows[0]["error"] == ""
    assert rows[-1]["pages"].endswith("400")


def test_a_symlink_out_of_the_inbox_is_not_followed_but_listed(hostile):
    assert not rows_of(hostile, "koppeling.pdf")
    assert "koppeling.pdf" in (hostile["out"] / "report.html").read_text(encoding="utf-8")


def test_a_page_that_hangs_tesseract_is_cut_off(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "scan.pdf").write_bytes((SAMPLES / "inbox" / "zwolle_overeenkomst.pdf").read_bytes())
    result = CliRunner().invoke(main, ["run", str(inbox), "--out", str(tmp_path / "out"), "--page-timeout",
                                       "0.01", "--cache", str(tmp_path / "no-cache")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((tmp_path / "out" / "documents.csv").open(encoding="utf-8")))
    assert [(r["file"], r["error"]) for r in rows] == [("scan.pdf", "unreadable")]
    assert "OCR afgebroken" in (tmp_path / "out" / "exceptions.csv").read_text(encoding="utf-8")
