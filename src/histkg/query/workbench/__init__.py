"""The historians' workbench: pages over a built graph that `histkg serve` adds to its SPARQL endpoint.

Takes the pyoxigraph store `serve` opened; gives a Starlette app of entity pages (at the
entities' own paths, with content negotiation), a source reader, browse and search, a map, a
timeline and a network, each drawn by histkg's own code from the graph and packages' data.
Public face: `app.Workbench` (opened once per server) and `app.workbench_routes`; `timing` measures the pages.
"""
