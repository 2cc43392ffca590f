"""Sentences and their mentions to per-document facts: what each sentence says of
a treaty (signed when, where, by whom, between which sides) or a journey (who went
where, when, with whom, through which stops), pointing at mentions.

Runs document by document after `mentions`; `workers` runs both stages over a
corpus (serially, in processes or on Dask) and `cache` keeps their results
between builds. Public face: `collect.with_facts`, `collect.Facts`,
`treaties.TreatyFact`, `journey.VisitFact`, `journey.StopFact`,
`workers.extract_all`, `workers.extract_document`, `cache.ExtractionCache`.
"""
