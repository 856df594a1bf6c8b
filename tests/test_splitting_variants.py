"""Splitting on page texts as OCR gives them: variants a title rule must survive (plain text, no word boxes)."""

from __future__ import annotations

import pytest

from pipeline.documents import split_documents, title_types
from pipeline.page_text import page_from_text
from pipeline.schema import DocType, SourceFile

COVENANT_1 = """Convenant Stedennetwerk G40 en Platform31
'Samenwerken aan aantrekkelijke en krachtige steden', 2023 t/m 2027
Stichting Platform31, gevestigd aan het Koningin Julianaplein 10 te Den Haag, in deze rechtsgeldig
vertegenwoordigd door haar directeur, de heer V. Everhardt, hierna te noemen: Platform31
Partijen komen daarom het volgende overeen
1. Opgaven van de steden zijn uitgangspunt"""

# the second page of the covenant as a scan gave it: its list letters read as '_', '.', '•' or lost
COVENANT_2 = """5
b.
Het dagelijks bestuur van de G40 kan een bestuurder voordragen voor de Programmaraad van
Platform31.
6. Duur en financiering van het convenant
a. Dit convenant kent een looptijd tot 1 januari 2028.
{bullet} De steden van de G40 betalen in deze periode een gefixeerde bijdrage van €0,15 per inwoner
(bron: CBS, peildatum 1 januari 2022) en sluiten hiertoe ieder een afzonderlijke overeenkomst met
Platform31.
{bullet} De overeenkomst kan tussentijds schriftelijk worden opgezegd voor 1 september van het lopende
kalenderjaar voor beëindiging op 1 januari van het daaropvolgende kalenderjaar.
Aldus opgemaakt in tweevoud te Den Haag op 19 december 2022,
De heer V. Everhardt De heer P. Depla
directeur Platform31 voorzitter Stedennetwerk G40"""


@pytest.mark.parametrize("bullet", ["_", "—", "•", ".", "b.", "_ c."])
def test_a_list_item_of_the_covenant_is_no_title_of_an_agreement(bullet):
    second = COVENANT_2.format(bullet=bullet)
    assert DocType.AGREEMENT not in title_types(second)
    pages = [page_from_text(1, COVENANT_1), page_from_text(2, second)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.COVENANT, "1-2")]


@pytest.mark.parametrize("title", ["_ Samenwerkingsovereenkomst G40 - Platform31", "SAMENWERKINGSOVEREENKOMST",
                                   "Uitvoeringsovereenkomst 2023-2027 gemeente Ede"])
def test_an_agreement_title_under_a_speck_still_starts_an_agreement(title):
    """The other side: a title that a speck of dirt precedes is still a title."""
    assert title_types(f"{title}\nDe ondergetekenden:\n1. Stichting Platform31") == [DocType.AGREEMENT]


MEMO_1 = """Gemeente {town}
ADVIES B&W
Onderwerp: Samenwerkingsovereenkomst G40 - Platform31
Datum nota: 18-1-2023
Besluit
1. akkoord te gaan met de samenwerkingsovereenkomst met Platform31;
Financiën
De jaarlijkse bijdrage van € 11.144,70 past binnen het bestaande budget.
Advies aan B&W — gemeente {town} | CS/8713/2023 {marker}"""

MEMO_2 = """Besloten in de collegevergadering van 24-1-2023: conform voorstel.
{stamp}Advies aan B&W — gemeente {town} | CS/8713/2023
DIE,"""


@pytest.mark.parametrize("marker", ["blz 1/2", "biA A2", ""])
@pytest.mark.parametrize("stamp", ["", "AKKOORD\n31 JAN. 2023\ncollege van B&W\n"])
def test_a_running_footer_whose_page_number_was_lost_is_no_title(marker, stamp):
    """A memo's second page repeats the footer of the first ('Advies aan B&W - gemeente Hoorn'): a running
    footer, not the title of a new memo, even when its page number was not read."""
    pages = [page_from_text(1, MEMO_1.format(town="Hoorn", marker=marker)),
             page_from_text(2, MEMO_2.format(town="Hoorn", stamp=stamp))]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.DECISION_MEMO, "1-2")]


