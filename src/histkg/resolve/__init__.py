"""Mentions to entities, facts to events, across documents: spelling variants and
short names of one person joined, places linked to GeoNames, persons to Wikidata;
treaty and visit facts joined into events whose slots are entities.

Public face: `entities.resolve`, `entity.Entity`, `events.resolve_events`,
`model.Event`, `model.EventClaim`, `model.Stop`.
"""
