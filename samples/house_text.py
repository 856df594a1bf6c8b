"""Wording for the house-style corpus: Dutch number and date notations, people's names and the paraphrase pools.

Written from the Deventer seed and general knowledge of Dutch municipal documents; every pool holds several
paraphrases of the same clause so that a house style can pick its own.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

RATE = Decimal("0.15")
OLD_RATE = Decimal("0.13")
RAISE = Decimal("0.02")

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
MONTHS_SHORT = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
MONTHS_STAMP = ["JAN", "FEB", "MRT", "APR", "MEI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEC"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

DATE_STYLES = 7
COVENANT_DATE = date(2022, 12, 19)
LETTER_DATE = date(2022, 12, 21)


def cents(value: Decimal) -> Decimal:
    """Round half up to cents."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def euros(value: Decimal) -> Decimal:
    """Round half up to whole euros."""
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def thousands(n: int, sep: str = ".") -> str:
    """12345 -> '12.345'."""
    return f"{n:,}".replace(",", sep)


def fmt_eur(value: Decimal, style: int) -> str:
    """An amount with cents in one of the Dutch notations."""
    v = cents(value)
    whole = int(v)
    frac = f"{int((v - whole) * 100):02d}"
    body = f"{thousands(whole)},{frac}"
    return [
        f"€ {body}",
        f"€{body}",
        f"EUR {body}",
        f"{body} euro",
        f"€ {whole},{frac}",
        f"EURO {body}",
        f"€ {thousands(whole)},-" if frac == "00" else f"€ {body}",
    ][style % 7]


EUR_STYLES = 7


def fmt_eur_round(value: Decimal, style: int) -> str:
    """An amount rounded to whole euros, as memos write it."""
    whole = int(euros(value))
    return [f"€ {thousands(whole)}", f"€ {thousands(whole)},-", f"EUR {thousands(whole)}", f"€{thousands(whole)}",
            f"{thousands(whole)} euro"][style % 5]


def fmt_rate(value: Decimal, style: int) -> str:
    """A rate per inhabitant: € 0,15."""
    s = f"{value:.2f}".replace(".", ",")
    return [f"€ {s}", f"€{s}", f"EUR {s}", f"€ {s}", f"{s} euro", f"€ {s}", f"€ {s}"][style % 7]


def fmt_date(d: date, style: int) -> str:
    """A date in one of the Dutch notations."""
    return [
        f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{d.day} {MONTHS_SHORT[d.month - 1]} {d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day}-{d.month}-{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}",
    ][style % DATE_STYLES]


def fmt_stamp_date(d: date, style: int) -> str:
    """A date as a date-stamp prints it."""
    return [f"{d.day:02d} {MONTHS_STAMP[d.month - 1]} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day} {MONTHS_STAMP[d.month - 1]}. {d.year}"][style % 3]


def workday(d: date) -> date:
    """The next working day on or after d."""
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def next_weekday(d: date, weekday: int) -> date:
    """The first date on or after d that falls on the weekday (0 = Monday)."""
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


# --- people ------------------------------------------------------------------------------------------------------

FEMALE_FIRST = {"Ank", "Liesbeth", "Marja", "Elly", "Mieke", "Annemarie", "Ineke", "Anja", "Marianne", "Wobine",
                "Anna", "Marieke", "Ingrid", "Petra", "Saskia", "Esther", "Fatima", "Linda", "Sanne", "Joke",
                "Yvonne", "Christine", "Thea", "Hanneke", "Karin", "Mirjam", "Nadia", "Loes", "Ellen", "Judith"}
FEMALE_SURNAMES = {"Schouten", "Bijleveld", "Spies", "Bijsterveldt-Vliegenthart", "Schuurmans-Wijdeven",
                   "Blanksma-van den Heuvel", "Baltus", "Penn-te Strake", "Buijs-Glaudemans"}
MALE_FIRST = {"Arjen", "Tjapko", "Ahmed", "Marco", "René", "Jeroen", "Pieter", "Jos", "Roel", "Jan", "Henri",
              "Han", "Jack", "Theo", "Michel", "Peter", "Paul", "Victor"}


