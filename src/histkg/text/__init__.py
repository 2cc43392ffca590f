"""Files to documents to clean text: read a corpus of text, Markdown, PDF, .docx, .odt
and HTML files in any common encoding with its catalog (`corpus`, `formats`), tell each
paragraph's language (`languages`), repair OCR damage and separate body, headings and
footnotes with a map back to the original offsets (`normalize`, `layout`).

Public face: `corpus.load_corpus`, `corpus.Document`, `corpus.CorpusError`,
`normalize.normalize`, `normalize.CleanText`, `layout.Segment`, `languages.Foreign`.
"""
