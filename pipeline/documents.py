"""Documents stage: classify each page, then split a file's pages into typed documents."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz

from .normalize import strip_accents
from .office_words import holds_signature_block
from .rules import load_yaml
from .schema import DocType, Document, Page, SourceFile


@dataclass(frozen=True)
class TypeRules:
    doc_type: DocType
    start: tuple[re.Pattern[str], ...]
    cont: tuple[re.Pattern[str], ...]
    keywords: tuple[tuple[re.Pattern[str], float], ...]


@dataclass(frozen=True)
class PageClass:
    """What one page looks like: scores per type and whether it starts or continues a document."""

    scores: dict[DocType, float]
    starts: DocType | None
    continues: DocType | None
    sequel: bool = False  # it says it is page 2 or later of something ('blz. 2/2')
    last: bool = False  # it says it is the last page of something ('pagina 3 van 3')

    @property
    def best(self) -> tuple[DocType, float]:
        doc_type = max(self.scores, key=lambda t: self.scores[t])
        return doc_type, self.scores[doc_type]


_FLAGS = re.IGNORECASE | re.MULTILINE


@cache
def _rules() -> tuple[int, float, tuple[TypeRules, ...]]:
    data = load_yaml("doc_types.yaml")
    types = []
    for name, spec in data["types"].items():
        types.append(TypeRules(
            DocType(name),
            tuple(re.compile(p, _FLAGS) for p in spec.get("start", [])),
            tuple(re.compile(p, _FLAGS) for p in spec.get("continue", [])),
            tuple((re.compile(p, _FLAGS), float(w)) for p, w in spec.get("keywords", {}).items()),
        ))
    return int(data["head_lines"]), float(data["min_score"]), tuple(types)


def _head(text: str, lines: int) -> str:
    return "\n".join([ln for ln in text.splitlines() if ln.strip()][:lines])


@dataclass(frozen=True)
class TitleRules:
    head_lines: int
    max_words: int
    within_words: int
    label_line: re.Pattern[str]
    not_before: re.Pattern[str]
    not_within: re.Pattern[str]
    nouns: tuple[tuple[DocType, re.Pattern[str]], ...]


@cache
def _title_rules() -> TitleRules:
    spec = load_yaml("doc_types.yaml")["titles"]
    return TitleRules(int(spec["head_lines"]), int(spec["max_words"]), int(spec["within_words"]),
                      re.compile(spec["label_line"], _FLAGS), re.compile(spec["not_before"], _FLAGS),
                      re.compile(spec["not_within"], _FLAGS),
                      tuple((DocType(t), re.compile(p, _FLAGS)) for t, p in spec["nouns"].items()))


@cache
def _page_marker() -> re.Pattern[str]:
    return re.compile(load_yaml("doc_types.yaml")["page_marker"], _FLAGS)


# a page number without the count, closing a running header's or footer's line ('... – Zwolle pag. 2', 'Pagina 2')
_EDGE_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:b[li1]z|bladzijde|pag(?:ina)?|page)\.?\s*(\d{1,2})\s*$", re.IGNORECASE)
# ... or the number and the count alone, closing such a line ('Collegevoorstel G40 Datum: 6-2-2023 1van 1')
_EDGE_PAGE_COUNT = re.compile(r"(?:^|\s)(\d{1,2})\s?van\s?(\d{1,2})\s*$", re.IGNORECASE)


def page_marker(text: str) -> tuple[int, int | None] | None:
    """The page number a page prints of itself and of how many ('blz. 2/2', 'pagina 2 van 3', '- 2 -'), or
    only of itself ('pag. 2') or with its count alone ('2 van 3') at the end of one of its first two or last three
    lines."""
    for m in _page_marker().finditer(text):
        for n, total in (("n1", "of1"), ("n2", "of2"), ("n3", None)):
            if m.group(n):
                of = m.group(total) if total else None
                return int(m.group(n)), int(of) if of else None
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for line in lines[:2] + lines[-3:]:
        if (m := _EDGE_PAGE_NUMBER.search(line)) is not None:
            return int(m.group(1)), None
        if (m := _EDGE_PAGE_COUNT.search(line)) is not None and 0 < int(m.group(1)) <= int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
    return None


_ARTICLE = re.compile(r"^\W{0,3}art(?:ikel|\.)?\s*(\d{1,2})\b", re.IGNORECASE | re.MULTILINE)


def articles_go_on(before: str, text: str) -> bool:
    """Whether a page's first article is the next one after the last article of the page before ('Art. 2' ...
    then 'Art. 3'): one document's articles, whatever its pages' words are about."""
    last = [int(n) for n in _ARTICLE.findall(before)]
    first = [int(n) for n in _ARTICLE.findall(text)]
    return bool(last and first) and first[0] == last[-1] + 1


def _letters(line: str) -> str:
    return re.sub(r"[^a-z]", "", strip_accents(line).lower())


def _feet(text: str, lines: int = 3) -> list[str]:
    """The last lines of a page, as letters only: where a running footer stands."""
    return [k for k in (_letters(ln) for ln in text.splitlines() if ln.strip())][-lines:]


def shares_foot(text: str, before: str, lines: int = 2) -> bool:
    """Whether a page ends with the running footer of the page before it ('Convenant G40 - Platform31 -1-' over
    '... -2-', the page number lost or not): the same document's next page."""
    if not before:
        return False
    feet = _feet(before, lines)
    return any(_repeats_foot(line, feet) for line in [ln for ln in text.splitlines() if ln.strip()][-lines:])


