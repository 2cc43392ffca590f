"""histkg's command line: a thin click layer over the library.

Each command parses options, makes one library call, shows progress on a
terminal, and turns the errors a user can cause into one line on stderr and
exit code 2 (exit 1 means the graph does not conform), as pySHACL's CLI does.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

import click

from histkg import __version__
from histkg.export.registry import ALIASES, EXPORTERS, ExportError, default_output, load_graph
from histkg.export.registry import export as export_graph
from histkg.query.sparql import FORMATS
from histkg.rdf.namespaces import DEFAULT_BASE
from histkg.text.corpus import CorpusError


class UserError(click.ClickException):
    """A problem the user can fix: one line, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"histkg: error: {self.format_message()}", err=True)


class Bars:
    """A build's progress on a terminal: a bar per counted stage (documents
    extracted, quads validated, files written), messages above them. Drawn
    when something changes, not by a timer thread (extraction forks workers)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
        from rich.progress import TimeElapsedColumn

        self.bars = Progress(TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(),
                             TextColumn("{task.fields[unit]}"), TimeElapsedColumn(),
                             console=Console(stderr=True), auto_refresh=False)
        self.tasks: dict[str, int] = {}

    def __call__(self, message: str) -> None:
        self.bars.console.print(f"  {message}", highlight=False, markup=False)

    def start(self, stage: str, total: int, unit: str) -> None:
        if not self.tasks:
            self.bars.start()
        self.tasks[stage] = self.bars.add_task(stage, total=total, unit=unit)
        self.bars.refresh()

    def advance(self, stage: str, amount: int = 1, note: str = "") -> None:
        self.bars.update(self.tasks[stage], advance=amount)
        self.bars.refresh()

    def close(self) -> None:
        if self.tasks:
            self.bars.stop()


class PlainLines:
    """A build's progress where stderr is not a terminal (a log, a pipe): a
    line per step of each counted stage, or per tenth of a long one; no
    control characters."""

    def __init__(self) -> None:
        self.counts: dict[str, list] = {}

    def __call__(self, message: str) -> None:
        click.echo(message, err=True)

    def start(self, stage: str, total: int, unit: str) -> None:
        self.counts[stage] = [0, total, unit]

    def advance(self, stage: str, amount: int = 1, note: str = "") -> None:
        count = self.counts[stage]
        before, count[0] = count[0], count[0] + amount
        step = max(1, count[1] // 10)
        if count[0] >= count[1] or count[0] // step > before // step:
            click.echo(f"{stage}: {count[0]}/{count[1]} {count[2]}", err=True)

    def close(self) -> None:
        pass


class Silent(PlainLines):
    def __call__(self, message: str) -> None:
        pass

    def advance(self, stage: str, amount: int = 1, note: str = "") -> None:
        pass


def progress_display(quiet: bool):
    """Bars on a terminal, plain lines when stderr is piped, nothing with --quiet."""
    if quiet:
        return Silent()
    return Bars() if sys.stderr.isatty() else PlainLines()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="histkg")
def main() -> None:
    """Turn historical articles into a cited, validated RDF knowledge graph.

    Example: histkg build seeds/ --out out/
    """
    show_warnings()


class WarningLines(logging.Handler):
    """The library's warnings (a file skipped, paragraphs in another language): a line each on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"histkg: warning: {record.getMessage()}", err=True)


def show_warnings() -> None:
    logger = logging.getLogger("histkg")
    if not any(isinstance(handler, WarningLines) for handler in logger.handlers):
        logger.addHandler(WarningLines(logging.WARNING))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True,
              help="Folder for graph.ttl, .nt, .trig, .nq, .jsonld, .graphml, .gexf, .geojson, graph-csv/, "
                   "cooccurrence.graphml, cooccurrence.gexf and validation.txt.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data.")
@click.option("--workers", type=click.IntRange(min=1),
              help="Processes (or local Dask workers) that extract documents at once; default: the machine's cores.")
@click.option("--executor", type=click.Choice(["processes", "dask"]), default="processes", show_default=True,
              help="processes: a pool on this machine; dask: a Dask cluster (the one at --scheduler, else a local one).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --executor dask).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of extractions kept between builds, so only changed documents are extracted again "
                   "[default: OUT/.cache].")
@click.option("--no-cache", is_flag=True, help="Extract every document; read and keep no cache.")
@click.option("-q", "--quiet", is_flag=True, help="Print no progress and no summary; problems still go to stderr.")
@click.option("--strict", is_flag=True,
              help="A statement that breaks a shape is fatal: exit 2, nothing written (default: it is left out, "
                   "listed in validation.txt, everything else is written, exit 1).")