def test_a_memo_of_another_house_after_a_memo_still_starts_one():
    """The other side: the next memo's own title is no footer of the page before it."""
    second = "COLLEGEVOORSTEL\nOnderwerp: Platform31\nHet college van Ede besluit in te stemmen met de overeenkomst."
    pages = [page_from_text(1, MEMO_1.format(town="Hoorn", marker="")), page_from_text(2, second)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.DECISION_MEMO, "1"),
                                                          (DocType.DECISION_MEMO, "2")]


SIGNING_PAGE = """Aldus overeengekomen en in tweevoud ondertekend.
Gemeente Deventer
AAN
R.C. König
burgemeester
Stichting Platform31
V. Everhardt
directeur-bestuurder"""


def test_a_scribble_read_as_a_letters_opening_does_not_split_an_agreement():
    """A signature read by OCR as 'AAN' stands where a letter's 'Aan' would: the page is the agreement's."""
    first = ("Samenwerkingsovereenkomst gemeente Deventer - Platform31\nDe ondergetekenden:\nde gemeente Deventer, "
             "vertegenwoordigd door burgemeester R.C. König,\nArtikel 3. Bijdrage\nDe jaarlijkse bijdrage bedraagt "
             "€ 15.216,90.")
    pages = [page_from_text(1, first), page_from_text(2, SIGNING_PAGE)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1-2")]


def test_a_letter_that_opens_with_aan_still_starts_one():
    letter = ("Aan\nde leden van het Algemeen Bestuur van de G40\nOnderwerp: convenant\nBeste leden,\n"
              "Met vriendelijke groet")
    pages = [page_from_text(1, SIGNING_PAGE), page_from_text(2, letter)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [d.doc_type for d in docs][-1] is DocType.COVER_LETTER and docs[-1].page_range == "2"


@pytest.mark.parametrize("title", ["NOTA AAN HET COLLEGE", "Advies voor het college", "Voorstel aan het college",
                                   "Collegenota", "ADVIES B&W"])
def test_memo_titles_of_many_houses(title):
    page = (f"GEMEENTE 'S-HERTOGENBOSCH\n{title}\nvan: ir. S. Ouwerkerk\nBetreft: uitvoeringsovereenkomst "
            "Platform31 2023-2027\nVOORGESTELD BESLUIT\n1. De uitvoeringsovereenkomst met Platform31 aangaan.")
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, page)])
    assert [d.doc_type for d in docs] == [DocType.DECISION_MEMO]


@pytest.mark.parametrize("title", [": Advies aan B&W", "| Besluitnota", "Openbare besluitenlijst B&W",
                                   "Besluitenlijst collegevergadering", "_Memo"])
def test_memo_titles_behind_a_speck_and_decision_lists(title):
    """A title OCR put a speck before (': Advies aan B&W'), a public list of the college's decisions, an internal
    memo that reports the decision: each is a memo of the decision."""
    page = (f"Gemeente Oss\n{title}\nDatum 24-1-2023\nBetreft Samenwerkingsovereenkomst Platform31\n"
            "In zijn vergadering van 24 januari 2023 heeft het college ingestemd met de samenwerkingsovereenkomst "
            "met Stichting Platform31 voor de jaren 2023 tot en met 2027.\nDe bijdrage bedraagt € 13.996 per jaar.")
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, page)])
    assert [d.doc_type for d in docs] == [DocType.DECISION_MEMO]


def test_a_decision_list_naming_the_agreement_in_an_item_is_no_agreement():
    page = ("Gemeente Delft\nOpenbare besluitenlijst B&W\nVergadering d.d. 28 feb. 2023 (extract)\n"
            "2023-061 Jaarverslag Leerplicht 2021-2022\nHet college stelt het verslag vast.\n"
            "2023-062 Platform31 - samenwerkingsovereenkomst\nHet college gaat de samenwerkingsovereenkomst met "
            "Stichting Platform31 aan, tegen een jaarlijkse bijdrage van € 15.685,80 exclusief btw, en machtigt de "
            "burgemeester tot ondertekening.\nVoor uittreksel conform,\nde gemeentesecretaris")
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, page)])
    assert [d.doc_type for d in docs] == [DocType.DECISION_MEMO]