def _repeats_foot(line: str, feet: list[str]) -> bool:
    """A line that repeats a footer of the page before ('Advies aan B&W - gemeente Hoorn | CS/8713' whose
    page number was lost) is that footer again, whatever words it has."""
    key = _letters(line)
    return len(key) >= 10 and any(fuzz.ratio(key, foot) >= 85 for foot in feet)


# a kind of document named after an article or a demonstrative is referred to, not a title ('Waarom deze overeenkomst')
_REFERRED = re.compile(r"\b(?:de|het|deze|dit|die|dat|een|onze|uw)\s*$", re.IGNORECASE)


def title_types(text: str, before: str = "") -> list[DocType]:
    """The kinds of document the title lines at the top of a page name (see `titles` in doc_types.yaml);
    `before` is the text of the page before it in the file, whose footer is not a title here."""
    rules = _title_rules()
    found: list[DocType] = []
    text, before = strip_accents(text), strip_accents(before)  # a speck read as an umlaut: 'Samenwerkingsovereenkömst'
    every = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = every[:rules.head_lines]
    feet = _feet(before) if before else []
    for i, line in enumerate(lines):
        if _page_marker().search(line) or (i and rules.label_line.search(lines[i - 1])) \
                or _repeats_foot(line, feet):
            continue  # a running header or footer, or the value of a label ('Onderwerp' over it)
        if i == len(every) - 1 and len(every) >= 3:
            continue  # the foot of a short page ('Collegevoorstel - gemeente X | INT-23-84053')
        if i and len(lines[i - 1].split()) >= 8 and re.search(r"\s[a-zà-ÿ]+$", lines[i - 1]):
            continue  # the rest of a sentence wrapped from the line above ('... een' over 'Convenant hebben ...')
        # specks a poor scan reads as marks around a title ('._” Notaaan hetcollege. …: _ en .') are no words
        line = " ".join(w for w in line.split() if any(ch.isalnum() for ch in w))
        words = line.split()
        letters = [c for c in line if c.isalpha()]
        # a title starts with a capital, unless it opens the page ('samenwerkingsovereenkomst gemeente X')
        capital = bool(letters) and (letters[0].isupper() or (i == 0 and len(words) <= 10))
        if (len(words) > rules.max_words or rules.not_before.search(line) or rules.not_within.search(line)
                or line.endswith((",", ";", "?")) or (line.endswith(".") and len(words) > 3)
                or not capital or re.match(r"^[\W_]{0,3}[A-Za-z][\W_]\s", line)):
            continue  # running text, a list item or a label, not a title
        # the kind is named from one of the first words on ('Voorstel aan het college' names a memo)
        opening = len(" ".join(words[:rules.within_words]))
        hits = [(m.start(), t) for t, p in rules.nouns if (m := p.search(line)) and m.start() < opening
                and not _REFERRED.search(line, 0, m.start())]
        if not hits and line.isupper():  # a capital title OCR broke apart ('SAMENWERKINGSOVER EENKOMST')
            joined = "".join(words)
            hits = [(m.start(), t) for t, p in rules.nouns if (m := p.search(joined)) and m.start() < opening]
        if hits:
            found.append(min(hits, key=lambda h: h[0])[1])  # the first kind named: 'Overeenkomst ... convenant'
    return found


