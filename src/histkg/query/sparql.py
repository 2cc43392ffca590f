"""SPARQL over a built graph, and the catalogue of named queries historians ask.

The engine is pyoxigraph (Oxigraph): it parses Turtle many times faster than
rdflib and answers the same queries the same way. The default graph of every
query is the set union of the named graphs, each triple once, so a TriG or
N-Quads build (one graph per source) answers like the single Turtle file;
`GRAPH ?g { … }` still asks one source at a time. Oxigraph's own union default
graph keeps a triple once per graph that holds it (a COUNT over it counts a
fact two sources state twice), so `open_store` copies the union into the
default graph instead.

Results are read once into a `QueryResult` (pyoxigraph's are one-pass
iterators) so the CLI and `histkg serve` can format them as often as needed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from histkg.rdf.namespaces import DEFAULT_BASE, PREFIXES

RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
TABLE_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("turtle", "ntriples")
FORMATS = TABLE_FORMATS + GRAPH_FORMATS
# SPARQL 1.1 TSV ('?'-headed, terms in N-Triples syntax): what the endpoint answers text/tab-separated-values
# with, for SPARQL clients; `histkg query --format tsv` gives plain values, as CSV does, for people.
SPARQL_TSV = "sparql-tsv"
TABLE_CELL_LIMIT = 80  # a terminal table stays readable; csv, tsv and json keep every character

# Prefixes for compact IRIs in tables and Turtle: the vocabulary plus the data base.
DISPLAY_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()} | {"id": DEFAULT_BASE}

# Prefixes a query may use without declaring them; a PREFIX line in the query wins.
QUERY_PREFIXES = {prefix: str(PREFIXES[prefix])
                  for prefix in ("hkg", "skos", "oa", "owl", "rdf", "rdfs", "xsd", "schema", "dcterms", "prov")}

# SPARQL Update operations; a request is an update when one of them follows the prologue.
UPDATE_START = re.compile(
    r"""\A(?:\s+|\#[^\n]*(?:\n|\Z)|(?i:prefix)\s*[^\s:]*:\s*<[^>]*>|(?i:base)\s*<[^>]*>)*
        (?i:insert|delete|load|clear|drop|create|add|move|copy|with)\b""",
    re.VERBOSE,
)
READ_ONLY_MESSAGE = ("histkg query only reads: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, "
                     "MOVE, COPY) is refused; change the graph by rebuilding it")

# pyoxigraph's syntax errors: "error at LINE:COLUMN: what the parser expected".
PARSER_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
IRI_STRING_OR_COMMENT = re.compile(r"""<[^>\s]*>|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\#[^\n]*""")
PREFIX_USE = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w-]*(?:\.[\w-]+)*)?:(?![/:])")
PREFIX_DECLARATION = re.compile(r"(?i)\bprefix\s+([A-Za-z][\w-]*(?:\.[\w-]+)*)?:")


class QueryError(ValueError):
    """A problem the user can fix: unknown file or format, bad SPARQL, unknown query name."""


@dataclass(frozen=True)
class NamedQuery:
    """A query of the catalogue: its file name, the comment that explains it, the SPARQL."""

    name: str
    description: str
    text: str

    @property
    def title(self) -> str:
        """The first line of the description: what the query answers, in one line."""
        return self.description.splitlines()[0] if self.description else ""


