"""Curation: a scholar's corrections, kept in a TOML file beside the corpus and applied by every build.

Takes the curation file, the resolved entities and events, and the built dataset; gives them
corrected, each applied entry a prov:Activity, and a review queue of what deserves a look first.
Public face: `entries.load_curation`, `entries.append_entry`, `entries.CurationError`, `entries.find_quote`,
`apply.curate_entities`, `apply.curate_graph`, `apply.default_curation`, `review.review_queue`,
`review.write_csv`.
"""