@pytest.mark.parametrize("footer, marker", [
    ("Samenwerkingsovereenkomst Platform31 - gemeente Hoorn | blad 2 van 2", (2, 2)),
    ("Blad 1/3", (1, 3)), ("blz. 3/3", (3, 3)), ("pagina 2 van 2", (2, 2)), ("- 2 -", (2, None)),
    ("bladzijde 4 van 7", (4, 7)),
])
def test_a_page_footer_names_its_page(footer, marker):
    from pipeline.documents import page_marker

    assert page_marker(footer) == marker


@pytest.mark.parametrize("page", [
    # the municipality's block alone, photographed: name lost under the signature, place and date by hand
    "EE\nwaarnemend burgemeester van Lelystad\nPlaats: Lelystad\nDatum: 0 foln, ZOO\nPagina 3 van 3",
    # both blocks side by side, the names lost under the signatures
    "plaats: Den Haag Plaats: Venlo\nDatum: 6-3-2023 Datum: 23022023\ndirecteur-bestuurder burgemeester van Venlo",
    "R.C. König\nburgemeester van Deventer\nPlaats en datum: Deventer, 10 januari 2023",
])
def test_a_signature_page_on_its_own_is_an_agreement(page):
    """A photo of the last page alone: no title, no article, only the signing fields and the offices under the
    names; it is an agreement's page (reconcile joins it to the agreement it completes)."""
    [doc] = split_documents(SourceFile("IMG_0932.JPG", "f" * 64, 1, "jpg"), [page_from_text(1, page)])
    assert doc.doc_type == DocType.AGREEMENT