@dataclass(frozen=True)
class QueryResult:
    """A query's answer, read in full: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: str  # "select", "ask" or "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object | None, ...], ...] = ()  # pyoxigraph terms; None where a variable is unbound
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples) if self.kind == "graph" else 1


# --- the catalogue -------------------------------------------------------------------------


def catalogue() -> dict[str, NamedQuery]:
    """Every named query shipped in histkg/query/queries/*.rq, sorted by name."""
    folder = resources.files("histkg.query") / "queries"
    files = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".rq")), key=lambda e: e.name)
    return {entry.name[:-3]: parse_named_query(entry.name[:-3], entry.read_text(encoding="utf-8"))
            for entry in files}


def parse_named_query(name: str, text: str) -> NamedQuery:
    """The description is the block of '#' lines the file starts with."""
    description = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        description.append(line.lstrip("#").strip())
    return NamedQuery(name, "\n".join(description).strip(), text)


def named_query(name: str) -> NamedQuery:
    """The catalogue's query NAME, or a QueryError listing the names there are."""
    queries = catalogue()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(queries)}")
    return queries[name]


def query_text(sparql: str | None = None, file: Path | str | None = None, name: str | None = None) -> str:
    """The SPARQL to run, from exactly one of: the text itself, a .rq file, a catalogue name."""
    given = [option for option, value in (("QUERY", sparql), ("--file", file), ("--named", name))
             if value is not None]
    if len(given) != 1:
        raise QueryError(f"give exactly one of QUERY, --file or --named (got {', '.join(given) or 'none'})")
    if name is not None:
        return named_query(name).text
    if file is not None:
        return read_query_file(Path(file))
    return sparql


def read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read the query file {path}: {first_line(error)}") from None


# --- opening and querying ------------------------------------------------------------------


def open_store(path: Path | str) -> ox.Store:
    """A store for the graph at PATH: a file read into memory, or a folder holding an Oxigraph store."""
    path = Path(path)
    if path.is_dir():
        return open_store_folder(path)
    if not path.is_file():
        raise QueryError(f"no such graph file: {path}")
    rdf_format = RDF_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise QueryError(f"cannot tell the format of {path}: use {', '.join(RDF_FORMATS)} or an Oxigraph folder")
    store = ox.Store()
    try:
        store.load(path=path, format=rdf_format)
    except (SyntaxError, ValueError, OSError) as error:
        raise QueryError(f"cannot read {path} as {rdf_format.name}: {first_line(error)}") from None
    return with_union_default_graph(store)


def open_store_folder(path: Path) -> ox.Store:
    """The folder is opened read-only, so nothing can change a store another process may be
    serving, and read into memory, where the union default graph can be written."""
    try:
        folder = ox.Store.read_only(str(path))
    except OSError as error:
        raise QueryError(f"{path} is not an Oxigraph store: {first_line(error)}") from None
    store = ox.Store()
    store.extend(list(folder))
    return with_union_default_graph(store)


def with_union_default_graph(store: ox.Store) -> ox.Store:
    """Copy every named graph's triples into the default graph: a triple two sources state
    is then one triple there, as in graph.ttl, while `GRAPH ?g` still sees each source."""
    store.extend([ox.Quad(quad.subject, quad.predicate, quad.object)
                  for quad in store if not isinstance(quad.graph_name, ox.DefaultGraph)])
    return store


def run_query(store: ox.Store, sparql: str) -> QueryResult:
    """Answer SPARQL (SELECT, ASK, CONSTRUCT or DESCRIBE) over a store from `open_store`."""
    if is_update(sparql):
        raise QueryError(READ_ONLY_MESSAGE)
    try:
        answer = store.query(sparql, prefixes=QUERY_PREFIXES)
        return read_answer(answer)
    except SyntaxError as error:
        raise QueryError(syntax_message(sparql, error)) from None
    except OSError as error:  # evaluation errors (a failing SERVICE call, a closed store)
        raise QueryError(f"query failed: {first_line(error)}") from None


def is_update(text: str) -> bool:
    return UPDATE_START.match(text) is not None


def syntax_message(sparql: str, error: SyntaxError) -> str:
    """The parser's error as one line a person can act on, not its list of expected tokens."""
    match = PARSER_ERROR.match(str(error).strip())
    if match is None:
        return f"bad SPARQL: {first_line(error)}"
    # The parser's list of expected tokens (character classes included) helps nobody: the place does.
    line, column = int(match[1]), int(match[2])
    lines = sparql.splitlines() or [""]
    before = lines[line - 1][: column - 1] if line <= len(lines) else ""
    if (unknown := unknown_prefix(sparql)) is not None:
        return unknown
    context = " ".join(before.split()[-4:])[-40:]  # the words the parser read last
    where = f'after "{context}"' if context else "at its start"
    return f"bad SPARQL: syntax error at line {line}, column {column}, {where}"


def unknown_prefix(sparql: str) -> str | None:
    """The first prefixed name whose prefix is neither declared nor one of QUERY_PREFIXES, as a message."""
    blanked = IRI_STRING_OR_COMMENT.sub(lambda m: " " * len(m[0]), sparql)  # positions stay
    declared = {name or "" for name in PREFIX_DECLARATION.findall(blanked)} | set(QUERY_PREFIXES)
    for use in PREFIX_USE.finditer(blanked):
        prefix = use[1] or ""
        if prefix not in declared:
            line = blanked.count("\n", 0, use.start()) + 1
            column = use.start() - (blanked.rfind("\n", 0, use.start()) + 1) + 1
            return f'bad SPARQL: unknown prefix "{prefix}:" at line {line}, column {column}'
    return None


def read_answer(answer) -> QueryResult:
    """Read pyoxigraph's one-pass answer into a QueryResult."""
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult("graph", triples=tuple(answer))
    variables = tuple(variable.value for variable in answer.variables)
    rows = tuple(tuple(solution[name] for name in variables) for solution in answer)
    return QueryResult("select", variables=variables, rows=rows)


def run_named_query(store: ox.Store, name: str) -> QueryResult:
    """Answer the catalogue's query NAME."""
    return run_query(store, named_query(name).text)


def first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# --- formatting ----------------------------------------------------------------------------


def default_format(result: QueryResult, terminal: bool) -> str:
    """What `histkg query` prints without --format: Turtle for triples; a table on a terminal, CSV when piped."""
    if result.kind == "graph":
        return "turtle"
    return "table" if terminal else "csv"


def format_result(result: QueryResult, fmt: str) -> str:
    """Write RESULT as FMT.

    SELECT and ASK: "table" (aligned columns for a terminal), "csv" and "json" (the
    W3C SPARQL 1.1 results formats), "tsv" (plain values, as in CSV) or "sparql-tsv"
    (SPARQL 1.1 TSV). CONSTRUCT and DESCRIBE: "turtle" or "ntriples"; "table" gives
    Turtle, "csv" and "tsv" give N-Triples (one triple a line), "json" gives JSON-LD.
    """
    if fmt not in FORMATS and fmt != SPARQL_TSV:
        raise QueryError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    if result.kind == "graph":
        return format_triples(result.triples, fmt)
    if fmt in GRAPH_FORMATS:
        raise QueryError(f"format {fmt!r} is for CONSTRUCT and DESCRIBE; use {', '.join(TABLE_FORMATS)}")
    if result.kind == "ask":
        return format_boolean(result.boolean, fmt)
    return SOLUTION_WRITERS[fmt](result)


def format_boolean(value: bool, fmt: str) -> str:
    """ASK: yes or no for a person at a terminal; true or false for a program reading a pipe."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value})
    if fmt == "table":
        return "yes\n" if value else "no\n"
    return ("true" if value else "false") + ("\r\n" if fmt == "csv" else "\n")


GRAPH_SERIALIZATIONS = {
    "table": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "csv": ox.RdfFormat.N_TRIPLES,
    "tsv": ox.RdfFormat.N_TRIPLES,
    SPARQL_TSV: ox.RdfFormat.N_TRIPLES,
    "json": ox.RdfFormat.JSON_LD,
}


def format_triples(triples: tuple[ox.Triple, ...], fmt: str) -> str:
    rdf_format = GRAPH_SERIALIZATIONS[fmt]
    prefixes = used_prefixes(triples) if rdf_format is ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes).decode("utf-8")


def used_prefixes(triples: tuple[ox.Triple, ...]) -> dict[str, str]:
    """The vocabulary prefixes the triples use: Turtle then declares only those.

    Data IRIs stay whole: their local names hold '/', which Turtle would escape.
    """
    iris = {term.value for triple in triples for term in triple if isinstance(term, ox.NamedNode)}
    iris |= {term.datatype.value for triple in triples for term in triple if isinstance(term, ox.Literal)}
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()
            if any(iri.startswith(str(namespace)) for iri in iris)}


def write_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: plain values (IRIs bare, literals without datatype), CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([csv_value(term) for term in row] for row in result.rows)
    return buffer.getvalue()


def csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def write_tsv(result: QueryResult) -> str:
    """Plain values as in CSV, a tab between them; a tab, line break or backslash inside a
    value is written \\t, \\n, \\r or \\\\, so that every row stays one line."""
    lines = ["\t".join(result.variables)]
    lines += ["\t".join(tsv_escape(csv_value(term)) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_escape(value: str) -> str:
    return value.translate(TSV_ESCAPES)


def write_sparql_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: '?'-headed variables, terms in N-Triples syntax."""
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def write_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON: head.vars and results.bindings."""
    bindings = [{name: json_term(term) for name, term in zip(result.variables, row) if term is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False)


def json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        return literal_json(term)
    return {"type": "triple", "value": str(term)}  # RDF-star quoted triple: rare here, kept readable


def literal_json(literal: ox.Literal) -> dict:
    described = {"type": "literal", "value": literal.value}
    if literal.language:
        described["xml:lang"] = literal.language
    elif literal.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        described["datatype"] = literal.datatype.value
    return described


def write_table(result: QueryResult) -> str:
    """Aligned columns for a terminal: compact IRIs, literals by value, long cells cut."""
    cells = [[table_value(term) for term in row] for row in result.rows]
    widths = [max([display_width(name)] + [display_width(row[i]) for row in cells])
              for i, name in enumerate(result.variables)]
    lines = [pad_row(result.variables, widths), "  ".join("-" * width for width in widths)]
    lines += [pad_row(row, widths) for row in cells]
    count = len(result.rows)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines) + "\n"


def table_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = compact_iri(term.value)
    elif isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, ox.Literal):
        text = term.value
    else:
        text = str(term)
    text = " ".join(text.split())  # OCR text carries line breaks: one line per row
    return text if len(text) <= TABLE_CELL_LIMIT else text[: TABLE_CELL_LIMIT - 1] + "…"


def compact_iri(iri: str) -> str:
    """hkg:Treaty rather than the full IRI; the longest matching namespace wins."""
    matches = [(len(ns), prefix) for prefix, ns in DISPLAY_PREFIXES.items() if iri.startswith(ns)]
    if not matches:
        return iri
    length, prefix = max(matches)
    return f"{prefix}:{iri[length:]}"


def display_width(text: str) -> int:
    """Columns a string takes: combining marks (decomposed Turkish letters) take none."""
    return sum(0 if unicodedata.combining(char) else 1 for char in text)


def pad_row(values, widths) -> str:
    padded = [value + " " * (width - display_width(value)) for value, width in zip(values, widths)]
    return "  ".join(padded).rstrip()


SOLUTION_WRITERS = {"table": write_table, "csv": write_csv, "tsv": write_tsv, SPARQL_TSV: write_sparql_tsv,
                    "json": write_json}
