"""Quads to files: the registry of formats with their aliases and atomic writes
(`registry`), Gephi's networks (`networks`: GraphML, GEXF, co-occurrence) and plain
tables (`tables`: CSV, GeoJSON).

Public face: `registry.export`, `registry.load_graph`, `registry.GraphData`,
`registry.EXPORTERS`, `registry.ALIASES`, `registry.ExportError`.
"""