def classify_page(text: str, before: str = "") -> PageClass:
    """A page's scores per type and what it starts or continues; `before` is the page before it in the file."""
    head_lines, min_score, types = _rules()
    text, before = strip_accents(text), strip_accents(before)  # the rules' words are written without accents
    head = _head(text, head_lines)
    scores: dict[DocType, float] = {}
    starting: list[DocType] = list(dict.fromkeys(title_types(text, before)))
    continues = None
    opened: list[DocType] = []
    for rules in types:
        scores[rules.doc_type] = sum(w * min(len(p.findall(text)), 3) for p, w in rules.keywords)
        if any(p.search(head) for p in rules.start) and rules.doc_type not in starting:
            opened.append(rules.doc_type)
        if continues is None and any(p.search(head) for p in rules.cont):
            continues = rules.doc_type
    # an opening line ('Aan') on a page none of whose words is of that type, while they are plainly of another,
    # is something else read so (a scribble over a signature line read as 'AAN')
    top = max(scores.values(), default=0.0)
    starting += [t for t in opened if scores[t] > 0 or top < min_score]
    marker = page_marker(text)
    sequel = marker is not None and marker[0] > 1
    last = marker is not None and marker[0] == marker[1]
    # several titles (a memo header naming the agreement): the first, unless the page's words support another
    starts = None
    if starting:
        starts = starting[0] if scores[starting[0]] >= 0.5 * max(scores[t] for t in starting) else \
            max(starting, key=lambda t: scores[t])
    if starts is DocType.AGREEMENT and not _agreement_opening().search(text):
        # an agreement's name over a page that introduces no parties and reads as something else is its
        # subject ('Uitvoeringsovereenkomst Platform31 2023-2027' heading a memo whose own title was lost)
        rival = max((t for t in scores if t is not DocType.AGREEMENT), key=lambda t: scores[t])
        if scores[rival] >= max(min_score, 2 * scores[DocType.AGREEMENT]):
            starts = rival
    return PageClass(scores, None if sequel else starts, continues, sequel, last)


def _confidence(scores: dict[DocType, float], doc_type: DocType, started: bool) -> float:
    if doc_type is DocType.OTHER:
        return 0.5
    mine = scores.get(doc_type, 0.0)
    rival = max((s for t, s in scores.items() if t is not doc_type), default=0.0)
    margin = (mine - rival) / (mine + rival + 1.0)
    base = 0.65 if started else 0.45
    return round(max(0.05, min(1.0, base + 0.4 * margin)), 3)


def _continues(current: DocType, pc: PageClass, min_score: float) -> bool:
    """Whether a page that starts nothing belongs to the document before it.

    It does when nothing on it points elsewhere, or its words point to the current type at least half as
    strongly as to any other: one keyword of an agreement on a page of a college decision is not enough.
    """
    if pc.sequel:
        return True
    if pc.continues is not None:
        return pc.continues is current
    best_type, best_score = pc.best
    return (best_score < min_score or best_type is current
            or (current is not DocType.OTHER and pc.scores.get(current, 0) >= 0.5 * best_score))


_NO_FIELDS = (DocType.COVENANT, DocType.COVER_LETTER)


@cache
def _full_read_hints() -> re.Pattern[str]:
    return re.compile(load_yaml("doc_types.yaml")["full_read_hints"], re.IGNORECASE)


def pages_needing_full_text(pages: list[Page]) -> set[int]:
    """Page numbers that must be read in full, judged from the top of each page.

    Only a page that surely belongs to a covenant or cover letter (it starts or continues one and shows
    nothing of an agreement or memo) is left with its top alone: those documents carry no field.
    Pages with a text layer or already read in full count with their whole text.
    """
    needed: set[int] = set()
    current: DocType | None = None
    for i, page in enumerate(pages):
        pc = classify_page(page.text, pages[i - 1].text if i else "")
        if i and pc.starts is None and not pc.sequel and articles_go_on(pages[i - 1].text, page.text):
            pc = replace(pc, sequel=True)
        best_type, best_score = pc.best
        if pc.starts is not None:
            current = pc.starts
        elif pc.continues is not None:
            current = pc.continues
        elif current is None or (best_type is not current and best_score > 0):
            current = None
        hints = (pc.scores.get(DocType.AGREEMENT, 0) > 0 or pc.scores.get(DocType.DECISION_MEMO, 0) > 0
                 or _full_read_hints().search(page.text) is not None)
        # a top read as garbage (an upside-down page shows its foot there) is no evidence: read it in full
        good = sum(1 for w in page.words if w.conf >= 0.6 and re.search(r"[A-Za-z]{2}", w.text))
        readable = page.source != "ocr_head" or (good >= 5 and good >= 0.6 * len(page.words))
        if current not in _NO_FIELDS or hints or not readable:
            needed.add(page.number)
    return needed


@cache
def _agreement_closing() -> re.Pattern[str]:
    return re.compile(load_yaml("doc_types.yaml")["agreement_closing"], re.IGNORECASE)


@cache
def _agreement_opening() -> re.Pattern[str]:
    return re.compile(load_yaml("doc_types.yaml")["agreement_opening"], re.IGNORECASE)


