"use strict";
// The SPARQL console: named queries, results as readable cells, local links, CSV download.
// Every value from the server is set with textContent or as a property, never as HTML.
const form = document.getElementById("form");
const named = document.getElementById("named");
const description = document.getElementById("description");
const queryBox = document.getElementById("query");
const runButton = document.getElementById("run");
const csvButton = document.getElementById("csv");
const statusLine = document.getElementById("status");
const errorBox = document.getElementById("error");
const results = document.getElementById("results");
const dataBase = results.dataset.base;
const localRoot = results.dataset.local;
const declared = [...document.querySelectorAll("#prefixes code")].map(code => [code.dataset.prefix, code.dataset.namespace]);
let catalogue = new Map();

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showError(message) { errorBox.textContent = message; }

function clearOutput() {
  showError("");
  statusLine.textContent = "";
  results.replaceChildren();
}

async function loadCatalogue() {
  try {
    const response = await fetch("/queries", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const queries = await response.json();
    catalogue = new Map(queries.map(query => [query.name, query]));
    for (const query of queries) {
      const title = query.description.split("\n")[0];
      const option = element("option", title ? `${query.name} — ${title}` : query.name);
      option.value = query.name;
      named.append(option);
    }
  } catch (error) {
    showError(`Could not load the named queries: ${error.message}`);
  }
}

named.addEventListener("change", () => {
  const query = catalogue.get(named.value);
  description.textContent = query ? query.description : "";
  if (query) queryBox.value = query.text;
});

// The query's own PREFIX lines, then the declared ones; longest namespace first.
function prefixesOf(text) {
  const found = [];
  for (const match of text.matchAll(/PREFIX\s+([\w.-]*):\s*<([^>]*)>/gi)) found.push([match[1], match[2]]);
  return found.concat(declared).sort((a, b) => b[1].length - a[1].length);
}

function compact(iri, prefixes) {
  for (const [prefix, namespace] of prefixes) {
    if (namespace && iri.startsWith(namespace) && iri.length > namespace.length) return `${prefix}:${iri.slice(namespace.length)}`;
  }
  return iri;
}

function localPath(iri) {
  return dataBase && iri.startsWith(dataBase) && iri.length > dataBase.length ? localRoot + iri.slice(dataBase.length) : null;
}

// A cell reads as a person would say it: a label or a plain value; the IRI or datatype on hover.
function termCell(term, prefixes) {
  const cell = element("td");
  if (!term) return cell;
  if (term.type === "uri") {
    const local = localPath(term.value);
    if (local) {
      const link = element("a", compact(term.value, [["id", dataBase]]));
      link.href = local;
      link.title = term.value;
      link.dataset.iri = term.value;
      cell.append(link);
    } else if (/^https?:\/\//i.test(term.value)) {
      const link = element("a", compact(term.value, prefixes));
      link.href = term.value;
      link.title = term.value;
      link.rel = "noreferrer";
      cell.append(link);
    } else {
      cell.append(element("span", term.value));
    }
  } else if (term.type === "bnode") {
    cell.append(element("span", `_:${term.value}`));
  } else if (term.type === "literal" || term.type === "typed-literal") {
    const value = element("span", term.value, "value");
    if (term["xml:lang"]) value.title = `language: ${term["xml:lang"]}`;
    else if (term.datatype) value.title = `datatype: ${compact(term.datatype, prefixes)}`;
    cell.append(value);
  } else {
    cell.append(element("span", typeof term.value === "string" ? term.value : JSON.stringify(term.value)));
  }
  return cell;
}

function showSolutions(data, prefixes) {
  const variables = data.head.vars;
  const table = element("table");
  const headRow = element("tr");
  headRow.append(element("th", "#"));
  for (const name of variables) {
    const th = element("th", name);
    th.scope = "col";
    headRow.append(th);
  }
  table.append(element("thead"));
  table.tHead.append(headRow);
  const body = element("tbody");
  const rows = document.createDocumentFragment();
  data.results.bindings.forEach((binding, index) => {
    const row = element("tr");
    row.append(element("td", String(index + 1), "n"));
    for (const name of variables) row.append(termCell(binding[name], prefixes));
    rows.append(row);
  });
  body.append(rows);
  table.append(body);
  results.replaceChildren(table);
  return data.results.bindings.length;
}

// Local entities show their skos:prefLabel: one more query, for the IRIs on screen.
async function labelLinks() {
  const links = [...results.querySelectorAll("a[data-iri]")];
  const iris = [...new Set(links.map(link => link.dataset.iri))].slice(0, 500);
  if (iris.length === 0) return;
  const values = iris.map(iri => `<${iri}>`).join(" ");
  const query = `SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { ${values} } ?s skos:prefLabel|dcterms:title ?l } GROUP BY ?s`;
  const response = await sparql(query, "application/sparql-results+json");
  if (!response.ok) return;
  const labels = new Map((await response.json()).results.bindings.map(row => [row.s.value, row.label.value]));
  for (const link of links) if (labels.has(link.dataset.iri)) link.textContent = labels.get(link.dataset.iri);
}

function sparql(text, accept) {
  return fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
    body: new URLSearchParams({ query: text }),
  });
}

function rowWord(count) { return `${count} row${count === 1 ? "" : "s"}`; }

async function run() {
  const text = queryBox.value;
  if (!text.trim()) { showError("Write a query first."); queryBox.focus(); return; }
  clearOutput();
  runButton.disabled = true;
  statusLine.textContent = "Running…";
  const started = performance.now();
  try {
    const response = await sparql(text, "application/sparql-results+json, text/turtle;q=0.9");
    const elapsed = Math.round(performance.now() - started);
    if (!response.ok) {
      statusLine.textContent = "";
      showError(`Error ${response.status}: ${(await response.text()).trim()}`);
      return;
    }
    const truncated = response.headers.get("X-Histkg-Truncated") === "true";
    const limit = response.headers.get("X-Histkg-Limit");
    const type = response.headers.get("Content-Type") || "";
    let summary;
    if (type.includes("sparql-results+json")) {
      const data = await response.json();
      if ("boolean" in data) {
        results.replaceChildren(element("p", data.boolean ? "Yes: the pattern matches." : "No: the pattern does not match."));
        summary = `ASK: ${data.boolean ? "yes" : "no"}`;
      } else {
        summary = rowWord(showSolutions(data, prefixesOf(text)));
        await labelLinks();
      }
    } else {
      results.replaceChildren(element("pre", await response.text(), "graph"));
      summary = `${response.headers.get("X-Histkg-Count")} triples`;
    }
    statusLine.textContent = `${summary} in ${elapsed} ms` + (truncated ? ` (cut at the server's limit of ${limit}: add LIMIT or narrow the query)` : "");
  } catch (error) {
    statusLine.textContent = "";
    showError(`The server did not answer (${error.message}): is histkg serve still running?`);
  } finally {
    runButton.disabled = false;
  }
}

// The same query as CSV (SPARQL 1.1 CSV: plain values), saved as a file.
async function downloadCsv() {
  const text = queryBox.value;
  if (!text.trim()) { showError("Write a query first."); return; }
  showError("");
  const response = await sparql(text, "text/csv");
  if (!response.ok) { showError(`Error ${response.status}: ${(await response.text()).trim()}`); return; }
  const link = element("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = `${named.value || "query"}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

form.addEventListener("submit", event => { event.preventDefault(); run(); });
csvButton.addEventListener("click", downloadCsv);
queryBox.addEventListener("keydown", event => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
});
loadCatalogue();