@dataclass(frozen=True)
class Person:
    """A signing person: initials and surname, optionally a first name, a title and a gender."""

    initials: str
    surname: str  # with its particle: "van der Berg-Smit", "Haersma Buma" (particle separate below)
    particle: str = ""
    first: str = ""
    female: bool | None = None
    title: str = ""
    post: str = ""

    @property
    def truth(self) -> str:
        """'Chr.J. van der Berg-Smit': initials without spaces, no titles."""
        return " ".join(p for p in (self.initials.replace(" ", ""), self.particle, self.surname) if p)

    def short(self) -> str:
        return self.truth

    def printed(self, style: str) -> str:
        """The name as a house prints it: 'initials', 'full', 'title', 'dhr', 'dhr_title', 'post'."""
        plain_first = bool(self.first) and self.initials == self.first[0].upper() + "."
        given = self.first if (style == "full" and plain_first) else self.initials
        core = " ".join(p for p in (given, self.particle, self.surname) if p)
        if style in ("title", "dhr_title") and self.title:
            core = f"{self.title} {core}"
        if style == "post" and self.post:
            core = f"{core} {self.post}"
        if style in ("dhr", "dhr_title") and self.female is not None:
            core = f"{'mevrouw' if self.female else 'de heer'} {core}"
        return core

    def with_titles(self, title: str, post: str) -> Person:
        return Person(self.initials, self.surname, self.particle, self.first, self.female, title, post)


PARTICLES = ("van der", "van den", "van de", "van", "de", "den", "ten", "ter", "te", "in 't", "op den", "'t")


def parse_person(cell: str) -> Person:
    """The first person of a reference 'mayor' cell: 'Firstname Surname' or 'A.B. Surname', notes in brackets."""
    plain = re.sub(r"\([^)]*\)?", "", cell)
    tokens = plain.split(";")[0].strip().strip(",").split()
    if not tokens:
        return Person("X.", "Onbekend")
    head, rest = tokens[0], tokens[1:]
    if head.endswith("."):
        initials, first = head, ""
    else:
        first = head
        initials = "IJ." if head.startswith("IJ") else head[0].upper() + "."
    particle_tokens: list[str] = []
    while len(rest) > 1 and rest[0].islower():
        particle_tokens.append(rest.pop(0))
    surname = " ".join(rest) if rest else head
    female: bool | None
    if first in FEMALE_FIRST or surname in FEMALE_SURNAMES:
        female = True
    elif first in MALE_FIRST or not first:
        female = False
    else:
        female = None
    return Person(initials, surname, " ".join(particle_tokens), first, female)


def acting(cell: str) -> bool:
    """Whether the reference marks the first person as acting (waarnemend) mayor."""
    m = re.match(r"[^(;]*\(([^)]*)\)", cell)
    return bool(m and m.group(1).strip().lower().startswith("waarnemend"))


MALE_NAMES = [("Jan", "J."), ("Pieter", "P."), ("Willem", "W."), ("Hendrik", "H."), ("Kees", "C."), ("Bas", "B."),
              ("Mark", "M."), ("Ruud", "R."), ("Erik", "E."), ("Frank", "F."), ("Christiaan", "Chr."),
              ("Theodoor", "Th."), ("Philip", "Ph."), ("IJsbrand", "IJ."), ("Jeroen", "J."), ("Sander", "S."),
              ("Martijn", "M."), ("Mustafa", "M."), ("Gerrit", "G."), ("Koen", "K."), ("Thijs", "Th."),
              ("Hans", "J."), ("Huub", "H.")]
FEMALE_NAMES = [("Anna", "A."), ("Marieke", "M."), ("Ingrid", "I."), ("Petra", "P."), ("Saskia", "S."),
                ("Esther", "E."), ("Fatima", "F."), ("Linda", "L."), ("Sanne", "S."), ("Joke", "J."),
                ("Yvonne", "Y."), ("Christine", "Chr."), ("Thea", "Th."), ("Hanneke", "J."), ("Karin", "K."),
                ("Mirjam", "M."), ("Nadia", "N."), ("Loes", "L."), ("Judith", "J."), ("Philippa", "Ph.")]
