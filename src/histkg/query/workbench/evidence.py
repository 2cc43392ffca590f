"""Evidence: the Web Annotations (`oa:Annotation`) that tie a fact to the characters of a source.

Each gives the source, the code-point offsets in the original file, the exact words and the
sentence they stand in; a page shows the sentence with the words marked and links to the
reader at those characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from histkg.query.workbench.graph import Graph, iri_list, number, text


@dataclass(frozen=True)
class Evidence:
    annotation: str
    source: str  # the hkg:Source IRI
    start: int
    end: int
    exact: str
    sentence: str
    section: str  # body, heading or footnote

    @property
    def source_id(self) -> str:
        return self.source.rsplit("/", 1)[-1]

    @property
    def reader_link(self) -> str:
        """The reader, opened at the quoted characters."""
        return f"/source/{self.source_id}?{urlencode({'start': self.start, 'end': self.end})}#quote"

    def sentence_parts(self) -> tuple[str, str, str]:
        """(before, the quoted words, after) within the sentence; the whole sentence before
        and nothing marked when the words cannot be found in it (an OCR repair changed them)."""
        return split_at_quote(self.sentence or self.exact, self.exact)


def split_at_quote(sentence: str, exact: str) -> tuple[str, str, str]:
    index = sentence.find(exact)
    if index >= 0:
        return sentence[:index], exact, sentence[index + len(exact):]
    # The sentence is the cleaned text: `Voroş i lov` in the file reads `Voroşilov` there.
    pattern = r"\s*".join(re.escape(char) for char in exact if not char.isspace())
    match = re.search(pattern, sentence) if pattern else None
    if match:
        return sentence[:match.start()], match.group(0), sentence[match.end():]
    return sentence, "", ""


def read_evidence(graph: Graph, annotations) -> dict[str, Evidence]:
    """The annotations by IRI, with their source, offsets, quote and sentence."""
    annotations = sorted(set(annotations))
    found: dict[str, Evidence] = {}
    for chunk in range(0, len(annotations), 500):  # a VALUES block of reasonable size
        rows = graph.select(f"""SELECT ?a ?source ?start ?end ?exact ?sentence ?section WHERE {{
            VALUES ?a {{ {iri_list(annotations[chunk:chunk + 500])} }}
            ?a oa:hasTarget ?target . ?target oa:hasSource ?source ;
               oa:hasSelector ?position , ?quote .
            ?position oa:start ?start ; oa:end ?end . ?quote oa:exact ?exact .
            OPTIONAL {{ ?a hkg:sentence ?sentence }} OPTIONAL {{ ?a hkg:section ?section }} }}""")
        for row in rows:
            iri = row["a"].value
            found[iri] = Evidence(iri, row["source"].value, number(row["start"]), number(row["end"]),
                                  row["exact"].value, text(row.get("sentence")), text(row.get("section")) or "body")
    return found


def evidence_of(graph: Graph, iri: str, most: int | None = None) -> tuple[list[Evidence], int]:
    """An entity's mentions in source and text order, the first `most` of them (all with None),
    and how many there are; the store sorts, so a much-named place costs no more than `most`."""
    limit = f"LIMIT {most}" if most is not None else ""
    rows = graph.select(f"""SELECT ?a WHERE {{ <{iri}> hkg:evidence ?a . ?a oa:hasTarget ?target .
        ?target oa:hasSource ?source ; oa:hasSelector ?position . ?position oa:start ?start }}
        ORDER BY ?source ?start {limit}""")
    total = number(graph.select(f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ <{iri}> hkg:evidence ?a }}")[0]["n"])
    found = read_evidence(graph, [row["a"].value for row in rows])
    return sorted(found.values(), key=lambda evidence: (evidence.source, evidence.start)), total
