"""How long each workbench page takes to answer: `python -m histkg.query.workbench.timing GRAPH`.

Starts `histkg serve GRAPH` on a free port as a user would, picks the most mentioned person,
place, treaty and journey and every source through its SPARQL endpoint, then asks each page
once cold and REPEAT times warm, and prints the first and the median time in milliseconds.
A measurement, not a test: speed is judged by people reading the numbers (target: 300 ms on
the seeds' graph).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

REPEAT = 5
MOST_MENTIONED = ("SELECT ?e WHERE {{ ?e a hkg:{cls} ; hkg:evidence ?a }} "
                  "GROUP BY ?e ORDER BY DESC(COUNT(?a)) ?e LIMIT 1")


def started(graph: str, sources: str | None) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "histkg.cli", "serve", graph, "--port", "0"]
    command += ["--sources", sources] if sources else []
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.search(r"http://\S+?/(?= )", line)
    if not match:
        process.kill()
        sys.exit(f"histkg: error: the server did not start: {line.strip() or process.stderr.read().strip()}")
    return process, match.group(0)


def fetch(url: str) -> float:
    """Milliseconds until the whole answer has arrived."""
    begun = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
    return (time.perf_counter() - begun) * 1000


def ask(base: str, query: str) -> list[str]:
    url = base + "sparql?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(url, timeout=60) as response:
        rows = json.load(response)["results"]["bindings"]
    return [row[next(iter(row))]["value"] for row in rows]


def local(iri: str) -> str:
    """An entity IRI's page on the server: the part from `/id/` on (the default base) or after the base."""
    return "/id/" + iri.split("/id/", 1)[1] if "/id/" in iri else iri


def pages(base: str) -> list[str]:
    found = ["/", "/browse/person", "/browse/place", "/search?q=ankara", "/map", "/timeline", "/network",
             "/network?min=1", "/query"]
    for cls in ("Person", "Place", "Treaty", "Visit"):
        found += [local(iri) for iri in ask(base, MOST_MENTIONED.format(cls=cls))]
    journeys = ask(base, MOST_MENTIONED.format(cls="Visit"))
    found += [f"/map?journey={urllib.parse.quote(local(iri))}" for iri in journeys]
    for source in ask(base, "SELECT ?s WHERE { ?s a hkg:Source } ORDER BY ?s"):
        found.append("/source/" + source.rsplit("/", 1)[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph")
    parser.add_argument("--sources", help="the folder histkg build ran in (default: as histkg serve)")
    arguments = parser.parse_args()
    process, base = started(arguments.graph, arguments.sources)
    try:
        print(f"{'page':<60} {'first ms':>9} {'median ms':>10}")
        for path in pages(base):
            first = fetch(base.rstrip("/") + path)
            warm = statistics.median(fetch(base.rstrip("/") + path) for _ in range(REPEAT))
            print(f"{path[:60]:<60} {first:>9.0f} {warm:>10.0f}")
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
