"""Sentences and their mentions to per-document facts: what each sentence says of
a treaty (signed when, where, by whom, between which sides) or a journey (who went
where, when, with whom, through which stops), pointing at mentions.

Runs document by document after `mentions`. Public face: `collect.with_facts`,
`collect.Facts`, `treaties.TreatyFact`, `journey.VisitFact`, `journey.StopFact`.
"""