@click.option("--curation", "curation_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Curation file of corrections to apply (README: Correcting the graph) "
                   "[default: curation.toml in the corpus folder, when there is one].")
def build(paths: tuple[Path, ...], out_dir: Path, base: str, workers: int | None, executor: str,
          scheduler: str | None, cache_dir: Path | None, no_cache: bool, quiet: bool, strict: bool,
          curation_file: Path | None) -> None:
    """Build the graph of the articles in PATHS (files or folders; default seeds/).

    Extraction runs in a pool of processes, or on a Dask cluster; documents
    unchanged since the last build into OUT are read back from OUT/.cache.

    \b
    Example: histkg build seeds/ --out out/ --base https://example.org/id/
             histkg build seeds/ --curation my-corrections.toml
             histkg build archive/ --workers 8
             histkg build archive/ --executor dask --scheduler tcp://10.0.0.5:8786
    """
    from histkg.curation.apply import default_curation
    from histkg.curation.entries import CurationError
    from histkg.facts.workers import ExecutorError, default_workers
    from histkg.pipeline import build as run_build

    if not base.startswith(("http://", "https://", "urn:")):
        raise UserError(f"--base must be an absolute IRI (http://, https:// or urn:), not {base!r}")
    paths = paths or (Path("seeds"),)
    progress = progress_display(quiet)
    try:
        result = run_build(paths, out_dir, base=base, progress=progress,
                           workers=workers or default_workers(), executor="dask" if scheduler else executor,
                           scheduler=scheduler, cache_dir=None if no_cache else cache_dir or out_dir / ".cache",
                           strict=strict, curation=curation_file or default_curation(paths))
    except (CorpusError, ExecutorError, CurationError) as error:
        raise UserError(str(error)) from None
    finally:
        progress.close()
    if not quiet:
        print_summary(result)
    if result.problems:
        # What is missing from the graph; the SHACL report too where no file holds it, or it failed.
        # Its warnings (a thousand on a large corpus) are read in validation.txt.
        written = not strict and result.conforms
        click.echo(result.problems_report + (f"the whole report: {out_dir / 'validation.txt'}" if written
                                             else result.validation.report_text), err=True)
        sys.exit(2 if strict else 1)


def print_summary(result) -> None:
    summary = result.validation.report_text.splitlines()[0] if result.validation.report_text else ""
    cached = f" ({result.cached} read back from the cache)" if result.cached else ""
    click.echo(f"{len(result.documents)} documents{cached}, {len(result.entities)} entities, "
               f"{len(result.dataset)} quads; {summary}")
    for path in result.written:
        click.echo(f"wrote {path}")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
def validate(graph: Path) -> None:
    """Validate a built GRAPH (.ttl, .nt, .trig, .nq) against histkg's SHACL shapes.

    Exit code 0: conforms (warnings allowed); 1: violations; 2: unreadable input.

    Example: histkg validate out/graph.ttl
    """
    from histkg.rdf.validate import validate as run_validate

    try:
        data = load_graph(graph)
    except ExportError as error:
        raise UserError(str(error)) from None
    result = run_validate(data)
    click.echo(result.report_text)
    sys.exit(0 if result.conforms else 1)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--to", "fmt", required=True,
              help=f"Format: {', '.join(EXPORTERS)} (aliases: {', '.join(sorted(ALIASES))}). "
                   "gexf has the events in time for Gephi's timeline; csv writes a folder of tables; "
                   "cooccurrence-* is the network of persons named together.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File (a folder for csv) to write; default: beside GRAPH, e.g. graph.gexf, graph-csv/.")
def export(graph: Path, fmt: str, output: Path | None) -> None:
    """Export a built GRAPH to another format.

    Example: histkg export out/graph.trig --to gexf -o out/events.gexf
    """
    try:
        target = output or default_output(graph, fmt)
        data = load_graph(graph)
        if target.resolve() == graph.resolve():
            raise ExportError(f"refusing to overwrite the input {graph}: give -o FILE")
        export_graph(data, fmt, target)
    except ExportError as error:
        raise UserError(str(error)) from None
    click.echo(f"wrote {target}")


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path),
              help="Folder with persons.json, not_persons.json, treaties.json, dates.json, visits.json.")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path),
              help="A corpus folder: each NN-genre-slug.txt with its gold NN-genre-slug.json beside it.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers (and the lists) as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="Also list missed gold items and unmatched predictions.")
