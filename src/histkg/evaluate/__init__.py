"""A built graph and gold files to figures: precision and recall of names and
dates (`names`), event slots (`events`), read from the gold formats (`gold`) into a
report (`report`).

Public face: `scoring.evaluate`, `report.Report`, `report.EvaluationError`.
"""