def test_a_memo_header_with_a_date_label_is_no_signature_page():
    page = ("Gemeente Lelystad\nDatum: 17 januari 2023\nAan: de burgemeester van Lelystad\nOnderwerp: voortzetting "
            "G40\nVoorgesteld besluit\n1. In te stemmen met de samenwerkingsovereenkomst met Platform31.")
    [doc] = split_documents(SourceFile("memo.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, page)])
    assert doc.doc_type == DocType.DECISION_MEMO


RIB = """Gemeente Delft
Aan de gemeenteraad van Delft
Datum 28 februari 2023
Ons kenmerk RIB-2023-014 / 3948812
Onderwerp Nieuwe samenwerkingsovereenkomst Platform31 (G40-Stedennetwerk)
Geachte raadsleden,
Met deze brief informeren wij u over de voortzetting van de samenwerking tussen Delft en Platform31.
Het college heeft op 21 februari jl. besloten de samenwerkingsovereenkomst met Stichting Platform31
voor de jaren 2023 tot en met 2027 aan te gaan.
{heading}
Het G40-Stedennetwerk is geen rechtspersoon. Daarom sluit iedere deelnemende stad een eigen
overeenkomst met Platform31.
Financiën
Uitgaande van 104.572 inwoners betaalt Delft jaarlijks 15.685,80 euro, exclusief btw.
Met vriendelijke groet,
burgemeester en wethouders van Delft"""


@pytest.mark.parametrize("heading", ["Waarom deze overeenkomst?", "Waarom een overeenkomst", "De overeenkomst"])
def test_a_council_letter_about_the_agreement_is_a_memo(heading):
    """A raadsinformatiebrief: the college tells the council what it decided. A heading that asks about 'deze
    overeenkomst' names no document of its own."""
    page = RIB.format(heading=heading)
    assert DocType.AGREEMENT not in title_types(page)
    [doc] = split_documents(SourceFile("RIB 2023-014.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, page)])
    assert doc.doc_type == DocType.DECISION_MEMO


def test_a_printed_e_mail_before_the_agreement_is_no_agreement():
    mail = ("Secretariaat Burgemeester\nVan: Secretariaat Burgemeester <secretariaatburgemeester@dordrecht.nl>\n"
            "Verzonden: donderdag 23 februari 2023 16:41\nAan: Anjel Punte <anjel.punte@platform31.nl>\n"
            "Onderwerp: Ondertekende samenwerkingsovereenkomst Platform31 - gemeente Dordrecht\n"
            "Bijlagen: 20230222 SOK Platform31 Dordrecht getekend.pdf\nBeste Anjel,\nZoals afgesproken stuur ik je "
            "hierbij de door burgemeester Kolff ondertekende samenwerkingsovereenkomst\ntussen Platform31 en de "
            "gemeente Dordrecht. Het college heeft op 14 februari jl. ingestemd met de\novereenkomst.\n"
            "Met vriendelijke groet,\nIlse van Dongen\nsecretaresse burgemeester")
    [doc] = split_documents(SourceFile("mail.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, mail)])
    assert doc.doc_type is DocType.OTHER


FORM = """Platform31
{title}
Formulier per gemeente — behorend bij het Convenant Stedennetwerk G40 en Platform31 van 19 december 2022
Stichting Platform31, Koningin Julianaplein 10, 2595 AA Den Haag, rechtsgeldig vertegenwoordigd door
de heer V. Everhardt, directeur-bestuurder, en de hieronder vermelde gemeente, komen overeen:
Gemeente Assen
Bijdrage per jaar (excl. btw) € 10.346,85
Naam ondertekenaar M. Out"""


@pytest.mark.parametrize("title", ["Samenwerkingsovereenkömst 2023 t/m 2027", "Samenwérkingsovereenkomst 2023-2027",
                                   "Uitvöeringsovereenkomst G40"])
def test_a_title_with_an_accent_ocr_put_on_a_letter_is_still_a_title(title):
    # a speck read as an umlaut or an accent ('Samenwerkingsovereenkömst') does not hide the title
    assert title_types(FORM.format(title=title)) == [DocType.AGREEMENT]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, FORM.format(title=title))])
    assert [d.doc_type for d in docs] == [DocType.AGREEMENT]


P31_LETTER = """Platform31
Kennis- en netwerkorganisatie voor stedelijke en regionale ontwikkeling
{addressee}
van de steden van het Stedennetwerk G40
Datum 9 januari 2023
Kenmerk P31/RM-G40/2023-003
Betreft ondertekening samenwerkingsovereenkomst 2023-2027
Geachte burgemeester, geachte secretaris,
Op 19 december 2022 ondertekenden de voorzitter van het Stedennetwerk G40 en ondergetekende
het nieuwe convenant. Vul in de overeenkomst de gegevens van uw gemeente in: adres, vertegenwoordiger en
de datum van het collegebesluit. Het bedrag in artikel 3 is het aantal inwoners maal € 0,15.
De overeenkomst wordt namens de gemeente ondertekend door de burgemeester of, bij mandaat, door een
wethouder. Platform31 tekent na ontvangst mee. Wij ontvangen de ondertekende overeenkomst graag uiterlijk
1 maart 2023 als scan per e-mail.
Met vriendelijke groet,
Victor Everhardt
directeur-bestuurder Platform31"""


@pytest.mark.parametrize("addressee", ["Aan de burgemeesters en gemeentesecretarissen",
                                       "Aan de colleges van burgemeester en wethouders",
                                       "Aan de leden van het Algemeen Bestuur"])
def test_a_letter_to_the_g40_cities_about_signing_is_a_cover_letter(addressee):
    # a letter to all member cities that explains the agreement names it often: it is no agreement
    page = page_from_text(1, P31_LETTER.format(addressee=addressee))
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), [page])
    assert [d.doc_type for d in docs] == [DocType.COVER_LETTER]


MUNICIPAL_LETTER = """Gemeente Haarlem
Stichting Platform31
t.a.v. mevrouw A. Punte, relatiemanager G40
Postbus 30833
2500 GV Den Haag
Datum 8 februari 2023
Ons kenmerk 2023/123456
Onderwerp ondertekende samenwerkingsovereenkomst
Geachte mevrouw Punte,
Hierbij ontvangt u de door de burgemeester ondertekende samenwerkingsovereenkomst 2023-2027 tussen
Platform31 en de gemeente Haarlem. Het college heeft op 31 januari 2023 ingestemd met de overeenkomst.
De jaarlijkse bijdrage van € 24.434,70 wordt na ontvangst van uw factuur voldaan.
Met vriendelijke groet,
namens het college van burgemeester en wethouders van Haarlem,
J. de Vries
hoofd Bestuurszaken"""


def test_a_municipalitys_letter_sending_the_agreement_is_a_cover_letter():
    # the letter that covers what it sends is a cover letter, whoever writes it
    [doc] = split_documents(SourceFile("brief.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, MUNICIPAL_LETTER)])
    assert doc.doc_type is DocType.COVER_LETTER


ADVICE = """gemeente Dordrecht
Advies aan burgemeester en wethouders
Onderwerp Samenwerkingsovereenkomst Platform31 - G40 Stedennetwerk 2023-2027
Datum nota 8 februari 2023
Advies
1. In te stemmen met het sluiten van de samenwerkingsovereenkomst met Stichting Platform31.
2. De burgemeester te machtigen de overeenkomst namens de gemeente te ondertekenen.
Financiële gevolgen
De bijdrage bedraagt € 17.931 per jaar."""


@pytest.mark.parametrize("decision", [
    "BESLUIT BURGEMEESTER EN WETHOUDERS\nDatum vergadering 28 februari 2023\nBesluit Akkoord conform voorstel\n"
    "Paraaf secretaris bn",
    "Besluit van het college van B&W\nIn de vergadering van 28-02-2023 is besloten: conform advies.\n"
    "De secretaris, De burgemeester,",
])
def test_the_decision_on_a_page_of_its_own_is_part_of_its_memo(decision):
    """A memo's decision box printed on the page after it names a decision of the college, as a memo's title
    would: without a subject of its own it is the memo's last page, not another memo."""
    pages = [page_from_text(1, ADVICE), page_from_text(2, decision)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.DECISION_MEMO, "1-2")]


AGREEMENT_SIGNED = ("Samenwerkingsovereenkomst Platform31 en gemeente Almere\nGemeente Almere, te dezen "
                    "vertegenwoordigd door A. Bijleveld, waarnemend burgemeester\nArtikel 3\nDe jaarlijkse bijdrage "
                    "bedraagt € 32.674,20.", "Voor akkoord getekend:\nVoor de gemeente Almere, Voor Stichting "
                    "Platform31,\nPlaats: Almere Plaats:\nDatum: 23-02-2023 Datum:\nA. Bijleveld V. Everhardt\n"
                    "waarnemend burgemeester directeur-bestuurder")


@pytest.mark.parametrize("form", [
    "Opgave factuurgegevens\nGraag retour met de ondertekende samenwerkingsovereenkomst\nNaam debiteur Gemeente "
    "Almere\nFactuuradres Postbus 5847, Almere\nInkoopordernummer 4545311645\nContactpersoon P. Claassen",
    "FORMULIER CONTACTGEGEVENS G40\nContactpersoon: P. Claassen\nTelefoon: 036 539 9111\nE-mail: p.claassen@almere.nl",
])
def test_a_form_of_its_own_after_the_signed_agreement_is_another_document(form):
    """After the signing page, a page under a heading of its own that names no kind of document and reads as no
    agreement (a form for the invoice details) is a document of its own."""
    pages = [page_from_text(1, AGREEMENT_SIGNED[0]), page_from_text(2, AGREEMENT_SIGNED[1]), page_from_text(3, form)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1-2"), (DocType.OTHER, "3")]


@pytest.mark.parametrize("annex", [
    "Bijlage 1 bij de samenwerkingsovereenkomst\nActiviteiten 2023\nThemagroepen, leergemeenschappen en "
    "bijeenkomsten voor de G40-steden.",
    "Vervolg ondertekening\nNamens de gemeente Almere,\nde secretaris,\nJ. Jansen",
])
def test_an_annex_or_a_second_signing_page_stays_with_the_agreement(annex):
    pages = [page_from_text(1, AGREEMENT_SIGNED[0]), page_from_text(2, AGREEMENT_SIGNED[1]), page_from_text(3, annex)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1-3")]


AGREEMENT_PAGES = ("""Samenwerkingsovereenkomst behorende bij het Convenant
G40-Stedennetwerk en Platform31
Gemeente Zwolle, postadres Postbus 4768, 8061 WD Zwolle, vertegenwoordigd door P. Snijders
(burgemeester), hierna te noemen "de gemeente"
en
de stichting Stichting Platform31, ten deze vertegenwoordigd door de heer V. Everhardt, directeur-bestuurder,
VERKLAREN TE ZIJN OVEREENGEKOMEN ALS VOLGT:
Art. 1 Duur van de overeenkomst
De samenwerking vangt aan op 1 maart 2023 en loopt tot en met 31 december 2027.
Art. 2 Tussentijdse beëindiging
Ieder van partijen kan de overeenkomst tussentijds schriftelijk opzeggen.
{foot}""", """Art. 3 Inhoud van de samenwerking
3.1 De samenwerking omvat de activiteiten die in het convenant tussen het Stedennetwerk G40 en
Platform31 zijn afgesproken; het convenant is op deze overeenkomst van toepassing.
3.2 Aanvullende werkzaamheden buiten het convenant worden afzonderlijk overeengekomen.
Art. 4 Bijdrage van de gemeente
Bijdrage G40-convenant (CBS, 1 januari 2022) 130 668 € 0,15 € 19 600,20
Art. 5 Evaluatie
De evaluatie van het convenant in de eerste helft van 2027 geldt tevens als evaluatie van deze
overeenkomst. Op het convenant en deze overeenkomst is Nederlands recht van toepassing.
{foot}""", """Voor akkoord getekend:
Voor de gemeente Zwolle,
....................................................
P. Snijders
burgemeester
Voor Stichting Platform31,
....................................................
V. Everhardt
directeur-bestuurder
{foot}""")


@pytest.mark.parametrize("foot", ["Samenwerkingsovereenkomst Platform31 – Zwolle pag. ", "Pagina ", "blz. ", ""])
def test_a_page_that_talks_of_the_covenant_in_the_middle_of_an_agreement_is_the_agreements(foot):
    """The middle page of a born-digital agreement says 'convenant' four times and 'overeenkomst' twice: its running
    footer's page number (or, without one, its articles going on from the page before) keeps it in the
    agreement, and the signature page after it too."""
    pages = [page_from_text(i + 1, t.format(foot=f"{foot}{i + 1}" if foot else "").rstrip())
             for i, t in enumerate(AGREEMENT_PAGES)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1-3")]


@pytest.mark.parametrize("title", ["Voorstel aan burgemeester en wethouders", "Nota voor B en W", "Notaaan hetcollege.",
                                   "._” Notaaan hetcollege. …: _ en .",
                                   "Voorstel aan het college van burgemeester en wethouders", "Advies aan B&W"])
def test_a_proposal_to_the_mayor_and_aldermen_is_a_memo_whatever_agreement_it_names(title):
    page = (f"GEMEENTE ARNHEM\nStadskantoor, Burgemeester Jansenlaan 10\n{title}\nKenmerk 2023-124713 | opgesteld "
            "10-01-2023\nNieuwe samenwerkingsovereenkomst G40 — Platform31\nHet college besluit op 17 januari 2023:\n"
            "* in te stemmen met de samenwerkingsovereenkomst tussen de gemeente Arnhem en Stichting Platform31;\n"
            "* de burgemeester te machtigen de overeenkomst namens de gemeente te ondertekenen.\n"
            "De bijdrage aan Platform31 bedraagt vanaf 2023 € 24.583,20 per jaar.\n")
    assert title_types(page)[0] is DocType.DECISION_MEMO
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, page)])
    assert [d.doc_type for d in docs] == [DocType.DECISION_MEMO]


@pytest.mark.parametrize("title", ["SAMENWERKINGSOVEREENKOMST 2023: -2027-", "Samenwerkingsovereenkomst 2023-2027"])
def test_a_title_whose_years_a_scan_gave_a_colon_is_no_label(title):
    """'SAMENWERKINGSOVEREENKOMST 2023: -2027-': a colon after a year is a speck, not a label's ('Onderwerp: ...')."""
    page = f"gemeente groningen\nPostbus 5176, 9775 XH Groningen\n{title}\nDe Gemeente Groningen, vertegenwoordigd door"
    assert title_types(page) == [DocType.AGREEMENT]


def test_the_covenants_signature_page_on_its_own_stays_with_the_covenant():
    """The covenant's text ends on one page and its signatures (Platform31's director, the G40's chair) stand on
    the next: a page of a signing formula and two names, no agreement of a municipality."""
    body = COVENANT_2.format(bullet="b.").rsplit("Aldus", 1)[0]
    signatures = ("Aldus opgemaakt in tweevoud te Den Haag op 19 december 2022,\nBl\n"
                  "De heer V. Everhardt De heer P. Depla\ndirecteur Platform31 voorzitter Stedennetwerk G40")
    pages = [page_from_text(1, COVENANT_1), page_from_text(2, body), page_from_text(3, signatures)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.COVENANT, "1-3")]


@pytest.mark.parametrize("foot", ["Pdgina2van2 Cost Hen ts Reg.nr. BS/2023010: ie", "Paglna 2 van 2"])
def test_a_speckled_page_marker_still_numbers_the_annex(foot):
    """A speckled scan read the annex's footer 'Pagina 2 van 2' as 'Pdgina2van2': still the agreement's page 2,
    whatever its garbled title ('Bijlge Är Berêkening')."""
    first = ("SAMENWERKINGSOVEREENKOMST\nDe gemeente Assen, vertegenwoordigd door burgemeester M.L.J. Out, hierna "
             "te noemen: de gemeente\nAldus in tweevoud opgemaakt te Assen\nPagina 1 van 2")
    second = ("“Bijlge Är Berêkening parijse vergoeding\n| en\n‘Inwonertal genieente per t januari 2022 (CBS) D 5 7\n"
              f"Jaarlijkse vergoedìrig (excl btw) ik A de g Ee 10: 346,85 euro\n{foot}")
    pages = [page_from_text(1, first), page_from_text(2, second)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1-2")]


def test_the_g40s_letter_signed_by_its_chair_is_a_letter_not_the_covenant():
    """The variant the covenant's signatories must survive: the G40's letter to its members, signed by its chair
    alone and naming the covenant in its subject and enclosures, is a covering letter."""
    letter = ("gemeente g40 stedennetwerk\nAan de leden van het Algemeen Bestuur van het G40-Stedennetwerk\nDatum 21 "
              "december 2022\nOnderwerp Nieuw convenant G40 - Platform31\nBijlagen convenant; format overeenkomst "
              "stad - Platform31\nGeachte leden van het Algemeen Bestuur,\nHet convenant loopt op 28 februari 2023 "
              "af. Wij zenden u hierbij een nieuw convenant.\nMet vriendelijke groet,\n"
              "P. Depla, voorzitter G40-Stedennetwerk")
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), [page_from_text(1, letter)])
    assert [d.doc_type for d in docs] == [DocType.COVER_LETTER]