def evaluate(graph: Path | None, gold_dir: Path | None, corpus_dir: Path | None, as_json: bool, verbose: bool) -> None:
    """Measure extraction quality of a built GRAPH against gold annotations.

    With --gold (the seeds' gold; GRAPH defaults to out/graph.ttl): strict (same
    span) and fuzzy (overlap) precision, recall and F1 of the mentions of
    persons, treaties, dates and places, entity-level scores, merge accuracy,
    date normalisation and event slots.

    With --corpus: scores document by document (persons, places,
    organizations, date values, treaty and journey slots), one table per
    measure and one per genre. Without GRAPH the corpus is built first.

    \b
    Example: histkg evaluate --gold tests/gold out/graph.ttl --verbose
             histkg evaluate --corpus tests/corpus
    """
    from histkg.evaluate.corpus import evaluate_corpus
    from histkg.evaluate.report import EvaluationError
    from histkg.evaluate.scoring import evaluate as run_evaluate

    if (gold_dir is None) == (corpus_dir is None):
        raise UserError("give one of --gold DIR or --corpus DIR")
    try:
        if gold_dir is not None:
            report = run_evaluate(graph or Path("out/graph.ttl"), gold_dir)
        elif graph is not None:
            report = evaluate_corpus(corpus_dir, graph)
        else:
            with tempfile.TemporaryDirectory(prefix="histkg-evaluate-") as folder:
                report = evaluate_corpus(corpus_dir, built_graph(corpus_dir, Path(folder)))
    except EvaluationError as error:
        raise UserError(str(error)) from None
    click.echo(report.to_json() if as_json else report.to_text(verbose))


def built_graph(corpus_dir: Path, folder: Path) -> Path:
    """The graph of a corpus, built into `folder` (written even where it does not conform: it is scored, not published)."""
    from histkg.evaluate.corpus import gold_texts
    from histkg.export.registry import GraphData
    from histkg.pipeline import build as run_build

    try:
        result = run_build(gold_texts(corpus_dir) or [corpus_dir])
    except CorpusError as error:
        raise UserError(str(error)) from None
    return export_graph(GraphData(result.dataset), "trig", folder / "graph.trig")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("sparql", required=False, metavar="[QUERY]")
@click.option("--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the query from a .rq file.")
@click.option("--named", "name", help="Run a query of the catalogue (histkg queries lists them).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="table (default on a terminal), csv (default when piped), tsv, json; "
                   "CONSTRUCT and DESCRIBE: turtle (default), ntriples, json (JSON-LD).")
def query(graph: Path, sparql: str | None, query_file: Path | None, name: str | None, fmt: str | None) -> None:
    """Answer a SPARQL QUERY (or --file F.rq, or --named NAME) over a built GRAPH.

    GRAPH is .ttl, .nt, .nq, .trig or .jsonld, or an Oxigraph store folder; the
    default graph is the union of the sources' named graphs. The prefixes hkg,
    skos, oa, owl, rdf, rdfs, xsd, schema, dcterms and prov need no PREFIX line.
    ASK prints yes or no on a terminal, true or false when piped.

    \b
    Example: histkg query out/graph.trig --named treaties
             histkg query out/graph.ttl 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format json
    """
    from histkg.query.sparql import QueryError, default_format, format_result, open_store, query_text, run_query

    try:
        text = query_text(sparql, query_file, name)
        result = run_query(open_store(graph), text)
        click.echo(format_result(result, fmt or default_format(result, stdout_is_terminal())), nl=False)
    except QueryError as error:
        raise UserError(str(error)) from None


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--csv", "csv_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The spreadsheet to write: one row per item, the most deserving first.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data (ids are paths below it).")
def review(graph: Path, csv_file: Path, base: str) -> None:
    """Write the review queue of a built GRAPH: what deserves a look first.

    Conflicting dates and impossible values, places far from the rest of
    their source, persons with the same surname, inferred facts, then things
    named once; each with its id (for the curation file), the reason, the
    source file and the sentence.

    Example: histkg review out/graph.trig --csv review.csv
    """
    from histkg.curation.review import review_queue, write_csv
    from histkg.query.sparql import QueryError, open_store

    try:
        items = review_queue(open_store(graph), base)
        write_csv(items, csv_file)
    except QueryError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(f"cannot write {csv_file}: {error.strerror or error}") from None
    click.echo(f"wrote {csv_file}: {len(items)} items to review")


