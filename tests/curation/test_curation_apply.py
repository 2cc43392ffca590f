"""Each kind of entry applied to the test corpus gives exactly the expected graph:
what the entry is about changes as it says, and every other quad stays as it was."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, SKOS, XSD

from histkg.rdf.namespaces import HKG, OA
from tests.curation.conftest import ARTICLE_A, ARTICLE_B, node

CURATION_GRAPHS = {node("graph/curation"), node("graph/curation/rejected")}


def quads(dataset) -> set:
    return set(dataset.quads((None, None, None, None)))


def values(dataset, subject, prop) -> set:
    return {o for _, _, o, _ in dataset.quads((subject, prop, None, None))}


def claims_of(dataset, nodes: set) -> set:
    return {claim for claim, p, o, _ in dataset.quads((None, None, None, None))
            if p in (HKG.subject, HKG.object) and o in nodes}


def untouched(dataset, nodes: set) -> set:
    """The quads that name none of `nodes` or their claims, outside the curation graphs."""
    near = set(nodes) | claims_of(dataset, nodes)
    return {q for q in quads(dataset) if q[0] not in near and q[2] not in near and q[3] not in CURATION_GRAPHS}


def activity_of(dataset, kind: str) -> URIRef:
    (activity,) = {s for s, *_ in dataset.quads((None, HKG.action, Literal(kind), None))}
    return activity


def annotation(doc: str, text: str, quote: str) -> URIRef:
    start = text.index(quote)
    return node(f"annotation/{doc}/{start}-{start + len(quote)}")


def test_merge_gives_the_kept_person_the_others_mentions_names_and_facts(baseline, build_with):
    keep, drop = node("person/litvinov"), node("person/kliment-vorosilov")
    result = build_with('[[merge]]\nkeep = "person/litvinov"\ndrop = "person/kliment-vorosilov"\n'
                        'why = "one commissar"\nby = "Ayşe"\ndate = 2026-12-03\n')
    graph = result.dataset
    assert result.conforms and not result.problems
    assert values(graph, keep, HKG.evidence) == values(baseline, keep, HKG.evidence) | values(baseline, drop, HKG.evidence)
    assert Literal("Voroşilov", lang="tr") in values(graph, keep, SKOS.altLabel)
    assert values(graph, keep, SKOS.prefLabel) == {Literal("Litvinov", lang="tr")}
    visit = node("visit/kliment-vorosilov-ankara-1933")  # the visit keeps its id
    assert values(graph, visit, HKG.leader) == values(graph, visit, HKG.visitor) == {keep}
    assert {s for s, *_ in graph.quads((None, None, drop, None))} == {activity_of(graph, "merge")}
    assert not values(graph, drop, RDF.type)
    activity = activity_of(graph, "merge")
    assert values(graph, keep, HKG.curatedBy) == {activity}
    assert values(graph, activity, PROV.used) == {keep, drop}
    assert values(graph, activity, HKG.reason) == {Literal("one commissar")}
    assert values(graph, activity, RDF.type) == {PROV.Activity}
    assert values(graph, activity, DCTERMS.date) == {Literal("2026-12-03", datatype=XSD.date)}
    assert values(graph, activity, DCTERMS.creator) == {Literal("Ayşe")}
    assert untouched(graph, {keep, drop}) == untouched(baseline, {keep, drop})


def test_split_moves_the_mentions_named_so_to_a_new_person_and_leaves_the_facts_of_the_others(baseline, build_with):
    old, new = node("person/halil-kut-pasa"), node("person/halil-pasa")
    result = build_with('[[split]]\nid = "person/halil-kut-pasa"\nnew = "person/halil-pasa"\n'
                        'names = ["Halil Paşa"]\nwhy = "Halil Paşa of Erzurum is another man"\n')
    graph = result.dataset
    assert result.conforms and not result.problems
    moved = annotation("a", ARTICLE_A, "Halil Paşa")
    assert values(graph, new, HKG.evidence) == {moved}
    assert values(graph, new, SKOS.prefLabel) == {Literal("Halil Paşa", lang="tr")}
    assert values(graph, new, RDF.type) == {HKG.Person}
    assert values(graph, old, HKG.evidence) == values(baseline, old, HKG.evidence) - {moved}
    assert values(graph, old, SKOS.prefLabel) == {Literal("Halil Kut Paşa", lang="tr")}
    assert Literal("Halil Paşa", lang="tr") not in values(graph, old, SKOS.altLabel)
    assert values(graph, node("visit/halil-kut-pasa-baku"), HKG.leader) == {old}  # stated by the mention that stays
    activity = activity_of(graph, "split")
    assert values(graph, old, HKG.curatedBy) == values(graph, new, HKG.curatedBy) == {activity}
    assert untouched(graph, {old, new}) == untouched(baseline, {old, new})


def test_reject_takes_the_place_and_what_needs_it_out_and_keeps_them_reified_in_the_rejected_graph(baseline,
                                                                                                  build_with):
    place, stop = node("place/baku"), node("visit/halil-kut-pasa-baku/stop/1")
    visit = node("visit/halil-kut-pasa-baku")
    result = build_with('[[reject]]\nid = "place/baku"\nwhy = "a test of rejection"\n')
    graph = result.dataset
    assert result.conforms and not result.problems
    removed = quads(baseline) - quads(graph)
    near = {place, stop} | claims_of(baseline, {place, stop})
    assert removed == {q for q in quads(baseline) if q[0] in near or q[2] in near}
    assert not values(graph, visit, HKG.destination) and not values(graph, visit, HKG.stop)
    assert values(graph, visit, HKG.leader) == {node("person/halil-kut-pasa")}  # the visit stays
    activity = activity_of(graph, "reject")
    rejected = node("graph/curation/rejected")
    record_graph = graph.graph(rejected)
    records = set(record_graph.subjects(PROV.wasInvalidatedBy, activity))
    kept = {tuple(record_graph.value(r, prop) for prop in (RDF.subject, RDF.predicate, RDF.object, HKG.removedFrom))
            for r in records}
    assert kept == removed
    assert untouched(graph, {place, stop}) == untouched(baseline, {place, stop})


def test_relabel_changes_the_label_and_keeps_the_id_and_the_old_name(baseline, build_with):
    place = node("place/rusya")
    result = build_with('[[relabel]]\nid = "place/rusya"\nlabel = "Sovyet Rusya"\nwhy = "the state"\n')
    graph = result.dataset
    assert values(graph, place, SKOS.prefLabel) == {Literal("Sovyet Rusya", lang="tr")}
    assert Literal("Rusya", lang="tr") in values(graph, place, SKOS.altLabel)
    assert values(graph, place, HKG.curatedBy) == {activity_of(graph, "relabel")}
    changed = {(place, SKOS.prefLabel), (place, SKOS.altLabel)}
    assert {q for q in quads(graph) if q[:2] not in changed and q[3] not in CURATION_GRAPHS} == \
        {q for q in quads(baseline) if q[:2] not in changed}


def test_link_adds_the_authority_as_same_as(baseline, build_with):
    person, wikidata = node("person/cicerin"), URIRef("http://www.wikidata.org/entity/Q123456")
    result = build_with(f'[[link]]\nid = "person/cicerin"\nsame_as = "{wikidata}"\nwhy = "the commissar"\n')
    graph = result.dataset
    assert result.conforms
    assert values(graph, person, OWL.sameAs) == values(baseline, person, OWL.sameAs) | {wikidata}
    added = {q for q in quads(graph) - quads(baseline) if q[3] not in CURATION_GRAPHS}
    assert {q[:3] for q in added} == {(person, OWL.sameAs, wikidata)}
    assert quads(baseline) <= quads(graph)


def test_assert_adds_the_fact_and_a_curated_claim_with_evidence_at_the_quotes_offsets(baseline, build_with):
    treaty, person = node("treaty/moskova-antlasmasi"), node("person/litvinov")
    result = build_with('[[assert]]\nsubject = "treaty/moskova-antlasmasi"\nproperty = "hkg:signatory"\n'
                        'object = "person/litvinov"\nsource = "a.txt"\nquote = "Moskova\'da Litvinov ile görüştü"\n'
                        'why = "a test of assertion"\n')
    graph = result.dataset
    assert result.conforms and not result.problems
    assert (treaty, HKG.signatory, person, node("graph/a")) in graph
    (claim,) = {c for c, *_ in graph.quads((None, HKG.curated, Literal(True), None))}
    assert values(graph, claim, HKG.subject) == {treaty} and values(graph, claim, HKG.object) == {person}
    assert values(graph, claim, HKG.source) == {node("source/a")}
    assert values(graph, claim, PROV.wasGeneratedBy) == {activity_of(graph, "assert")}
    (evidence,) = values(graph, claim, HKG.evidence)
    assert evidence == annotation("a", ARTICLE_A, "Moskova'da Litvinov ile görüştü")
    assert values(graph, evidence, HKG.sentence) == {Literal("İsmet Paşa Moskova'da Litvinov ile görüştü.")}
    assert quads(baseline) <= quads(graph)


def test_an_asserted_date_widens_the_bounds_and_a_quote_may_break_where_the_file_breaks_a_line(build_with):
    treaty = node("treaty/kars-antlasmasi")
    result = build_with('[[assert]]\nsubject = "treaty/kars-antlasmasi"\nproperty = "hkg:signedOn"\n'
                        'object = "1921-10"\nsource = "b.txt"\nquote = "imzalandı. Ben o gün"\nwhy = "test"\n')
    graph = result.dataset
    assert result.conforms and not result.problems
    assert Literal("1921-10", datatype=XSD.gYearMonth) in values(graph, treaty, HKG.signedOn)
    assert values(graph, treaty, HKG.earliest) == {Literal("1921-10-01", datatype=XSD.date)}
    assert values(graph, treaty, HKG.latest) == {Literal("1921-10-31", datatype=XSD.date)}
    (claim,) = {c for c, *_ in graph.quads((None, HKG.curated, Literal(True), None))}
    (evidence,) = values(graph, claim, HKG.evidence)
    start = ARTICLE_B.index("imzalandı.")
    end = ARTICLE_B.index("o gün") + len("o gün")
    assert evidence == node(f"annotation/b/{start}-{end}")
    (quote,) = {s for s in values(graph, URIRef(f"{evidence}/target"), OA.hasSelector) if s.endswith("quote")}
    assert values(graph, quote, OA.exact) == {Literal(ARTICLE_B[start:end])}


def test_retract_moves_the_fact_and_its_claim_to_the_rejected_graph_and_keeps_both_entities(baseline, build_with):
    treaty, place = node("treaty/moskova-antlasmasi"), node("place/rusya")
    result = build_with('[[retract]]\nsubject = "treaty/moskova-antlasmasi"\nproperty = "hkg:party"\n'
                        'object = "place/rusya"\nwhy = "a test of retraction"\n')
    graph = result.dataset
    assert result.conforms and not result.problems
    (claim,) = claims_of(baseline, {place}) & claims_of(baseline, {treaty})
    removed = quads(baseline) - quads(graph)
    assert removed == {q for q in quads(baseline) if q[0] == claim or q[:3] == (treaty, HKG.party, place)}
    assert values(graph, place, RDF.type) == {HKG.Place}
    assert values(graph, treaty, HKG.curatedBy) == {activity_of(graph, "retract")}
    rejected = graph.graph(node("graph/curation/rejected"))
    assert {tuple(rejected.value(r, prop) for prop in (RDF.subject, RDF.predicate, RDF.object, HKG.removedFrom))
            for r in rejected.subjects(RDF.type, RDF.Statement)} == removed


def test_retracting_the_only_date_takes_the_bounds_with_it(build_with):
    treaty = node("treaty/kars-antlasmasi")
    result = build_with('[[retract]]\nsubject = "treaty/kars-antlasmasi"\nproperty = "hkg:signedOn"\n'
                        'object = "1921-10-13"\nwhy = "test"\n')
    graph = result.dataset
    assert result.conforms and not result.problems
    assert not values(graph, treaty, HKG.signedOn)
    assert not values(graph, treaty, HKG.earliest) and not values(graph, treaty, HKG.latest)


def test_an_entry_that_no_longer_fits_is_reported_by_name_and_the_others_are_applied(build_with):
    result = build_with('[[reject]]\nid = "person/nobody"\nwhy = "stale"\n\n'
                        '[[relabel]]\nid = "place/rusya"\nlabel = "Sovyet Rusya"\nwhy = "the state"\n\n'
                        '[[assert]]\nsubject = "treaty/kars-antlasmasi"\nproperty = "hkg:party"\n'
                        'object = "place/rusya"\nsource = "b.txt"\nquote = "Sovyetler Birliği ile"\nwhy = "x"\n')
    assert result.problems
    assert "[[reject]] #1 (id = person/nobody): no node person/nobody in the graph" in result.report
    assert "[[assert]] #1 (subject = treaty/kars-antlasmasi): the quote 'Sovyetler Birliği ile' is not in" in result.report
    assert [a.entry.kind for a in result.curation.applied] == ["relabel"]
    assert (node("place/rusya"), SKOS.prefLabel, Literal("Sovyet Rusya", lang="tr")) in result.dataset.graph(node("graph/a"))


def test_merging_two_treaties_gives_the_kept_one_every_claim_of_both(baseline, build_with):
    keep, drop = node("treaty/kars-antlasmasi"), node("treaty/moskova-antlasmasi")
    result = build_with('[[merge]]\nkeep = "treaty/kars-antlasmasi"\ndrop = "treaty/moskova-antlasmasi"\nwhy = "test"\n')
    graph = result.dataset
    assert result.conforms and not result.problems
    for prop in (HKG.party, HKG.signedOn, HKG.signedAt, HKG.signatory):
        assert values(graph, keep, prop) == values(baseline, keep, prop) | values(baseline, drop, prop), prop
    assert values(graph, keep, HKG.earliest) == {Literal("1921-03-16", datatype=XSD.date)}
    assert values(graph, keep, HKG.latest) == {Literal("1921-10-13", datatype=XSD.date)}
    assert not values(graph, drop, RDF.type)


def test_entries_that_cannot_be_applied_as_written_say_why(build_with):
    result = build_with('[[merge]]\nkeep = "person/cicerin"\ndrop = "place/rusya"\nwhy = "x"\n\n'
                        '[[merge]]\nkeep = "date/1932"\ndrop = "date/1933"\nwhy = "x"\n\n'
                        '[[relabel]]\nid = "visit/halil-kut-pasa-baku"\nlabel = "x"\nwhy = "x"\n\n'
                        '[[split]]\nid = "treaty/kars-antlasmasi"\nnew = "treaty/kars"\nnames = ["Kars"]\nwhy = "x"\n\n'
                        '[[split]]\nid = "person/cicerin"\nnew = "person/georgi-cicerin"\nnames = ["Georgi"]\nwhy = "x"\n\n'
                        '[[split]]\nid = "person/cicerin"\nnew = "person/litvinov"\nnames = ["Çiçerin"]\nwhy = "x"\n')
    assert result.curation.problems == [
        "[[merge]] #1 (keep = person/cicerin): place/rusya is a Place and person/cicerin a Person: only one kind merges",
        "[[merge]] #2 (keep = date/1932): date/1932 is a date: a date is its value, and two values are two dates",
        "[[relabel]] #1 (id = visit/halil-kut-pasa-baku): visit/halil-kut-pasa-baku is a visit, an event and no "
        "entity: reject it, or retract and assert its facts",
        "[[split]] #1 (id = treaty/kars-antlasmasi): treaty/kars-antlasmasi is a Treaty: only persons, places, "
        "venues and organizations split",
        "[[split]] #2 (id = person/cicerin): no mention of person/cicerin is named Georgi",
        "[[split]] #3 (id = person/cicerin): person/litvinov exists already: merge into it, or choose another id"]
    assert not result.curation.applied


def test_new_bounds_leave_out_a_date_every_claim_of_which_says_it_cannot_be_right():
    from rdflib import Dataset

    from histkg.curation.statements import GraphCuration
    from histkg.rdf.namespaces import DEFAULT_BASE

    dataset = Dataset()
    graph = dataset.graph(node("graph/a"))
    treaty, good, bad = node("treaty/t"), Literal("1921-10-13", datatype=XSD.date), Literal("1925", datatype=XSD.gYear)
    graph.add((treaty, RDF.type, HKG.Treaty))
    for claim, value in ((node("claim/good"), good), (node("claim/bad"), bad)):
        graph.add((treaty, HKG.signedOn, value))
        for prop, obj in ((HKG.subject, treaty), (HKG.predicate, HKG.signedOn), (HKG.object, value)):
            graph.add((claim, prop, obj))
    graph.add((node("claim/bad"), HKG.problem, Literal("a weekday that does not match")))
    GraphCuration(dataset, [], DEFAULT_BASE).renew_bounds({treaty})
    assert values(dataset, treaty, HKG.earliest) == values(dataset, treaty, HKG.latest) == {good}
