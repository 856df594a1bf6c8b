"""Dutch wording for the generated documents, with variants so the extractor cannot learn one layout."""

from __future__ import annotations

AGREEMENT_TITLES = [
    ["Samenwerkingsovereenkomst behorende bij het Convenant G40-Stedennetwerk en",
     "Platform31: Samenwerken aan Aantrekkelijke en Krachtige Steden, 2023 t/m 2027"],
    ["SAMENWERKINGSOVEREENKOMST",
     "behorende bij het Convenant G40-Stedennetwerk en Platform31",
     "Samenwerken aan aantrekkelijke en krachtige steden, 2023 t/m 2027"],
]

PLATFORM31_PARTY = (
    "De stichting, Stichting Platform31, gevestigd aan het Koningin Julianaplein 10 (7e verdieping) "
    "te Den Haag, in deze rechtsgeldig vertegenwoordigd door haar directeur-bestuurder, de heer "
    "V. Everhardt, hierna te noemen: Platform31"
)

MUNICIPALITY_PARTY = [
    "De gemeente {m} gevestigd aan {address} in {m}, in deze rechtsgeldig vertegenwoordigd door "
    "burgemeester {mayor} op basis van het collegebesluit van {college_date}, hierna te noemen: de gemeente",
    "De gemeente {m}, gevestigd aan {address} te {m}, in deze rechtsgeldig vertegenwoordigd door "
    "de burgemeester, {mayor}, op basis van het besluit van het college van {college_date}, "
    "hierna te noemen: de gemeente",
]

CONSIDERATIONS = [
    "Overwegende dat:",
    "- de stichting Platform31 en het G40-Stedennetwerk op 19 december 2022 een Convenant hebben "
    "gesloten waarmee zij een samenwerkingsverband zijn aangegaan voor de periode 1 maart 2023 t/m "
    "31 december 2027;",
    "- het G40-Stedennetwerk een samenwerkingsverband betreft tussen 41 gemeenten;",
    "- het G40-Stedennetwerk geen rechtspersoonlijkheid heeft;",
    "- in het Convenant tussen Platform31 en het G40-Stedennetwerk afspraken zijn gemaakt waarvan het "
    "wenselijk is dat deze afspraken door zowel Platform31 als de individuele gemeenten nagekomen worden.",
    "Partijen komen daarbij het navolgende overeen",
]

ARTICLES_1_2 = [
    ("Artikel 1 Duur samenwerkingsovereenkomst", [
        "1.1 De samenwerkingsovereenkomst vangt aan op 1 maart 2023 en loopt van rechtswege af op "
        "31 december 2027 zonder dat daarvoor enige opzegging vereist is.",
        "1.2 De uitvoeringsovereenkomst kan tussentijds beëindigd worden door beide partijen door middel "
        "van een schriftelijke kennisgeving van de ene partij aan de andere partij.",
        "1.3 De beëindiging dient voor 1 september van het lopende jaar tegen 1 januari van het komende "
        "kalenderjaar schriftelijk aan de andere partij gezonden te worden, waardoor een opzegtermijn van "
        "vier maanden in acht genomen wordt.",
    ]),
    ("Artikel 2 Inhoud samenwerking", [
        "2.1 Platform31 biedt de gemeente een samenwerking die leidt tot hetgeen vermeld onder punt 2 in "
        "het Convenant alsmede in Bijlage 1 bij het Convenant.",
        "2.2 Naast de samenwerking zoals vermeld in het Convenant is het ook mogelijk dat Platform31 een "
        "aanvullende samenwerking aangaat met, en/of producten en diensten levert aan, de gemeente.",
    ]),
]

PRICE_ARTICLE = [
    "3.1 De gemeente betaalt aan Platform31 een bedrag van € 0,15 ex BTW per inwoner per jaar. "
    "Gebaseerd op gegevens van het CBS met peildatum 1 januari 2022 is dit een totaalbedrag van "
    "{amount} ex BTW per jaar.",
    "3.1 De gemeente betaalt aan Platform31 een bijdrage van EUR 0,15 (exclusief BTW) per inwoner per "
    "jaar. Op basis van {inhabitants} inwoners (CBS, peildatum 1 januari 2022) bedraagt de jaarlijkse "
    "bijdrage {amount} exclusief BTW.",
]

ARTICLE_4 = ("Artikel 4 Overige bepalingen", [
    "4.1 Indien tussen partijen een geschil mocht ontstaan over de inhoud van onderhavige "
    "samenwerkingsovereenkomst treden partijen zo spoedig mogelijk met elkaar in overleg teneinde een "
    "passende oplossing te vinden.",
    "4.2 Indien het vinden van een passende oplossing niet lukt wijzen beide partijen een terzake kundige "
    "persoon aan. Deze Commissie van Wijzen voorziet partijen van een niet-bindend advies.",
    "4.3 Op deze uitvoeringsovereenkomst is het Nederlands recht van toepassing.",
])

CLOSING = [
    "Aldus in tweevoud opgemaakt te {m} op {date}",
    "Aldus overeengekomen en in tweevoud opgemaakt te {m} op {date}",
]

MEMO_HEADERS = ["Besluitnota", "Collegevoorstel", "Advies aan het college"]

MEMO_DATE_LINES = [
    "Datum collegebesluit: {date}",
    "Besloten in de collegevergadering van {date}",
    "Collegebesluit d.d. {date}",
]

