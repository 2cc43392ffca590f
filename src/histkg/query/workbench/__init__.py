"""The historians' workbench: pages over a built graph that `histkg serve` adds to its SPARQL endpoint.

Takes the pyoxigraph store `serve` opened, and a curation file when given one; gives a Starlette
app of entity pages (at the entities' own paths, with content negotiation), a source reader,
browse and search, a map, a timeline, a network and the review queue, each drawn by histkg's own
code from the graph and packages' data, and the corrections their buttons append to the curation file.
Public face: `app.Workbench` (opened once per server) and `app.workbench_routes`; `timing` measures the pages.
"""
