"""The spaCy pipeline: a blank Dutch tokenizer and an entity ruler whose patterns live in `models/`."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .rules import load_jsonl

if TYPE_CHECKING:
    from spacy.language import Language


@cache
def get_nlp() -> Language:
    """`spacy.blank("nl")` with the entity ruler for MONEY, MONEY_BARE, COUNT and DATE candidates.

    spaCy is imported here, not at start-up: a re-run with nothing new to read never needs it (about 1 s).
    """
    import spacy

    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(load_jsonl("patterns/entities.jsonl"))  # type: ignore[attr-defined]
    return nlp