MEMO_BODY = [
    "Besluit",
    "1. in te stemmen met het sluiten van de uitvoeringsovereenkomst met Platform31, behorende bij het "
    "convenant G40 Stedennetwerk en Platform31 'Samenwerken aan aantrekkelijke en krachtige Steden "
    "2023 t/m 2027'.",
    "De nota en het besluit openbaar te maken.",
    "Inleiding",
    "Al jaren is er een warme samenwerking tussen Platform31 (P31), het G40 Stedennetwerk (G40) en alle "
    "deelnemende gemeenten. Omdat G40 formeel geen rechtspersoon is moet per gemeente een "
    "uitvoeringsovereenkomst worden gesloten, zodat de financiering van het convenant is gewaarborgd.",
    "Argumenten voor en tegen",
    "De samenwerking met P31 is al jaren succesvol. Door het sluiten van de uitvoeringsovereenkomst "
    "krijgen we toegang tot een belangrijk netwerk, activiteiten en onderzoeksresultaten.",
    "Financiële consequenties en dekking",
    "Gedurende de convenantsperiode is de (gefixeerde) bijdrage per stad €0,15 per inwoner per jaar "
    "(CBS peildatum 1 januari 2022). Dat is een verhoging met €0,02 ten opzichte van de huidige bijdrage.",
    "Voor {m} betekent dit het volgende. Het aantal inwoners van {m} was op peildatum 1 januari 2022 "
    "volgens het CBS {inhabitants} inwoners. Daarmee komt de bijdrage aan P31 op {contribution}. "
    "Dit is een verhoging van {increase} ({pct}).",
    "Aanpak en uitvoering",
    "Na akkoord zal de door de burgemeester getekende versie worden verstuurd naar Platform31.",
]

COVER_LETTER = [
    "Aan",
    "de leden van het Algemeen Bestuur van de G40",
    "Datum: 21 december 2022",
    "Onderwerp: Nieuw convenant G40-Platform31",
    "Bijlage(n): 1. Convenant 2. Format samenwerkingsovereenkomst stad-Platform31",
    "Beste leden van het Algemeen Bestuur van de G40,",
    "Op 28 februari 2023 loopt het huidige convenant van Platform31 en G40 af. Op basis van de wederzijdse "
    "ervaringen hebben we afgesproken de samenwerking voort te zetten. We hebben rijkelijk geput uit de "
    "gesprekken die werden gevoerd tijdens de bestuurlijke startbijeenkomst van de G40 in Almere.",
    "Gedurende de convenantsperiode is de bijdrage per stad €0,15 per inwoner per jaar (CBS peildatum "
    "1 januari 2022). Dat is een verhoging met €0,02 ten opzichte van de huidige bijdrage.",
    "We streven ernaar om uiterlijk 1 maart 2023 alle 41 samenwerkingsovereenkomsten binnen te hebben. "
    "Uw vragen kunt u richten aan de secretaris van de G40, Genie Hendriks (ej.hendriks@breda.nl) en/of "
    "de relatiemanager G40 van Platform31, Anjel Punte (anjel.punte@platform31.nl).",
    "Vriendelijke groet en goede feestdagen gewenst,",
    "Paul Depla                                   Victor Everhardt",
    "voorzitter Stedennetwerk G40          directeur-bestuurder Platform31",
]

COVENANT = [
    "Convenant Stedennetwerk G40 en Platform31",
    "'Samenwerken aan aantrekkelijke en krachtige steden, 2023 t/m 2027'",
    "Stichting Platform31, gevestigd aan het Koningin Julianaplein 10 te Den Haag, in deze rechtsgeldig "
    "vertegenwoordigd door haar directeur, de heer V. Everhardt, hierna te noemen: Platform31",
    "en",
    "Het Stedennetwerk G40, in deze rechtsgeldig vertegenwoordigd door de voorzitter van het Dagelijks "
    "Bestuur, de heer P. Depla, hierna te noemen: G40",
    "gezamenlijk ook aangeduid als partijen",
    "Overwegende dat steden in toenemende mate een verantwoordelijkheid hebben om beleid te maken voor en "
    "uitvoering te geven aan grote maatschappelijke opgaven,",
    "Partijen komen daarom het volgende overeen",
    "1. Opgaven van de steden zijn uitgangspunt",
    "a. De opgaven van de steden van de G40 vormen de basis van de samenwerking van Platform31 en G40.",
    "6. Duur en financiering van het convenant",
    "a. dit convenant kent een looptijd tot 1 januari 2028",
    "b. de steden van de G40 betalen in deze periode een gefixeerde bijdrage van €0,15 per inwoner (bron: "
    "CBS, peildatum 1 januari 2022) en sluiten hiertoe ieder een afzonderlijke overeenkomst met Platform31",
]

COVENANT_ANNEX = [
    "Bijlage 1 Toelichting bij het Convenant Stedennetwerk G40 en Platform31",
    "Algemene toelichting",
    "Het G40-stedennetwerk vertegenwoordigt 41 gemeenten en ruim vijf miljoen inwoners. Het netwerk heeft "
    "zijn basis in vergelijkbare stedelijke vraagstukken en de centrumfunctie van ieder afzonderlijk lid. "
    "Vanuit die basis werkt de G40 in drie pijlers (Sociaal, Fysiek en Economie & Werk) aan een "
    "gezamenlijke lobby- en kennisagenda.",
    "Kennis- en netwerkorganisatie Platform31 is al sinds haar oprichting de vaste kennispartner van de "
    "G40. De samenwerking bestaat uit twee componenten: inhoudelijke samenwerking en ondersteunende "
    "samenwerking.",
    "Bijlage 3 bij het Convenant Stedennetwerk G40 en Platform31",
    "Deelnemende steden",
    "PM (dit overzicht wordt geactualiseerd aan de hand van de ondertekende overeenkomsten)",
]

ADDRESSES = ["Grote Markt 1", "Stadhuisplein 1", "Markt 1", "Raadhuisplein 2", "Stationsplein 10",
             "Spui 70", "Hofplein 1", "Wilhelminasingel 100"]
