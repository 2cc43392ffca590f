"""Entities and events to quads, and the SHACL report: deterministic IRIs, the
vocabulary contract, provenance for every entity and dated claim, one named graph
per source (`graph`); validation with pySHACL (`validate`).

Public face: `graph.build_graph`, `namespaces.HKG` and the other namespaces,
`validate.validate`, `validate.ValidationResult`.
"""