def _closed(pages: list[Page]) -> bool:
    """Whether an agreement's pages so far include its signing part."""
    return any(_agreement_closing().search(p.text) for p in pages)


def _opens(page: Page) -> bool:
    """Whether a page introduces an agreement's parties (its first page, not a running header)."""
    return _agreement_opening().search(page.text) is not None


@cache
def _memo_subject() -> re.Pattern[str]:
    return re.compile(load_yaml("doc_types.yaml")["memo_subject"], _FLAGS)


@cache
def _agreement_sequel() -> re.Pattern[str]:
    return re.compile(load_yaml("doc_types.yaml")["agreement_sequel"], _FLAGS)


def _has_subject(page: Page) -> bool:
    """Whether the page's header names a subject of its own ('Onderwerp: ...', 'Betreft ...')."""
    lines = [ln for ln in page.text.splitlines() if ln.strip()][:_title_rules().head_lines]
    return any(_memo_subject().search(ln) for ln in lines)


def _heading(text: str, before: str) -> str | None:
    """The page's first line when it reads as a heading: short, capitalised, no sentence; running headers and
    footers (a page number, the foot of the page before) are passed over."""
    feet = _feet(before) if before else []
    for line in (ln.strip() for ln in text.splitlines() if ln.strip()):
        if _page_marker().search(line) or _repeats_foot(line, feet):
            continue
        letters = [c for c in line if c.isalpha()]
        if len(line.split()) <= 6 and letters and letters[0].isupper() and not line.endswith((".", ",", ";", ":")):
            return line
        return None
    return None


def _footed_sequel(page: Page, before: str) -> bool:
    """A page under the running footer of the page before that opens nothing of its own (no parties introduced,
    no subject line): that document's next page, whatever its words read as (a covenant's signing formula)."""
    return shares_foot(page.text, before) and not _opens(page) and not _has_subject(page)


def _stands_apart(page: Page, pc: PageClass, before: str, min_score: float) -> bool:
    """Whether a page after a signed agreement is a document of its own: under a heading of its own that is no
    annex or sequel of the agreement (a form for the invoice details), reading as no agreement, holding more
    than a stamp and no signature block (the parties' blocks alone on the last page, under a running letterhead)."""
    heading = _heading(page.text, before)
    lines = [ln for ln in page.text.splitlines() if ln.strip()]
    return (heading is not None and not _agreement_sequel().search(strip_accents(heading))
            and not pc.sequel and pc.continues is None and pc.best[1] < min_score
            and not _agreement_closing().search(page.text) and not _opens(page)
            and len(lines) >= 4 and len(page.text.split()) >= 10 and not holds_signature_block(page.text))


def split_documents(source: SourceFile, pages: list[Page]) -> list[Document]:
    """Group pages into documents: a page that starts a type opens one; others continue the current one."""
    _, min_score, _ = _rules()
    groups: list[tuple[DocType, bool, list[Page], list[PageClass]]] = []
    for i, page in enumerate(pages):
        pc = classify_page(page.text, pages[i - 1].text if i else "")
        best_type, best_score = pc.best
        current = groups[-1] if groups else None
        ended = current is not None and current[3][-1].last and not pc.sequel  # 'pagina 3 van 3' before
        before = pages[i - 1].text if i else ""
        if pc.starts is not None and not (current and current[0] is pc.starts is DocType.COVENANT) \
                and not (current and current[0] is pc.starts is DocType.AGREEMENT and not _closed(current[2])
                         and not _opens(page) and not ended) \
                and not (current and current[0] is pc.starts is DocType.DECISION_MEMO and not ended
                         and not _has_subject(page)):
            groups.append((pc.starts, True, [page], [pc]))
        elif current and current[0] is DocType.AGREEMENT and pc.starts is None and _closed(current[2]) \
                and _stands_apart(page, pc, before, min_score):
            groups.append((DocType.OTHER, False, [page], [pc]))
        elif current and (pc.continues is current[0] if ended else (_continues(current[0], pc, min_score)
                                                                    or _footed_sequel(page, before))):
            current[2].append(page)
            current[3].append(pc)
        else:
            doc_type = pc.continues or (best_type if best_score >= min_score else DocType.OTHER)
            if current and current[0] is DocType.OTHER and doc_type is DocType.OTHER:
                current[2].append(page)
                current[3].append(pc)
            else:
                groups.append((doc_type, False, [page], [pc]))
    documents = []
    for doc_type, started, group_pages, classes in groups:
        totals: dict[DocType, float] = {}
        for pc in classes:
            for t, s in pc.scores.items():
                totals[t] = totals.get(t, 0.0) + s
        documents.append(Document(source, tuple(group_pages), doc_type, _confidence(totals, doc_type, started)))
    return documents
