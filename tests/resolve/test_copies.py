"""Several texts telling one story: what each claims cites its own words,
the same way on every run (no choice left to the order of a set)."""

from __future__ import annotations

from pathlib import Path

from histkg.facts.workers import extract_all
from histkg.resolve.entities import resolve
from histkg.resolve.events import resolve_events
from histkg.text.corpus import load_corpus

PASSAGE = ("Türkiye ve SSCB'nin ilişkileri gelişiyordu. Bu gerçekçi duruma rağmen 1925 antlaşmasıyla elde edilen kazanımları sarsılmaz dostluk hissiyle "
           "Türkiye'ye bizzat ifade etmek üzere Sovyet Dışişleri Bakan Yardımcısı Karahan, Ankara'ya geldi. "
           "17 Aralık 1929'da da yeni bir protokol imza edilmiş ve Dostluk Andlaşması üç yıl daha uzatılmış oldu.\n")


def test_a_treaty_signed_during_a_visit_told_twice_cites_each_texts_own_leader(tmp_path: Path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(PASSAGE, encoding="utf-8")
    extractions = extract_all(load_corpus([tmp_path]))
    events = resolve_events(extractions, resolve(extractions))
    drawn = [c for e in events if e.kind == "Treaty" for c in e.claims if c.inference and "during the visit" in c.inference]
    guests = [c for c in drawn if c.predicate == "party" and c.evidence[0].label == "PERSON"]  # by the visitor's titles
    assert {c.predicate for c in drawn} >= {"signedAt", "party"} and guests
    assert all(len({m.doc_id for m in c.evidence}) == 1 for c in drawn)
