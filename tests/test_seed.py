"""Extraction on the real OCR text of Deventer's file (shared/seeds), errors included."""

from datetime import date
from decimal import Decimal

import pytest

from pipeline.documents import split_documents
from pipeline.fields import extract_fields, letter_sender
from pipeline.schema import DocType, SourceFile

SEED = SourceFile("000_f336ffce44092d03.txt", "seed", 1, "text")


@pytest.fixture(scope="module")
def documents(seed_pages):
    return split_documents(SEED, seed_pages)


@pytest.fixture(scope="module")
def by_type(documents):
    return {d.doc_type: d for d in documents}


def test_seed_splits_into_the_four_documents_in_order(documents):
    assert [d.doc_type for d in documents] == [DocType.DECISION_MEMO, DocType.COVER_LETTER, DocType.COVENANT,
                                               DocType.AGREEMENT]


def test_agreement_fields(by_type, g40_reference):
    fields = extract_fields(by_type[DocType.AGREEMENT], g40_reference)
    assert fields["municipality"].value == "Deventer"
    assert fields["signatory"].value == "R.C. König"       # OCR read "Kdnig"
    assert fields["signatory"].raw == "R.C. Kdnig"
    assert fields["date"].value == date(2023, 1, 10)
    assert fields["amount"].value == Decimal("15216.90")   # not € 0,15 per inhabitant
    assert "inhabitants" not in fields                      # the agreement states none


def test_agreement_amount_evidence_points_at_the_price_line(by_type, g40_reference):
    amount = extract_fields(by_type[DocType.AGREEMENT], g40_reference)["amount"]
    assert "totaalbedrag" in amount.evidence.text
    assert amount.confidence >= 0.8


def test_decision_memo_fields(by_type, g40_reference):
    fields = extract_fields(by_type[DocType.DECISION_MEMO], g40_reference)
    assert fields["municipality"].value == "Deventer"
    assert fields["inhabitants"].value == 101446
    assert fields["amount"].value == Decimal("15217.00")   # not the increase of € 2.029
    assert "date" not in fields                             # its own decision date is lost in the scan
    assert "signatory" not in fields


def test_cover_letter_and_covenant_carry_no_fields(by_type, g40_reference):
    # Breda, Almere and Den Haag, Depla and Everhardt appear there: none may become a field
    assert extract_fields(by_type[DocType.COVER_LETTER], g40_reference) == {}
    assert extract_fields(by_type[DocType.COVENANT], g40_reference) == {}


@pytest.mark.parametrize(("read", "mayor", "expected"), [
    ("R.C. Kdnig", "R.C. König", "R.C. König"),
    ("J.G. Schelberg", "S.W.J.G. Schelberg", "S.W.J.G. Schelberg"),     # first initials lost in the scan
    ("A. Gerritsen", "Arjen Gerritsen", "A. Gerritsen"),
    ("W.H.J.M. van der Loo", "Ank Bijleveld (waarnemend); W.H.J.M. van der Loo (from 08-03-2023)",
     "W.H.J.M. van der Loo"),
    ("P. Jansen", "R.C. König", "P. Jansen"),                           # someone else: kept as read
    ("Th. Weterings", "Theo Weterings", "Th. Weterings"),               # the reference gives a first name
    ("Chr. Schouten", "Christiaan Schouten", "Chr. Schouten"),
    ("Weterings", "Theo Weterings", "Th. Weterings"),                   # initials lost: the first name's
    ("Theo Weterings", "Theo Weterings", "Th. Weterings"),              # printed with the first name
    ("T. Weterings", "Theo Weterings", "T. Weterings"),                  # printed with one letter: as printed
    ("Jack Mikkers", "Jack Mikkers", "J. Mikkers"),
])
def test_signatory_spelled_as_the_reference_mayor(read, mayor, expected):
    from pipeline.fields import correct_signatory

    assert correct_signatory(read, mayor, 70)[0] == expected


@pytest.mark.parametrize("lost_sign", ["6\n", "€\n", "e\n", "\n"])
def test_amount_found_when_ocr_breaks_the_line_at_a_misread_euro_sign(seed_pages, g40_reference, lost_sign):
    """Seen in the speed benchmark: the € at a line end read as "6", the amount on the next line."""
    from pipeline.page_text import page_from_text

    pages = [page_from_text(p.number, p.text.replace("totaalbedrag van € 15.216,90",
                                                     f"totaalbedrag van {lost_sign}15.216,90")) for p in seed_pages]
    agreement = next(d for d in split_documents(SEED, pages) if d.doc_type is DocType.AGREEMENT)
    amount = extract_fields(agreement, g40_reference)["amount"]
    assert amount.value == Decimal("15216.90")
    assert amount.confidence >= 0.6


def test_the_g40_cover_letter_comes_from_no_municipality_of_its_own(by_type, g40_reference):
    """The network's letter to all members, signed by its chair (a mayor) and naming Breda, Almere and Den Haag,
    is no town's covering letter: it must not make any member 'arrived'."""
    sender = letter_sender(by_type[DocType.COVER_LETTER], g40_reference)
    assert sender is None or sender.confidence < 0.9, sender