@main.command()
def queries() -> None:
    """List the named queries: name and the question each answers.

    Example: histkg queries && histkg query out/graph.ttl --named itinerary
    """
    from histkg.query.sparql import catalogue

    named = catalogue()
    width = max(map(len, named), default=0)
    for query_name, named_query in named.items():
        click.echo(f"{query_name.ljust(width)}  {named_query.title}")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--port", default=8088, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; loopback only unless --allow-remote.")
@click.option("--allow-remote", is_flag=True,
              help="Allow a non-loopback --host. The endpoint has no authentication: anyone who can reach "
                   "the port can read the whole graph and keep it busy with heavy queries.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds a query may run before the server answers 503.")
@click.option("--limit", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Most rows (or triples) one answer returns; the response says when it was cut.")
@click.option("--sources", type=click.Path(path_type=Path), default=None,
              help="The folder histkg build ran in, where the sources' files are (default: the current "
                   "folder, then the one above the graph's).")
@click.option("--curation", "curation_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The curation file the pages' buttons add corrections to, made when missing (README: Correcting "
                   "the graph) [default with --sources: curation.toml in the corpus folder; else none, and the "
                   "pages only read].")
def serve(graph: Path, port: int, host: str, allow_remote: bool, timeout: float, limit: int,
          sources: Path | None, curation_file: Path | None) -> None:
    """Serve a built GRAPH (.ttl, .nt, .trig, .nq or an Oxigraph folder): the workbench and a SPARQL endpoint.

    The workbench at / (browse, search, entity pages at /id/…, the source reader, map, timeline,
    network, the review queue at /review, the SPARQL console at /query); SPARQL 1.1 Protocol at
    /sparql, named queries at /queries. With a curation file, the pages add corrections to it
    (reject, merge, relabel, link, retract, assert) for the next build. Stop it with Ctrl-C.

    \b
    Example: histkg serve out/graph.trig --port 8088
             histkg serve out/graph.trig --sources . --curation seeds/curation.toml
    then open http://127.0.0.1:8088/ or ask from a shell:
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:8088/sparql
    curl -H 'Accept: text/turtle' http://127.0.0.1:8088/id/person/kliment-vorosilov
    """
    from histkg.query.protocol import Limits
    from histkg.query.serve import ServeError
    from histkg.query.serve import serve as run_server

    try:
        run_server(graph, host=host, port=port, allow_remote=allow_remote,
                   limits=Limits(timeout=timeout, max_rows=limit), sources=sources, curation=curation_file,
                   on_listening=lambda url, curation: announce(graph, url, curation))
    except ServeError as error:
        raise UserError(str(error)) from None


def announce(graph: Path, url: str, curation: Path | None) -> None:
    click.echo(f"histkg: serving {graph} at {url} (SPARQL: {url}sparql); Ctrl-C stops")
    if curation is None:
        click.echo("histkg: the pages only read: give --curation FILE to correct the graph from them")
    else:
        click.echo(f"histkg: corrections from the pages go to {curation}, for the next build")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--store", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the Oxigraph store: made when missing, emptied first when it holds one.")
def load(graph: Path, folder: Path) -> None:
    """Load a built GRAPH (.trig, .nq, .ttl, .nt, .jsonld) into an Oxigraph store with the bulk loader.

    `histkg query DIR` and `histkg serve DIR` open the store; so does `oxigraph serve --location DIR`.

    Example: histkg load out/graph.nq --store out/store
    """
    from histkg.export.store import StoreError, load_store

    try:
        count = load_store(graph, folder)
    except StoreError as error:
        raise UserError(str(error)) from None
    click.echo(f"loaded {count} quads into {folder}")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's SPARQL 1.1 Graph Store Protocol address, e.g. http://127.0.0.1:7878/store.")
def push(graph: Path, endpoint: str) -> None:
    """Send each named graph of a built GRAPH to a SPARQL 1.1 Graph Store Protocol server.

    Each source's graph replaces the graph of that name there (HTTP PUT), so
    pushing a new build updates it. Let the server take the union of the graphs
    as its default graph (`oxigraph serve --union-default-graph`), as `histkg query` does.

    Example: histkg push out/graph.trig --endpoint http://127.0.0.1:7878/store
    """
    from histkg.export.store import StoreError
    from histkg.export.store import push as push_graphs

    try:
        sent = push_graphs(graph, endpoint)
    except StoreError as error:
        raise UserError(str(error)) from None
    click.echo(f"pushed {len(sent)} graph{'s' if len(sent) != 1 else ''} to {endpoint}")


if __name__ == "__main__":
    main()
