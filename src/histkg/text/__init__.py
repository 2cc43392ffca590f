"""Files to documents to clean text: read a corpus in any common encoding with
its catalog (`corpus`), repair OCR damage and separate body, headings and footnotes
with a map back to the original offsets (`normalize`, `layout`).

Public face: `corpus.load_corpus`, `corpus.Document`, `corpus.CorpusError`,
`normalize.normalize`, `normalize.CleanText`, `layout.Segment`.
"""