@pytest.mark.parametrize("signatures", [
    # stacked, under the municipality's letterhead repeated on every page
    "Gemeente 's-Hertogenbosch\nJ. Mikkers\nburgemeester\nUw kenmerk: G40/P31\nStichting Platform31\nnn\n"
    "V. Everhardt\ndirecteur-bestuurder",
    # side by side, a scribble read as letters between the headings and the names
    "Stüchting Platform31 _ Gemeente Hengelo\nDN\nZea\nV, Everhardt S.WJ.G. Schelberg\n"
    "directeur-bestuurder burgemeester",
    # one party per half of the page, a 'Plaats/Datum' form filled in by hand
    "Stichting Platform31\nV. Everhardt\ndirecteur-bestuurder\nPostbus 9200, 6800 HA Arnhem\nGemeente Arnhem\n"
    "Plaats: _Arnhem\nDatum: 9 fepr. 2023\nEe\nA. Marcouch\nburgemeester",
    # an alderman signing for the mayor, the Platform31 block left to sign later
    "Gemeente Groningen\nT.J. ten Brink-Oosting\nwethouder, namens de burgemeester\nkenmerk 2023-0117\n"
    "Stichting Platform31 te Den Haag\nhandtekening volgt",
])
def test_a_page_of_signature_blocks_after_the_signing_line_stays_with_the_agreement(signatures):
    """The signing line closes the last page of text and the blocks stand alone on the next page, under a running
    letterhead: names over their offices are the agreement's signatures, not a document of their own."""
    pages = [page_from_text(1, AGREEMENT_SIGNED[0] + "\nGetekend te Almere d.d. 10 feb. 2023"),
             page_from_text(2, signatures)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1-2")]


@pytest.mark.parametrize("form", [
    "Opgave factuurgegevens\nFactuur t.a.v. het college van burgemeester en wethouders\nNaam debiteur Gemeente "
    "Almere\nFactuuradres Postbus 5847, Almere\nInkoopordernummer 4545311645\nContactpersoon P. Claassen",
    "Contactgegevens G40-contactpersoon\nNaam: P. Claassen\nFunctie: beleidsadviseur\nTelefoon: 036 539 9111\n"
    "E-mail: p.claassen@almere.nl",
])
def test_a_form_naming_an_office_in_a_sentence_still_stands_apart(form):
    """A form after the signed agreement that names the college in a sentence, or a contact's job, holds no
    signature block: it stays a document of its own."""
    pages = [page_from_text(1, AGREEMENT_SIGNED[0]), page_from_text(2, AGREEMENT_SIGNED[1]), page_from_text(3, form)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1-2"), (DocType.OTHER, "3")]


@pytest.mark.parametrize("office", ["nbeeies Platform31 voorzitter Stedennetwerk G40", "directeur Platform31 ee"])
def test_a_page_under_the_running_footer_of_the_page_before_goes_on_with_it(office):
    """The covenant's signature page, its page number lost and an office garbled: the footer it repeats from
    the page before ('Convenant G40 - Platform31 -1-') says whose page it is, whatever its signing formula."""
    body = COVENANT_2.format(bullet="b.").rsplit("Aldus", 1)[0] + "\nConvenant G40 - Platform31 -1-"
    signatures = ("Aldus opgemaakt in tweevoud te Den Haag op 19 december 2022,\nDe heer V. Everhardt De heer P. "
                  f"Depla.\n{office}\nho\nConvenant G40 - Platform31")
    pages = [page_from_text(1, COVENANT_1), page_from_text(2, body), page_from_text(3, signatures)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.COVENANT, "1-3")]


def test_agreements_of_one_batch_sharing_a_footer_still_split_at_their_titles():
    """The variant the shared footer must survive: a batch scan of two towns' agreements printed from one model,
    the same footer on every page; the second opens with its title and parties."""
    first = ("Samenwerkingsovereenkomst\nDe gemeente Gouda, vertegenwoordigd door burgemeester P. Verhoeve, hierna te "
             "noemen: de gemeente\nDe bijdrage bedraagt € 11.114,25 per jaar.\nAldus in tweevoud opgemaakt te Gouda "
             "op 2 februari 2023\nSamenwerkingsovereenkomst G40 - Platform31")
    second = ("Samenwerkingsovereenkomst\nDe gemeente Schiedam, vertegenwoordigd door burgemeester C.H.J. Lamers, "
              "hierna te noemen: de gemeente\nDe bijdrage bedraagt € 12.029,10 per jaar.\nAldus in tweevoud "
              "opgemaakt te Schiedam op 3 februari 2023\nSamenwerkingsovereenkomst G40 - Platform31")
    pages = [page_from_text(1, first), page_from_text(2, second)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1"), (DocType.AGREEMENT, "2")]


RAADSINFORMATIEBRIEF = """Gemeente ”
Sittard-Geleen
Postbus 5000 - 8074 BE Sittard - www.sittardgêleen.nl
{title}
Datum 27 februari 2023
Kenmerk 5 FIN/8435/2023 f 4
Onderwerp SOE Nieuwe samenwerkingsovereenkomst met Platform31 (2023-2027)
Portefeuillehouder Ee burgemeester J.Th.M.C. Verheijen Ee
Geachte leden:van de raad,
Met deze brief infoumeren wij u over de voortzetting van de samenwerking met Platform31. Op [4
februari 2023 heeft ons college besloten de samenwerkingsovereenkomst met Platform31 voor de jaren
2023 tot en met 2027 aan te gaan.
Kosten
De bijdrage bedraagt € 0,15 per inwoner per jaar. Voor Sittard- Geleen komt dat neer op € 13.758 per jaar.
… Met vriendelijke groet,
Burgemeester en wethouders van ‘Sittard-Geleen,
de secretaris, dee de burgemeester,
_mr.C. El Idrissi da Ë J.Th.M.C. Verheijen"""


@pytest.mark.parametrize("title", ["Raadsinformatichrief", "Raadsinformatiebrief", "Raadsinformatie brief"])
def test_a_council_letter_whose_title_ocr_garbled_is_a_memo_not_a_covering_letter(title):
    """A raadsinformatiebrief as a poor scan read it: its title garbled ('Raadsinformatichrief'), 'Geachte
    leden:van de raad', 'heeft ons college besloten', and a letter's greeting at its end. It reports the
    college's decision: a memo."""
    pages = [page_from_text(1, RAADSINFORMATIEBRIEF.format(title=title))]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [d.doc_type for d in docs] == [DocType.DECISION_MEMO]
