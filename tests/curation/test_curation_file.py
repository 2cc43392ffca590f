"""Reading and writing the curation file: every kind of entry, and one clear error for each mistake."""

from __future__ import annotations

import datetime as dt

import pytest

from histkg.curation.entries import CurationError, append_entry, load_curation, parse_entries

EVERY_KIND = """
[[reject]]          # not what the extractor thought
id = "place/ben"
why = "the pronoun that opens a quotation"

[[merge]]
keep = "person/ismet-inonu"
drop = ["person/ismet-pasa"]
why = "İsmet Paşa took the surname İnönü in 1934"
by = "Ayşe Yılmaz"
date = 2026-12-03

[[split]]
id = "person/halil-pasa"
new = "person/halil-kut-pasa"
names = ["Halil Kut Paşa", "Halil Kut"]
why = "two men"

[[relabel]]
id = "organization/bmm"
label = "Türkiye Büyük Millet Meclisi"
why = "the full name"

[[link]]
id = "person/riza-nur"
same_as = "http://www.wikidata.org/entity/Q123456"
why = "the same man"

[[assert]]
subject = "treaty/kars-antlasmasi"
property = "hkg:party"
object = "organization/turkiye"
source = "000_59a8525e37afcabc.txt"
quote = "Kars'ta bir dostluk antlaşması"
why = "the text says so"

[[retract]]
subject = "treaty/turk-sovyet-pakti"
property = "hkg:signedOn"
object = "1925-12-17"
why = "another treaty's date"
"""


def test_every_kind_of_entry_reads_with_its_fields_in_the_files_order():
    entries = parse_entries(EVERY_KIND, "curation.toml")
    assert [e.kind for e in entries] == ["reject", "merge", "split", "relabel", "link", "assert", "retract"]
    merge = entries[1]
    assert merge.drops == ["person/ismet-pasa"]
    assert merge["date"] == dt.date(2026, 12, 3) and merge["by"] == "Ayşe Yılmaz"
    assert merge.name == "[[merge]] #1 (keep = person/ismet-inonu)"


def test_a_single_drop_may_be_a_string():
    (entry,) = parse_entries('[[merge]]\nkeep = "person/a"\ndrop = "person/b"\nwhy = "x"\n', "f")
    assert entry.drops == ["person/b"]


@pytest.mark.parametrize("text, message", [
    ('[[merge]\nkeep = "person/a"', "f: not valid TOML: "),
    ('[[rejct]]\nid = "place/ben"\nwhy = "x"\n', "f: unknown entry kind 'rejct': use reject, merge, split"),
    ('reject = "place/ben"\n', "f: write reject entries as [[reject]] tables"),
    ('[[reject]]\nid = "place/ben"\n', "f: [[reject]] #1: missing field 'why'"),
    ('[[reject]]\nid = "place/ben"\nwhy = "x"\nwho = "me"\n', "f: [[reject]] #1: unknown field 'who'"),
    ('[[reject]]\nid = "Ben"\nwhy = "x"\n', "f: [[reject]] #1: id must be an id such as person/ismet-pasa, not 'Ben'"),
    ('[[reject]]\nid = "place/ben"\nwhy = ""\n', "f: [[reject]] #1: why must be a non-empty string"),
    ('[[reject]]\nid = "place/ben"\nwhy = "x"\ndate = "3 Aralık"\n', "f: [[reject]] #1: date must be a day"),
    ('[[merge]]\nkeep = "person/a"\ndrop = ["person/a"]\nwhy = "x"\n', "drop must not name the kept id"),
    ('[[merge]]\nkeep = "person/a"\ndrop = ["person/b", "person/b"]\nwhy = "x"\n', "drop names an id twice"),
    ('[[split]]\nid = "person/a"\nnew = "place/b"\nnames = ["B"]\nwhy = "x"\n', "new must be of the same kind as id"),
    ('[[split]]\nid = "person/a"\nnew = "person/b"\nnames = []\nwhy = "x"\n', "names must be a list of the names"),
    ('[[link]]\nid = "person/a"\nsame_as = "https://viaf.org/viaf/1"\nwhy = "x"\n', "same_as must be a Wikidata entity"),
    ('[[retract]]\nsubject = "treaty/a"\nproperty = "hkg:partner"\nobject = "place/b"\nwhy = "x"\n',
     "property must be one of hkg:signedOn"),
    ('[[retract]]\nsubject = "treaty/a"\nproperty = "hkg:signedOn"\nobject = "place/b"\nwhy = "x"\n',
     "object of hkg:signedOn must be a date: 1921, 1921-10 or 1921-10-13"),
    ('[[retract]]\nsubject = "treaty/a"\nproperty = "hkg:party"\nobject = "1921"\nwhy = "x"\n',
     "object must be an id such as organization/turkiye"),
])
def test_each_mistake_is_one_line_that_says_where(text, message):
    with pytest.raises(CurationError) as error:
        parse_entries(text, "f")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_an_unreadable_file_is_one_line(tmp_path):
    with pytest.raises(CurationError, match="cannot read the curation file .*missing.toml"):
        load_curation(tmp_path / "missing.toml")


