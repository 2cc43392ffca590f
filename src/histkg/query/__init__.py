"""Built files or an Oxigraph store to answers and pages: SPARQL from the command
line with the named queries in `queries/` (`sparql`), and the local read-only endpoint
(`serve`, `protocol`) with the historians' workbench (`workbench`: pages, map, timeline,
network) whose templates and scripts are in `web/`.

Public face: `sparql.open_store`, `sparql.run_query`, `sparql.catalogue`,
`sparql.format_result`, `serve.serve`.
"""
