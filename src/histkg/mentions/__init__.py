"""Clean text to mentions: the spaCy pipeline on `spacy.blank("tr")` and its
components, which find persons, places, organizations, treaty names and dates, and
the works footnotes cite.

Each component is a plain class (configured, as spaCy's `span_ruler.py`):
`__call__` adds candidates to `doc.user_data["candidates"]` and the last one
(`spans.SpanResolver`) keeps the best non-overlapping ones as `doc.ents`, with what
a rule learnt (a date's value, a place's key, a person's credit in a reference) in
`doc.user_data["entity_data"]`; `factories` registers them. Lexicons come from
`ontology/lexicon/`, never from lists of the names of one corpus.

Public face: `extract.extract`, `extract.build_nlp`, `extract.Extraction`,
`extract.Mention`, `extract.CitedWork`.
"""
