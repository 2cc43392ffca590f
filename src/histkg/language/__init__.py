"""Turkish knowledge every stage may use: lexicons, the events vocabulary,
spelling keys, dates and calendars, the gazetteer, and where the data folders are.

Takes words and text; gives facts about them. Public face: `lexicon.load_lexicon`,
`lexicon.event_lexicon`, `lexicon.turkish_lower`, `dates.find_dates`, `dates.DateMatch`,
`dates.typed_value`, `gazetteer.Gazetteer`, `spelling.similar_spelling`, `spelling.slugify`,
`resources.ontology_file`. Imports nothing from the other stages.
"""
