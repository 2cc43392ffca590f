"""A compact rdflib store for the graph a build makes.

rdflib's Memory store takes about 1.6 KB for each statement (three nested
indexes of Python dicts, a set of triples per graph, the triples' contexts):
650 MB for ten copies of the seeds, 6.5 GB for a hundred. pyoxigraph's store
is small but cannot hold the graph as written: it keeps typed literals by
value, so `"8"^^xsd:nonNegativeInteger` comes back an xsd:integer and
`"40.87600"^^xsd:decimal` as `"40.876"`.

Here each term is stored once and named by a number; a statement is one
integer (predicate, object and graph packed together) in the set of its
subject, and once more, packed with its subject, in the set of its object.
The Dataset a build makes sits on this store, so everything that reads it
through rdflib (curation, repair, the networks and tables, the validation
report) works as before, and what reads every statement (validation's
parts, the writers) takes them by number (`QuadStore.numbered_statements`),
each term converted once, without rdflib's pattern machinery.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import count

from rdflib import Dataset, Graph
from rdflib.plugins.stores.memory import Memory
from rdflib.store import Store

from histkg.rdf.namespaces import bind_prefixes
from histkg.rdf.oxterms import OxConverter

GRAPH_BITS = 24  # up to 16 million graphs
TERM_BITS = 40   # up to a trillion terms
GRAPH_MASK = (1 << GRAPH_BITS) - 1
TERM_MASK = (1 << TERM_BITS) - 1


STORES = count()  # a token for each store made in this process
HUB = 64  # statements of one node beyond which a pattern with a predicate looks at that predicate's only


def pack(first: int, second: int, graph: int) -> int:
    return (((first << TERM_BITS) | second) << GRAPH_BITS) | graph


def unpack(packed: int) -> tuple[int, int, int]:
    graph = packed & GRAPH_MASK
    pair = packed >> GRAPH_BITS
    return pair >> TERM_BITS, pair & TERM_MASK, graph


class QuadStore(Store):
    """A context-aware rdflib Store that holds each term once and each
    statement as two integers. Answers as rdflib's Memory store does: with no
    context, each matching triple once, with every graph that holds it."""

    context_aware = True
    formula_aware = False
    graph_aware = True
    transaction_aware = False

    def __init__(self, configuration=None, identifier=None) -> None:
        super().__init__(configuration)
        self.identifier = identifier
        self.terms: list = []  # number -> term (graphs' identifiers too)
        self.numbers: dict = {}  # term -> number
        self.by_subject: dict[int, set[int]] = {}  # subject -> packed (predicate, object, graph)
        self.by_object: dict[int, set[int]] = {}  # object -> packed (subject, predicate, graph)
        # a node with many statements (a person's evidence, a class's members) -> its packed statements by predicate,
        # made when a pattern with a predicate first asks: a label looked up must not read every statement of a hub
        self.subject_hubs: dict[int, dict[int, set[int]]] = {}
        self.object_hubs: dict[int, dict[int, set[int]]] = {}
        self.contexts_added: dict[int, Graph] = {}  # graph's number -> the Graph, in the order added
        self.names = Memory()  # the prefixes bound, by rdflib's own rules for rebinding
        # each term as pyoxigraph's, converted once for the store's life (a number's term never changes):
        # validation's parts and the writers both read them
        self.converter = OxConverter()
        self.ntriples = TermTexts(self)  # each term's N-Triples text, made once too
        self.token = next(STORES)  # which store of this process: a number means a term within one store only
        # what changed: how many times statements were added, and each statement removed (as numbers), in
        # order (a build removes a few, in repair); validation splits the graph again only after additions
        # (rdf.rudof.Memory)
        self.additions = 0
        self.removals: list[tuple[int, int, int, int]] = []

    # --- terms ----------------------------------------------------------------------------

    def number(self, term) -> int:
        number = self.numbers.get(term)
        if number is None:
            number = self.numbers[term] = len(self.terms)
            self.terms.append(term)
        return number

    def known(self, term) -> int | None:
        """The number of a term held, None for a term never stored (it matches nothing)."""
        return self.numbers.get(term)

    def graph_number(self, context) -> int:
        return self.number(identifier_of(context))

    def known_graph(self, context) -> int | None:
        """The number of a graph asked about, None for one never stored."""
        return self.known(identifier_of(context))

    # --- graphs ---------------------------------------------------------------------------

    def add_graph(self, graph: Graph) -> None:
        self.contexts_added.setdefault(self.graph_number(graph), graph)

    def remove_graph(self, graph: Graph) -> None:
        self.remove((None, None, None), graph)
        self.contexts_added.pop(self.graph_number(graph), None)

    def context(self, number: int) -> Graph:
        graph = self.contexts_added.get(number)
        if graph is None:
            graph = self.contexts_added[number] = Graph(store=self, identifier=self.terms[number])
        return graph

    def contexts(self, triple=None) -> Iterator[Graph]:
        if triple is None:
            return iter(list(self.contexts_added.values()))
        names = dict.fromkeys(graph for *_, graph in self.matches(triple, None))
        return (self.context(number) for number in names)

    # --- statements -----------------------------------------------------------------------

    def add(self, triple, context, quoted: bool = False) -> None:
        if quoted:
            raise ValueError("a QuadStore holds no formulas")
        self.add_triples([triple], context)

    def add_triples(self, triples: Iterable[tuple], context) -> None:
        """Triples (rdflib terms) into one graph, without rdflib's Graph.add and
        its checks on each: a build adds millions (graph.add_all)."""
        graph = self.graph_number(context)
        if isinstance(context, Graph):
            self.contexts_added.setdefault(graph, context)
        else:
            self.context(graph)
        self.additions += 1
        number = self.number
        for triple in triples:
            subject, predicate, obj = number(triple[0]), number(triple[1]), number(triple[2])
            file(self.by_subject, self.subject_hubs, subject, predicate, pack(predicate, obj, graph))
            file(self.by_object, self.object_hubs, obj, predicate, pack(subject, predicate, graph))

    def addN(self, quads: Iterable) -> None:  # noqa: N802 (rdflib's name)
        for subject, predicate, obj, context in quads:
            self.add((subject, predicate, obj), context)

    def remove(self, triple, context=None) -> None:
        graph = None if context is None else self.known_graph(context)
        if context is not None and graph is None:
            return
        found = list(self.matches(triple, graph))
        self.removals += found
        for subject, predicate, obj, number in found:
            discard(self.by_subject, self.subject_hubs, subject, predicate, pack(predicate, obj, number))
            discard(self.by_object, self.object_hubs, obj, predicate, pack(subject, predicate, number))

    def matches(self, triple, graph: int | None) -> Iterator[tuple[int, int, int, int]]:
        """(subject, predicate, object, graph) numbers of the statements that
        match `triple` (None for any term) in graph number `graph` (None: any).
        Asked for each label and value the networks and tables read: each
        statement is unpacked inline, its predicate first."""
        numbers = self.numbers
        subject, predicate, obj = triple
        if subject is not None and (subject := numbers.get(subject)) is None:
            return
        if predicate is not None and (predicate := numbers.get(predicate)) is None:
            return
        if obj is not None and (obj := numbers.get(obj)) is None:
            return
        if subject is not None:
            for packed in statements_of(self.by_subject, self.subject_hubs, subject, predicate, subject_predicate):
                pair = packed >> GRAPH_BITS
                found_predicate, found_object, found_graph = pair >> TERM_BITS, pair & TERM_MASK, packed & GRAPH_MASK
                if ((predicate is None or found_predicate == predicate) and (obj is None or found_object == obj)
                        and (graph is None or found_graph == graph)):
                    yield subject, found_predicate, found_object, found_graph
        elif obj is not None:
            for packed in statements_of(self.by_object, self.object_hubs, obj, predicate, object_predicate):
                pair = packed >> GRAPH_BITS
                found_subject, found_predicate, found_graph = pair >> TERM_BITS, pair & TERM_MASK, packed & GRAPH_MASK
                if (predicate is None or found_predicate == predicate) and (graph is None or found_graph == graph):
                    yield found_subject, found_predicate, obj, found_graph
        else:
            for found_subject, held in self.by_subject.items():
                for packed in held:
                    found_predicate, found_object, found_graph = unpack(packed)
                    if (predicate is None or found_predicate == predicate) and (graph is None or found_graph == graph):
                        yield found_subject, found_predicate, found_object, found_graph

    def triples(self, triple, context=None):
        terms = self.terms
        if context is not None:
            graph = self.known_graph(context)
            if graph is None:
                return
            for subject, predicate, obj, _ in self.matches(triple, graph):
                # every graph that holds the triple, as rdflib's Memory store answers (asked lazily:
                # a Graph's own triples never ask, a Dataset's quads do)
                yield (terms[subject], terms[predicate], terms[obj]), self.holders(subject, predicate, obj)
            return
        held: dict[tuple[int, int, int], list[int]] = {}
        for subject, predicate, obj, graph in self.matches(triple, None):
            held.setdefault((subject, predicate, obj), []).append(graph)
        for (subject, predicate, obj), graphs in held.items():
            yield (terms[subject], terms[predicate], terms[obj]), (self.context(graph) for graph in graphs)

    def holds(self, subject: int, predicate: int, obj: int) -> bool:
        """Whether some graph holds the triple of these numbers."""
        return next(self.holders(subject, predicate, obj), None) is not None

    def holders(self, subject: int, predicate: int, obj: int) -> Iterator[Graph]:
        pair = pack(predicate, obj, 0)
        for packed in statements_of(self.by_subject, self.subject_hubs, subject, predicate, subject_predicate):
            if packed & ~GRAPH_MASK == pair:
                yield self.context(packed & GRAPH_MASK)

    def __len__(self, context=None) -> int:
        """Statements in one graph, or distinct triples in them all."""
        if context is not None:
            graph = self.known_graph(context)
            return 0 if graph is None else sum(1 for _ in self.matches((None, None, None), graph))
        return sum(len({packed >> GRAPH_BITS for packed in held}) for held in self.by_subject.values())

    def numbered_statements(self) -> Iterator[tuple[int, int, int, int]]:
        """Every statement as the numbers of its subject, predicate, object and
        graph (`terms` says which each is), in no set order."""
        for subject, held in self.by_subject.items():
            for packed in held:  # unpack, inlined: a million statements for ten copies of the seeds
                pair = packed >> GRAPH_BITS
                yield subject, pair >> TERM_BITS, pair & TERM_MASK, packed & GRAPH_MASK

    def numbers_used(self) -> tuple[set[int], set[int]]:
        """The numbers of the terms, and of the graphs, some statement has."""
        terms, graphs = set(self.by_subject) | set(self.by_object), set()
        for held in self.by_subject.values():
            for packed in held:
                terms.add(packed >> (GRAPH_BITS + TERM_BITS))
                graphs.add(packed & GRAPH_MASK)
        return terms, graphs

    # --- prefixes -------------------------------------------------------------------------

    def bind(self, prefix: str, namespace, override: bool = True) -> None:
        self.names.bind(prefix, namespace, override=override)

    def namespace(self, prefix: str):
        return self.names.namespace(prefix)

    def prefix(self, namespace) -> str | None:
        return self.names.prefix(namespace)

    def namespaces(self):
        return self.names.namespaces()


class TermTexts(dict):
    """A QuadStore's term number -> the term's N-Triples text, as pyoxigraph
    writes it; made when first asked (validation's parts and the writers read
    them, and repair validates again)."""

    def __init__(self, store: QuadStore) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, number: int) -> str:
        text = self[number] = str(self.store.converter(self.store.terms[number]))
        return text


def subject_predicate(packed: int) -> int:
    return packed >> (TERM_BITS + GRAPH_BITS)


def object_predicate(packed: int) -> int:
    return (packed >> GRAPH_BITS) & TERM_MASK


def file(index: dict[int, set[int]], hubs: dict, node: int, predicate: int, packed: int) -> None:
    held = index.get(node)
    if held is None:  # not setdefault: it would make an empty set for every statement filed
        index[node] = {packed}
    else:
        held.add(packed)
    hub = hubs.get(node)
    if hub is not None:
        hub.setdefault(predicate, set()).add(packed)


def discard(index: dict[int, set[int]], hubs: dict, node: int, predicate: int, packed: int) -> None:
    held = index[node]
    held.discard(packed)
    hub = hubs.get(node)
    if hub is not None:
        hub[predicate].discard(packed)
    if not held:
        del index[node]
        hubs.pop(node, None)


def statements_of(index: dict[int, set[int]], hubs: dict, node: int, predicate: int | None,
                  predicate_of: Callable[[int], int]) -> Iterable[int]:
    """The packed statements of `node` in `index`; of a hub, those of `predicate` only (when given)."""
    held = index.get(node, ())
    if predicate is None or len(held) <= HUB:
        return held
    hub = hubs.get(node)
    if hub is None:
        hub = hubs[node] = {}
        for packed in held:
            hub.setdefault(predicate_of(packed), set()).add(packed)
    return hub.get(predicate, ())


def identifier_of(context):
    """A graph's identifier, from the Graph or the identifier itself."""
    return context.identifier if isinstance(context, Graph) else context


def compact(data: Graph | Dataset) -> Graph | Dataset:
    """`data` itself when a QuadStore holds it (a Dataset's store holds
    nothing else), else a copy held so (a graph read from a file)."""
    if isinstance(data, Dataset) and isinstance(data.store, QuadStore):
        return data
    if isinstance(data, Dataset):
        copy: Graph | Dataset = Dataset(store=QuadStore())
        for graph in data.graphs():
            copy.graph(graph.identifier).__iadd__(graph)
    else:
        copy = Graph(store=QuadStore())
        copy += data
    bind_prefixes(copy)
    return copy
