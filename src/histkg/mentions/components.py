"""spaCy components that find names and dates in cleaned Turkish text.

Each component is a plain class (configured, not hard-wired, as spaCy's
`span_ruler.py`): `__call__` adds `Candidate`s to `doc.user_data["candidates"]`
and the last component (`SpanResolver`) keeps the best non-overlapping ones as
`doc.ents`, with what a rule learnt (a date's value, a place's key, a person's
credit in a reference) in `doc.user_data["entity_data"]`. Registrations with `Language.factory` live in `factories.py`.

Every rule is a clue of Turkish or Russian naming (honorifics, titles,
patronymics, case suffixes, head words of treaties and institutions); the
lexicons come from files under `ontology/lexicon/`, never from lists of the
names of one corpus.
"""

from __future__ import annotations



