"""The spaCy pipeline: a blank Dutch tokenizer and an entity ruler whose patterns live in `models/`."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from .rules import load_jsonl


@cache
def get_nlp() -> Language:
    """`spacy.blank("nl")` with the entity ruler for MONEY, MONEY_BARE, COUNT and DATE candidates."""
    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(load_jsonl("patterns/entities.jsonl"))  # type: ignore[attr-defined]
    return nlp