SURNAMES = [("", "Jansen"), ("", "Bakker"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("", "Mulder"),
            ("", "Bos"), ("", "Kuipers"), ("", "Hoekstra"), ("", "Dekker"), ("", "Brouwer"), ("", "Peeters"),
            ("", "Yilmaz"), ("", "El Idrissi"), ("", "Schipper"), ("", "Vermeulen"), ("van", "Dijk"),
            ("van der", "Meer"), ("van den", "Berg"), ("van de", "Ven"), ("de", "Boer"), ("de", "Jong"),
            ("ten", "Brink"), ("ter", "Horst"), ("te", "Velde"), ("in 't", "Veld"), ("van", "Leeuwen"),
            ("", "Jansen-de Wit"), ("van der", "Berg-Smit"), ("", "Bakker-van Dam"), ("de", "Vries-Hoogland"),
            ("", "Haverkamp"), ("", "Willemsen"), ("van", "Wijk"), ("", "Akkerman"), ("", "Veldhuis")]
TITLES = ["mr.", "drs.", "ir.", "dr.", "ing.", "prof. dr.", "mr. drs.", "drs. ing."]
POSTS = ["MSc", "MA", "MBA", "LLM", "BSc"]


def invent_person(rng: random.Random) -> Person:
    """An invented alderman, secretary or civil servant."""
    female = rng.random() < 0.5
    first, init = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    extra = rng.random()
    if extra < 0.35:
        init = init + rng.choice(["A.", "J.", "M.", "C.", "H.", "W.", "P.", "Th.", "E."])
    elif extra < 0.45:
        init = init + rng.choice(["A.", "J.", "M."]) + rng.choice(["C.", "H.", "W."])
    particle, surname = rng.choice(SURNAMES)
    title = rng.choice(TITLES) if rng.random() < 0.4 else ""
    post = rng.choice(POSTS) if not title and rng.random() < 0.2 else ""
    return Person(init, surname, particle, first, female, title, post)


PORTFOLIOS = ["Financiën", "Economische Zaken", "Economie en Werk", "Financiën en Bedrijfsvoering",
              "Wonen en Ruimtelijke Ordening", "Sociaal Domein", "Onderwijs en Cultuur", "Duurzaamheid en Mobiliteit",
              "Binnenstad en Economie"]

STREETS = ["Stadhuisplein", "Markt", "Raadhuisplein", "Stationsplein", "Grote Markt", "Stadskantoor, Noordplein",
           "Beursplein", "Burgemeester Jansenplein", "Kerkplein", "Spoorlaan", "Laan van het Stadhuis"]


def invent_address(rng: random.Random, town: str) -> tuple[str, str, str]:
    """(street and number, postcode, P.O. box line) for a town hall."""
    street = f"{rng.choice(STREETS)} {rng.randint(1, 40)}"
    letters = "ABCDEGHJKLMNPRSTVWXZ"
    pc = f"{rng.randint(1000, 9999)} {rng.choice(letters)}{rng.choice(letters)}"
    box = f"Postbus {rng.choice([1, 10, 15, 100, 500, 1000, 2000, 9000, 10000, 15000, 20000])}, " \
          f"{int(pc[:4]) // 100 * 100 + rng.randint(0, 9)} {rng.choice('ABCDE')}{rng.choice('ABCDEG')} {town}"
    return street, pc, box


# --- agreement wording ---------------------------------------------------------------------------------------------

CONVENANT_NAME = [
    "Convenant G40-Stedennetwerk en Platform31: Samenwerken aan Aantrekkelijke en Krachtige Steden, 2023 t/m 2027",
    "convenant Stedennetwerk G40 en Platform31 ‘Samenwerken aan aantrekkelijke en krachtige steden 2023 t/m 2027’",
    "Convenant G40 Stedennetwerk – Platform31 2023-2027",
    "convenant ‘Samenwerken aan aantrekkelijke en krachtige steden’ tussen het G40-Stedennetwerk en Platform31",
    "G40-convenant met Platform31 voor de periode 2023-2027",
]

AGREEMENT_TITLES = [
    ("Samenwerkingsovereenkomst", "behorende bij het {conv}"),
    ("Uitvoeringsovereenkomst", "bij het {conv}"),
    ("Overeenkomst", "tussen Stichting Platform31 en de gemeente {m}"),
    ("Samenwerkingsovereenkomst gemeente {m} – Platform31", "ter uitvoering van het {conv}"),
    ("Uitvoeringsovereenkomst G40 – Platform31", "gemeente {m}, looptijd 2023 t/m 2027"),
    ("Overeenkomst inzake samenwerking", "in het kader van het {conv}"),
    ("Samenwerkingsovereenkomst Platform31 – gemeente {m} 2023-2027", ""),
]

KENMERK_FORMATS = [
    ("Kenmerk", "Z/23/{n6}"), ("Ons kenmerk", "2023-{n6}"), ("Zaaknummer", "Z-22-{n5}"),
    ("Registratienummer", "INT-23-{n5}"), ("Documentnummer", "23.{n7}"), ("Kenmerk", "{ab}/{n4}/2023"),
    ("Contractnummer", "CN-{n4}-P31"),
]


def kenmerk(rng: random.Random, idx: int) -> tuple[str, str]:
    label, fmt = KENMERK_FORMATS[idx % len(KENMERK_FORMATS)]
    value = fmt.format(n4=rng.randint(1000, 9999), n5=rng.randint(10000, 99999), n6=rng.randint(100000, 999999),
                       n7=rng.randint(1000000, 9999999), ab=rng.choice(["BSD", "EZ", "CS", "BV", "SO", "FIN"]))
    return label, value


P31_PARTY = [
    "De stichting, Stichting Platform31, gevestigd aan het Koningin Julianaplein 10 (7e verdieping) te Den Haag, "
    "in deze rechtsgeldig vertegenwoordigd door haar directeur-bestuurder, {p31}, hierna te noemen: Platform31",
    "Stichting Platform31, statutair gevestigd te Den Haag en kantoorhoudende aan het Koningin Julianaplein 10, "
    "2595 AA Den Haag, te dezen vertegenwoordigd door haar directeur-bestuurder {p31}, hierna: ‘Platform31’",
    "Platform31, kennis- en netwerkorganisatie voor stad en regio, zetelend te Den Haag (Koningin Julianaplein 10), "
    "ten deze vertegenwoordigd door {p31}, directeur-bestuurder, hierna te noemen ‘Platform31’",
    "de stichting Stichting Platform31 (KvK 56279140), met zetel te Den Haag, rechtsgeldig vertegenwoordigd door "
    "{p31} in de hoedanigheid van directeur-bestuurder, verder te noemen ‘Platform31’",
    "Stichting Platform31 te Den Haag (Koningin Julianaplein 10), vertegenwoordigd door de directeur-bestuurder, "
    "{p31}, hierna ‘Platform31’ genoemd",
]

# {m} municipality, {addr} street, {pc} postcode, {rep} representation, {dec} decision clause
GEM_PARTY = [
    "De gemeente {m}, gevestigd aan {addr} in {m}, in deze rechtsgeldig vertegenwoordigd door {rep}{dec}, "
    "hierna te noemen: de gemeente",
    "De publiekrechtelijke rechtspersoon gemeente {m}, kantoorhoudende aan {addr}, {pc} {m}, ten deze "
    "vertegenwoordigd door {rep}{dec}, hierna te noemen: ‘de gemeente’",
    "Gemeente {m} ({addr}, {pc} {m}), te dezen vertegenwoordigd door {rep}{dec}, hierna: de Gemeente",
    "de gemeente {m}, zetelend ten stadhuize te {m}, ten deze krachtens artikel 171 van de Gemeentewet "
    "vertegenwoordigd door {rep}{dec}, verder te noemen ‘de gemeente’",
    "De gemeente {m}, publiekrechtelijke rechtspersoon, kantoorhoudende te {m} aan {addr}, te dezen "
    "vertegenwoordigd door {rep}{dec}, hierna te noemen ‘Gemeente’",
    "het college van burgemeester en wethouders van de gemeente {m}, zetelend te {m}, voor deze "
    "vertegenwoordigd door {rep}{dec}, hierna te noemen: de gemeente",
]

DEC_CLAUSES = [
    " op basis van het collegebesluit van {d}",
    ", daartoe gemachtigd bij besluit van het college van burgemeester en wethouders van {d}",
    ", handelende ter uitvoering van het besluit van burgemeester en wethouders d.d. {d}",
    " ingevolge het besluit van het college van {d}",
    ", conform het collegebesluit d.d. {d}",
]

MANDATE_CLAUSES = [
    ", handelend namens de burgemeester krachtens mandaat",
    ", daartoe gemandateerd door de burgemeester",
    " namens de burgemeester (mandaatbesluit)",
]

OVERWEGINGEN_HEAD = ["Overwegende dat:", "Overwegende:", "Partijen overwegen het volgende:",
                     "In aanmerking nemende dat:", "OVERWEGENDE DAT"]

OVERWEGINGEN = [
    [
        "de stichting Platform31 en het G40-Stedennetwerk op 19 december 2022 een Convenant hebben gesloten waarmee "
        "zij een samenwerkingsverband zijn aangegaan voor de periode 1 maart 2023 t/m 31 december 2027;",
        "het G40-Stedennetwerk een samenwerkingsverband betreft tussen 41 gemeenten;",
        "het G40-Stedennetwerk geen rechtspersoonlijkheid heeft;",
        "in het Convenant afspraken zijn gemaakt waarvan het wenselijk is dat deze door zowel Platform31 als de "
        "individuele gemeenten nagekomen worden.",
    ],
    [
        "Platform31 en het Stedennetwerk G40 op 19 december 2022 een convenant zijn aangegaan voor de jaren 2023 tot "
        "en met 2027;",
        "de G40 een netwerk is van 41 middelgrote steden zonder rechtspersoonlijkheid, zodat iedere deelnemende "
        "gemeente afzonderlijk een overeenkomst met Platform31 sluit;",
        "de gemeente lid is van het G40-Stedennetwerk en deelneemt aan de uitvoering van het convenant;",
        "partijen hun afspraken in deze overeenkomst wensen vast te leggen.",
    ],
    [
        "het convenant van 19 december 2022 tussen Platform31 en de G40 voorziet in een gefixeerde bijdrage per "
        "deelnemende stad;",
        "de financiering van het convenant via afzonderlijke overeenkomsten per gemeente loopt, omdat de G40 "
        "formeel geen rechtspersoon is;",
        "de vorige uitvoeringsovereenkomst (2018) per 1 maart 2023 afloopt.",
    ],
    [
        "Platform31 als onafhankelijke kennis- en netwerkorganisatie de G40-steden ondersteunt met kennis, "
        "onderzoek en netwerkbijeenkomsten;",
        "het G40-Stedennetwerk en Platform31 op 19 december 2022 het convenant hebben ondertekend;",
        "het G40-Stedennetwerk geen rechtspersoonlijkheid bezit en de afspraken daarom per gemeente worden "
        "vastgelegd.",
    ],
]

ART_DURATION = [
    ["De samenwerkingsovereenkomst vangt aan op 1 maart 2023 en loopt van rechtswege af op 31 december 2027 zonder "
     "dat daarvoor enige opzegging vereist is.",
     "De overeenkomst kan tussentijds beëindigd worden door beide partijen door middel van een schriftelijke "
     "kennisgeving van de ene partij aan de andere partij.",
     "De beëindiging dient voor 1 september van het lopende jaar tegen 1 januari van het komende kalenderjaar "
     "schriftelijk aan de andere partij gezonden te worden, waardoor een opzegtermijn van vier maanden in acht "
     "genomen wordt."],
    ["Deze overeenkomst wordt aangegaan voor de periode van 1 januari 2023 tot en met 31 december 2027 en eindigt "
     "van rechtswege na het verstrijken van die periode.",
     "Elk van partijen kan de overeenkomst schriftelijk opzeggen tegen 1 januari van een kalenderjaar, met "
     "inachtneming van een opzegtermijn van ten minste vier maanden (uiterlijk 1 september)."],
    ["De looptijd van deze uitvoeringsovereenkomst is gelijk aan die van het convenant: van 1 maart 2023 tot "
     "1 januari 2028.",
     "Tussentijdse opzegging is mogelijk per het einde van een kalenderjaar; de opzegging moet de andere partij "
     "vóór 1 september van dat jaar schriftelijk hebben bereikt."],
    ["Deze overeenkomst treedt in werking op 1 maart 2023 en eindigt op 31 december 2027.",
     "Partijen kunnen de overeenkomst tussentijds schriftelijk beëindigen tegen 1 januari van het volgende "
     "kalenderjaar, mits de opzegging vóór 1 september is verzonden."],
]

ART_CONTENT = [
    ["Platform31 biedt de gemeente een samenwerking die leidt tot hetgeen vermeld onder punt 2 in het Convenant "
     "alsmede in Bijlage 1 bij het Convenant.",
     "Naast de samenwerking zoals vermeld in het Convenant is het ook mogelijk dat Platform31 een aanvullende "
     "samenwerking aangaat met, en/of producten en diensten levert aan, de gemeente. Over eventuele aanvullende "
     "werkzaamheden voeren partijen nader overleg en leggen zij de afspraken separaat vast."],
    ["Platform31 levert de gemeente de producten en diensten die in artikel 2 van het convenant en de bijlagen "
     "daarbij zijn beschreven, waaronder jaarplannen, kennisbijeenkomsten en praktijkgericht onderzoek.",
     "Aanvullende opdrachten vallen buiten deze overeenkomst en worden zo nodig afzonderlijk overeengekomen."],
    ["De gemeente neemt deel aan de uitvoering van het convenant en heeft daarmee toegang tot de activiteiten, "
     "leergemeenschappen en publicaties die Platform31 voor de G40-steden organiseert.",
     "Voor maatwerk buiten het convenant maken partijen zo nodig aparte afspraken."],
]

ART_OTHER = [
    ["Indien tussen partijen een geschil mocht ontstaan over de inhoud van onderhavige overeenkomst treden partijen "
     "zo spoedig mogelijk met elkaar in overleg teneinde een passende oplossing te vinden.",
     "Indien het vinden van een passende oplossing niet lukt, wijzen beide partijen een terzake kundige persoon "
     "aan. Deze beide deskundigen wijzen samen een onafhankelijke derde aan. Deze Commissie van Wijzen voorziet "
     "partijen van een niet-bindend advies.",
     "Op deze overeenkomst is het Nederlands recht van toepassing."],
    ["Geschillen over deze overeenkomst worden in eerste instantie in onderling overleg opgelost.",
     "Komen partijen er samen niet uit, dan kan het geschil worden voorgelegd aan de bevoegde rechter te "
     "Den Haag.",
     "Op deze overeenkomst is uitsluitend Nederlands recht van toepassing."],
    ["Wijzigingen van deze overeenkomst zijn slechts geldig indien zij schriftelijk tussen partijen zijn "
     "overeengekomen.",
     "Partijen lossen geschillen bij voorkeur in der minne op; lukt dat niet, dan is de rechtbank Den Haag "
     "bevoegd.",
     "Op deze overeenkomst is Nederlands recht van toepassing."],
]

ART_INVOICE = [
    "Platform31 factureert de bijdrage jaarlijks in het eerste kwartaal; betaling geschiedt binnen 30 dagen na "
    "factuurdatum.",
    "De factuur wordt jaarlijks vóór 1 april verzonden aan de crediteurenadministratie van de gemeente, onder "
    "vermelding van het kenmerk van deze overeenkomst.",
    "Betaling vindt plaats binnen dertig dagen na ontvangst van een correcte factuur.",
]

ARTICLE_TITLES = {
    "duration": ["Duur samenwerkingsovereenkomst", "Looptijd", "Duur en beëindiging", "Looptijd en opzegging"],
    "content": ["Inhoud samenwerking", "Inhoud van de samenwerking", "Dienstverlening", "Prestaties Platform31"],
    "price": ["Prijs", "Bijdrage", "Financiële bijdrage", "Vergoeding", "Kosten"],
    "invoice": ["Facturering", "Betaling", "Facturatie en betaling"],
    "other": ["Overige bepalingen", "Slotbepalingen", "Geschillen en toepasselijk recht", "Slotbepaling"],
}

CLOSING = [
    "Aldus in tweevoud opgemaakt",
    "Aldus overeengekomen en in tweevoud ondertekend",
    "Aldus overeengekomen en ondertekend",
    "Opgemaakt en getekend in tweevoud",
    "Zo overeengekomen",
    "Voor akkoord getekend",
]

P31_PEOPLE = [("V. Everhardt", "directeur-bestuurder"), ("drs. V. Everhardt", "directeur-bestuurder"),
              ("Victor Everhardt", "directeur-bestuurder"), ("de heer V. Everhardt", "directeur-bestuurder"),
              ("H. Everhardt", "directeur-bestuurder"), ("V. Everhardt", "directeur"),
              ("mr. drs. M.L. de Graaf-Jansen", "adjunct-directeur")]

# --- memo wording -----------------------------------------------------------------------------------------------

MEMO_KINDS = ["besluitnota", "collegevoorstel", "advies", "raadsinformatiebrief", "besluit"]
MEMO_TITLES = {
    "besluitnota": ["Besluitnota", "BESLUITNOTA", "Besluitnota college"],
    "collegevoorstel": ["Collegevoorstel", "COLLEGEVOORSTEL", "Voorstel aan het college"],
    "advies": ["Advies aan B&W", "Advies aan burgemeester en wethouders", "ADVIES B&W"],
    "raadsinformatiebrief": ["Raadsinformatiebrief", "RAADSINFORMATIEBRIEF", "Informatiebrief aan de raad"],
    "besluit": ["Besluit van het college", "Besluit van burgemeester en wethouders", "BESLUIT B&W"],
}
MEMO_SUBJECTS = [
    "Uitvoeringsovereenkomst Platform31 2023-2027",
    "Samenwerkingsovereenkomst G40 – Platform31",
    "Convenant G40 en Platform31 ‘Samenwerken aan aantrekkelijke en krachtige steden’",
    "Nieuw convenant G40-Platform31 en overeenkomst met Platform31",
    "Verlenging samenwerking Platform31 (G40)",
]
MEMO_MEETING_LABELS = ["Collegevergadering", "B&W-vergadering", "Datum collegevergadering", "Vergadering B&W d.d.",
                       "Datum besluit", "Besluitdatum"]
MEMO_DATE_LABELS = ["Datum", "Datum nota", "Datum voorstel", "Opgesteld", "Datum advies"]

DECISION_POINTS = [
    "in te stemmen met het sluiten van de uitvoeringsovereenkomst met Platform31, behorende bij het convenant G40 "
    "Stedennetwerk en Platform31 ‘Samenwerken aan aantrekkelijke en krachtige steden 2023 t/m 2027’;",
    "akkoord te gaan met de samenwerkingsovereenkomst tussen de gemeente {m} en Platform31 voor de periode "
    "2023-2027;",
    "de samenwerkingsovereenkomst met Platform31 aan te gaan voor de duur van het nieuwe G40-convenant;",
    "in te stemmen met deelname aan het convenant G40-Platform31 en de daarbij behorende overeenkomst aan te gaan;",
]
AUTHORISE_POINTS = [
    "de burgemeester te machtigen de overeenkomst namens de gemeente te ondertekenen;",
    "de burgemeester, of bij diens afwezigheid de loco-burgemeester, de overeenkomst te laten ondertekenen;",
    "de portefeuillehouder te mandateren de overeenkomst te ondertekenen;",
    "de overeenkomst door de burgemeester te laten tekenen en toe te zenden aan Platform31;",
]
FINAL_POINTS = [
    "de nota en het besluit openbaar te maken.",
    "de kosten te dekken uit het bestaande budget voor netwerken en lidmaatschappen.",
    "de raad hierover te informeren via een raadsinformatiebrief.",
    "de jaarlijkse bijdrage te dekken binnen de begroting van het programma Bestuur.",
]

MEMO_INTRO = [
    "Al jaren is er een warme samenwerking tussen Platform31 (P31), het G40 Stedennetwerk (G40) en alle "
    "deelnemende gemeenten. P31 ondersteunt gemeenten en het netwerk met inhoudelijke inbreng, analyses en "
    "studies. In 2018 hebben partijen een convenant gesloten en is per gemeente een uitvoeringsovereenkomst "
    "gesloten. Deze afspraken lopen tot 1 maart 2023. G40 en P31 willen de samenwerking voortzetten met een nieuw "
    "convenant.",
    "De gemeente {m} is lid van het G40-Stedennetwerk. Het netwerk werkt sinds jaren samen met kennis- en "
    "netwerkorganisatie Platform31. Het huidige convenant loopt op 28 februari 2023 af; op 19 december 2022 is een "
    "nieuw convenant gesloten voor de periode 2023 tot en met 2027.",
    "Op 21 december 2022 ontvingen de leden van het Algemeen Bestuur van de G40 het nieuwe convenant tussen de G40 "
    "en Platform31, met het verzoek uiterlijk 1 maart 2023 een ondertekende samenwerkingsovereenkomst aan "
    "Platform31 te sturen.",
    "Platform31 is sinds haar oprichting de vaste kennispartner van de G40. Met dit voorstel zet {m} die "
    "samenwerking voort voor de jaren 2023 tot en met 2027.",
]
MEMO_WHY = [
    "Omdat G40 formeel geen rechtspersoon is, moet per gemeente een uitvoeringsovereenkomst worden gesloten, zodat "
    "de financiering van het convenant is gewaarborgd. Het convenant en de overeenkomsten hebben een looptijd van "
    "eenmalig vijf jaar; daarmee worden de afspraken uit het ritme van de raadsverkiezingen gehaald.",
    "De samenwerking met P31 loopt al vele jaren naar tevredenheid. Door de overeenkomst te sluiten houden wij "
    "toegang tot het netwerk, de leergemeenschappen, themabijeenkomsten en onderzoeksresultaten van Platform31.",
    "Lidmaatschap van de G40 houdt feitelijk ook samenwerking met Platform31 in. Het niet sluiten van de "
    "overeenkomst maakt volwaardig lidmaatschap van de G40 ongeloofwaardig.",
    "Platform31 ondersteunt de G40-themagroepen met kennis, trendanalyses en praktijkgericht onderzoek. Onze "
    "organisatie maakte de afgelopen jaren regelmatig gebruik van bijeenkomsten en publicaties.",
]
MEMO_SECTIONS = ["Inleiding", "Aanleiding", "Achtergrond", "Toelichting"]
MEMO_ARG_SECTIONS = ["Argumenten", "Argumenten en kanttekeningen", "Beoogd resultaat", "Overwegingen"]
MEMO_FIN_SECTIONS = ["Financiële consequenties en dekking", "Financiën", "Financiële gevolgen", "Kosten en dekking"]
MEMO_END_SECTIONS = [
    ("Communicatie", "Na ondertekening wordt de overeenkomst per e-mail verzonden aan de relatiemanager G40 van "
                     "Platform31."),
    ("Aanpak en uitvoering", "Na akkoord zal de door de burgemeester getekende versie worden verstuurd naar "
                             "Platform31."),
    ("Vervolg", "Na besluitvorming wordt de overeenkomst ondertekend en gescand teruggestuurd naar Platform31."),
    ("Openbaarheid", "Dit besluit is openbaar en wordt gepubliceerd op de website van de gemeente."),
]
MEMO_EXTRA = [
    ("Kanttekeningen", "De bijdrage stijgt met ruim 15 procent. De verhoging is redelijk gezien de looptijd van het "
                       "convenant en de gestegen kosten sinds het sluiten van het huidige convenant. Tot 2028 wordt de "
                       "bijdrage niet verder verhoogd."),
    ("In cijfers", "Gebruik van Platform31 door onze organisatie in 2021: 3 projecten, 10 bijeenkomsten en 21 "
                   "downloads van publicaties. De deelname zal in de afgelopen jaren minder zijn geweest vanwege "
                   "COVID-19."),
    ("Betrokken partijen", "De uitvoeringsovereenkomst behoort bij het convenant dat G40 en Platform31 hebben "
                           "gesloten. De gemeente is lid van de G40 en daarmee ook partner in het convenant. "
                           "Platform31 biedt aansluiting bij ministeries, provincies, VNG, de G4, M50, "
                           "woningcorporaties en kennisinstellingen."),
    ("Juridische aspecten", "Het aangaan van privaatrechtelijke rechtshandelingen is een bevoegdheid van het college "
                            "(artikel 160 Gemeentewet). De burgemeester vertegenwoordigt de gemeente in en buiten "
                            "rechte (artikel 171 Gemeentewet)."),
    ("Risico's", "Er zijn geen noemenswaardige risico's. De overeenkomst kan jaarlijks vóór 1 september worden "
                 "opgezegd tegen 1 januari van het volgende jaar."),
    ("Duurzaamheid en inclusie", "Niet van toepassing."),
]

DEPARTMENTS = ["Bestuurszaken", "Concernstaf", "Strategie en Beleid", "Economie en Cultuur", "Bestuur en Organisatie",
               "Team Bestuursondersteuning", "Directie Concern"]