def test_append_entry_adds_one_table_and_keeps_the_file_as_written(tmp_path):
    path = tmp_path / "curation.toml"
    path.write_text('# my corrections\n[[reject]]\nid = "place/ben"   # the pronoun\nwhy = "x"\n', encoding="utf-8")
    entry = append_entry(path, "merge", {"keep": "person/ismet-inonu", "drop": ["person/ismet-pasa"],
                                         "why": 'İsmet "Paşa" took the surname İnönü', "date": dt.date(2026, 12, 3)})
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# my corrections\n[[reject]]\nid = "place/ben"   # the pronoun\nwhy = "x"\n\n[[merge]]\n')
    assert entry.name == "[[merge]] #1 (keep = person/ismet-inonu)"
    entries = load_curation(path).entries
    assert [e.kind for e in entries] == ["reject", "merge"]
    assert entries[1].fields == {"keep": "person/ismet-inonu", "drop": ["person/ismet-pasa"],
                                 "why": 'İsmet "Paşa" took the surname İnönü', "date": dt.date(2026, 12, 3)}


def test_append_entry_makes_the_file_and_numbers_the_entry_among_its_kind(tmp_path):
    path = tmp_path / "new" / "curation.toml"
    append_entry(path, "reject", {"id": "place/ben", "why": "x"})
    entry = append_entry(path, "reject", {"id": "place/bern", "why": "y"})
    assert entry.number == 2
    assert [e["id"] for e in load_curation(path).entries] == ["place/ben", "place/bern"]


@pytest.mark.parametrize("kind, fields", [
    ("reject", {"id": "place/ben"}),  # no why
    ("rejekt", {"id": "place/ben", "why": "x"}),
    ("link", {"id": "person/a", "same_as": "not a link", "why": "x"}),
])
def test_append_entry_refuses_a_bad_entry_and_leaves_the_file_untouched(tmp_path, kind, fields):
    path = tmp_path / "curation.toml"
    path.write_text('[[reject]]\nid = "place/ben"\nwhy = "x"\n', encoding="utf-8")
    with pytest.raises(CurationError):
        append_entry(path, kind, fields)
    assert path.read_text(encoding="utf-8") == '[[reject]]\nid = "place/ben"\nwhy = "x"\n'
    assert [p.name for p in tmp_path.iterdir()] == ["curation.toml"]  # no temporary file left


def test_entries_keep_the_order_the_file_writes_them_in_across_kinds():
    text = ('[[relabel]]\nid = "place/a"\nlabel = "A"\nwhy = "x"\n\n[[merge]]\nkeep = "place/a"\ndrop = "place/b"\n'
            'why = "x"\n\n[[relabel]]\nid = "place/a"\nlabel = "B"\nwhy = "x"\n')
    assert [(e.kind, e.number) for e in parse_entries(text, "f")] == [("relabel", 1), ("merge", 1), ("relabel", 2)]


def test_entries_appended_at_once_from_several_threads_are_all_kept(tmp_path, monkeypatch):
    import threading
    import time

    from histkg.curation import entries

    write = entries.replace_text

    def slow_write(path, text):  # widen the window between reading the file and writing it back
        time.sleep(0.05)
        write(path, text)

    monkeypatch.setattr(entries, "replace_text", slow_write)
    path = tmp_path / "curation.toml"
    threads = [threading.Thread(target=append_entry, args=(path, "reject", {"id": f"place/p{n}", "why": "x"}))
               for n in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(e["id"] for e in load_curation(path).entries) == [f"place/p{n}" for n in range(5)]
