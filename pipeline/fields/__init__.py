"""Fields stage: municipality, signatory, date, amount and inhabitants of agreements and decision memos.

    doctext     the document's text, folded and split into lines, traced back to pages and words
    gazetteer   all 345 municipalities of 2022 and the members' aliases, found in a text
    candidates  every date, amount, number, person and place of a document
    structure   the document's parts (parties, closing, header) and cue words around a span
    scoring     features of each candidate and their weights (`models/fields.yaml`, `models/lexicon.yaml`)
    people      names as the reference writes them
    extract     candidates scored and checked against each other into fields
"""

from .doctext import DocText, squeeze_number_spaces
from .extract import extract_fields, letter_sender
from .people import correct_signatory, reference_people
from .scoring import settings

__all__ = ["DocText", "correct_signatory", "extract_fields", "letter_sender", "reference_people", "settings",
           "squeeze_number_spaces"]
