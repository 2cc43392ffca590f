"""Clause frames: predicates read by their form (active, passive, participle,
converb, verbal noun, event noun), roles filled by case, subjects carried
across clauses and sentences, dates kept to their own event. The sentences
are written for the tests; the names in them are in no file of ontology/."""

from __future__ import annotations

import pytest
from event_graphs import build_texts, built_once, claims_of, inferences, labels, only
from rdflib.namespace import RDF, SKOS

from histkg.language.verbs import analyse
from histkg.rdf.namespaces import HKG


@pytest.mark.parametrize("words, lemma, form, passive", [
    ("gitti", "git", "finite", False),
    ("gidiyordu", "git", "finite", False),
    ("gelen", "gel", "participle", False),
    ("imzaladığı", "imzala", "object participle", False),
    ("imzalanan", "imzala", "participle", True),
    ("gelince", "gel", "converb", False),
    ("döndüğünde", "dön", "converb", False),  # when he returned
    ("giderken", "git", "converb", False),  # while going (the aorist, then `-ken`)
    ("indik", "in", "finite", False),  # we went down
    ("ayrılarak", "ayrıl", "converb", False),
    ("gelişi", "gel", "verbal noun", False),
    ("ayrılışından", "ayrıl", "verbal noun", False),  # not `-Iş` + `-In` (voice) and a converb `-dAn`
    ("gitmeden", "git", "converb", False),
    ("gittiyse", "git", "finite", False),  # `Paris'e gittiyse de`: though he went, he did
    ("hareket etti", "hareket et", "finite", False),
    ("imza edildi", "imza et", "finite", True),
    ("muvasalat eyledi", "muvasalat et", "finite", False),
    ("hareket buyurmuştur", "hareket et", "finite", False),  # the honorific light verb of the old press
    ("istikbal ettiler", "istikbal et", "finite", False),
    ("ettiler", None, None, None),  # a light verb alone is no predicate
])
def test_a_verb_form_is_read_from_its_suffixes(words, lemma, form, passive):
    verb = analyse(words.split(), len(words.split()) - 1)
    found = (verb.lemma, verb.form, verb.passive) if verb else (None, None, None)
    assert found == (lemma, form, passive)


@pytest.mark.parametrize("words, form, future", [
    ("Londra'ya dönmek üzere trenine bindi", "converb", False),  # he set out to go back: the main verb's subject's
    ("Sofya'ya gitmek üzere idi", "converb", True),  # about to go: not yet gone
    ("Sofya'ya gitmek istedi", "verbal noun", False),
])
def test_an_infinitive_of_purpose_before_uzere_is_a_converb(words, form, future):
    verb = analyse(words.split(), 1)
    assert (verb.form, verb.future) == (form, future)


def test_a_name_and_a_negated_or_future_verb_are_no_event():
    assert analyse(["Atalay"], 0) is None  # a capitalised word is a name, not `ata-`
    assert analyse(["gitmedi"], 0).negative
    assert analyse(["gidecekti"], 0).future


TEXTS = {
    # active motion, a converb, `ve` between predicates, a dropped subject in the next sentence
    "a.txt": ("Dışişleri Bakanı Nuri Kaplanoğlu 4 Mart 1931'de Varna'dan ayrılarak 6 Mart 1931'de Selanik'e vardı. "
              "Ertesi gün Kavala'ya geçti.\n\n"),
    # a participle whose noun is the traveller; a reception in the passive with its agent
    "b.txt": ("Nisan 1929'da Pleven'e gelen Mösyö Arto Salminen, Dobriç'te Yordan Petkov tarafından karşılandı.\n\n"),
    # a passive signing with its place, sides and agent; a participle whose noun is the treaty
    "c.txt": ("Kervanlı Antlaşması 12 Haziran 1927'de Bergen'de Norveç ile Danimarka arasında imzalandı. "
              "Ovalı'da imzalanan antlaşma ise Velik Dimov tarafından hazırlanmıştı. "
              "Dereli Antlaşması 3 Mart 1930'da Trondheim'da Lars Halvorsen Paşa ile Jens Nørby Bey arasında "
              "imzalandı.\n\n"),
    # a date that belongs to another event's noun is no date of the journey
    "d.txt": ("Halis Korkmazer, köylülerin 9 Şubat 1924'teki başkaldırısından sonra Şumnu'ya gitti.\n\n"),
    # a delegation's head at a conference the document names went to its city
    "f.txt": ("Vidin Konferansı 3 Mart 1931'de toplandı. Konferansta Kâzım Dervişoğlu başkanlığındaki heyet "
              "müzakerelere katıldı.\n\n"),
    # an event noun with a genitive traveller; a planned journey is none
    "e.txt": ("Tuna Krallığı Başvekili Dimitar Velkov'un Sofya ziyareti 3 Mayıs 1933'te başladı. "
              "Kemal Turgutlu'nun Varşova'ya gitmesi kararlaştırılmıştı.\n\n"),
    # a title the text gave a person stands for him where it stands alone; another nation's title does not
    "g.txt": ("Hariciye Vekili Orhan Saltukoğlu ile Macar Hariciye Vekili Lajos Farkasházy Ocak 1928'de görüştüler.\n\n"
              "Mart 1928'de Prag'a giden Hariciye Vekili orada iki gün kaldı.\n\n"),
    # a stay with no destination named: he went where he stayed
    "h.txt": ("Yüzbaşı Kerem Dalkılıç 1908'de bir süre Viyana'da askerî ataşe olarak bulundu.\n\n"),
    # names joined by `ile` before an event noun's genitive, titles between: both travel, the first leads
    "i.txt": ("3 Mayıs 1930 — Varna. Kral Vuk Brankoviç ile Hariciye Nazırı Jovan Ristiç'in ziyareti.\n\n"),
    # a posting names its city by the office (`Varşova Sefiri`, `Budapeşte Elçiliğine`), active and passive;
    # an envoy's office in a motion frame is no destination
    "j.txt": ("Ankara Hükümeti, 2 Nisan 1927'de Kemal Ergüder'i Belgrad Sefiri tayin etti. "
              "Kemal Ergüder Mayıs 1927'de Sofya'ya vardı.\n\n"
              "Selim Tarhan 1931'de Budapeşte Elçiliğine tayin edildi.\n\n"
              "Paris Sefiri Cevdet Alpagut Mayıs 1932'de Lyon'a gitti.\n\n"),
    # an honorific alone is the man last named with it; `-mekte olan` is a participle; goods delivered
    # (a causative of motion) are no journey of the subject
    "k.txt": ("Mehmet Nuri Paşa 1920'de Kırklareli'nde oturuyordu.\n\n"
              "Hükümet 4 Mart 1921'de Paşa'yı Sofya Sefiri tayin etti. Paşa, Sofya'da kaldığı sürece "
              "Kırklareli'ne silah yardımının ulaştırılmasına çalıştı; Sofya'ya gitmekte olan Macar elçisi "
              "Lajos Berenyi ile de görüştü.\n\n"),
    # a dropped subject is the first subject of the clause before, not a name inside it
    "m.txt": ("Mösyö Gaston Peyrat, yanında Yüzbaşı Louis Carmaux olduğu halde 3 Haziran 1921'de Samsun'a çıktı "
              "ve 9 Haziran'da Amasya'ya ulaştı.\n\n"),
    # `imza koy-` takes its treaty in the dative
    "n.txt": "Hariciye Vekili Selim Durukan 8 Temmuz 1937'de Kervansaray Paktı'na imza koydu.\n\n",
    # a treaty its delegates signed: the delegates the document lists, by whom they represented and after
    # a delegate word; `Antlaşma` alone is the treaty the document is about
    "o.txt": ("SOFYA ANTLAŞMASI\n\nSofya Antlaşması 20 Nisan 1931'de imzalandı.\n\n"
              "Kongre 4 Nisan 1931'de açıldı. Romanya'yı Hariciye Nazırı Ion Dragu ile Sefir Mircea Vlad, "
              "Bulgaristan'ı Petar Stanev temsil etti. Yunan murahhasları Hariciye Nazırı Nikos Zervas ile "
              "Sefir Kostas Liakos 6 Nisan'dan itibaren katıldı.\n\n"
              "Antlaşma bu beş murahhas tarafından imzalandı.\n\n"),
    # heads of delegations in prose, right after the conference is named
    "p.txt": ("Burgaz Konferansı 11 Mayıs 1925'te açıldı. Bulgar heyetinin başında Hariciye Nazırı ve Adliye "
              "Nazırı vekili Dimitar Kolev vardı. Romen heyetine bu safhada Sefir Ion Petrescu başkanlık "
              "ediyordu. Hükümet Hariciye Nazırı Boris Danev başkanlığında bir heyeti de Sofya'ya gönderdi.\n\n"),
    # a title an appointment gives (`X oldu`, `Xliğine getirildi`) stands for him later, alone
    "q.txt": ("Mehmet Selami Baykut 1920'de Ankara'ya geçti. 4 Mart 1925'te kurulan hükümette Dahiliye Vekili "
              "oldu.\n\nAralık 1925'te Atina'ya giden Dahiliye Vekili orada iki hafta kaldı.\n\n"
              "Mehmet Kemal Sayar 1926'da Adliye Vekilliğine getirildi.\n\nMayıs 1927'de Roma'ya giden Adliye "
              "Vekili orada kaldı.\n\n"),
    # a bare year other than the journey's starts another journey
    "s.txt": ("Hariciye Vekili Rüstem Alkan Aralık 1925'te Viyana'ya gitti. 1926'da Varna'ya giderek orada "
              "kaldı.\n\n"),
    # a genitive that owns a noun before the predicate is no side of the signing
    "t.txt": ("Cemiyet-i Akvam'ın Halep kararından bir gün sonra, 9 Mart 1927'de Kırşehir Antlaşması Ankara'da "
              "Türkiye ile Bulgaristan arasında imzalandı.\n\n"
              "Milletler Birliği'nin Halep kararından bir gün sonra Türkiye ile İran arasında Hoy Antlaşması'nın "
              "imzalanması bir cevaptı.\n\n"),
    # a conference's roster: each delegation went to its city, the host's did not; the conference the
    # title names is the one the account tells of, though another is named as often
    "l.txt": ("VARNA KONFERANSI (4-20 Nisan 1931)\n\n"
              "Heyetler\nBulgaristan: Başvekil Andrey Lyapçev; Hariciye Nazırı Atanas Burov.\n"
              "Romanya: Hariciye Nazırı Grigore Manolescu.\n"
              "Türk heyeti: Hariciye Vekili Necip Ergüven; Maarif Vekili Ali Sertoğlu.\n\n"
              "Ocak 1931'deki Sofya Konferansı sonuçsuz kalmıştı.\n\n"),
    # who signed for which state (`X adına`, `namına`): in the signing's clause, in a list after a colon or
    # before a semicolon; `X adına imza koyanlar A ile B`: the treaty signed just before, both signers
    "u.txt": ("Tuzla Antlaşması 5 Mayıs 1931'de Varna'da imzalandı: Bulgaristan adına Petar Danev, Romanya adına "
              "Ion Dragu ve Mircea Vlad.\n\n"
              "Kayalı Paktı'nı 9 Ekim 1932'de Norveç adına Henrik Lange, Danimarka namına Knud Madsen imzaladı.\n\n"
              "Gölcük Antlaşması 2 Mart 1933'te Sofya'da imzalandı; Macaristan adına imza koyanlar Hariciye Nazırı "
              "Lajos Bartha ile Sefir Miklós Kovács'tı.\n\n"
              "Konferansta Yunanistan adına Nikos Zervas görüşlerini arz etti.\n\n"),
    # a title by the treaty's subject (`… Dair Sözleşme`) is the document's treaty named with that subject;
    # a state named as a state (`Osmanlı Devleti`) is a side though no gazetteer knows it
    "v.txt": ("Kalecik Boğazlar Sözleşmesi 3 Mayıs 1934'te Varna'da imzalandı. Boğazlar Rejimine Dair Sözleşme'yi "
              "Bulgaristan adına Boris Kolev imzaladı.\n\n"
              "Kavak Antlaşması 4 Haziran 1918'de Batum'da Osmanlı Devleti ile Gürcistan arasında imzalandı.\n\n"),
    # one traveller, two places, weeks apart in one year: two journeys
    "w.txt": ("Sefir Radu Ionescu 3 Mart 1929'da Sofya'ya gitti.\n\n"
              "Sefir Radu Ionescu 20 Mayıs 1929'da Atina'ya gitti.\n\n"),
    # `Heyet` travels with the head of the delegation named last; an impersonal passive (`geçildi`) goes on
    # with the group the story follows; a delegation named by its nation is no other group
    "y.txt": ("Bulgaristan: Hariciye Nazırı Petko Dimov; Sefir Ivan Kolev.\n\n"
              "Heyet 6 Şubat 1931'de Sofya'dan trenle hareket etti ve Yambol üzerinden Filibe'ye geldi. Oradan 9 Şubat'ta "
              "Edirne'ye geçildi.\n\n"
              "Yunan heyetinin Selanik'e gidişinden sonra Hariciye Nazırı Nikos Vlahos bir telgraf gönderdi.\n\n"),
    # leaving the conference's city is another journey than the one that took him there
    "z.txt": ("Varna Konferansı 2 Haziran 1927'de açıldı. Türk heyetinin başında Hariciye Vekili Mehmet Ali Sayın "
              "vardı. Mehmet Ali Sayın 19 Temmuz 1927'de Varna'dan Köstence'ye uçtu.\n\n"),
    # a semicolon between the sides of one signing: the treaty the first names, the nation each signed for
    "r.txt": ("Niş'te 3 Mart 1925'te imzalanan Sırt Antlaşması'nı Bulgar tarafından Petar Ilkov ile Todor Zlatev; "
              "Sırp tarafından Milan Jovanović imzaladılar.\n\nSırbistan ve Bulgaristan o yıl komşuydu.\n\n"),
    # an entry about a treaty (its title names it): a signing that names no treaty is of that one
    "x.txt": ("KUMLU ANTLAŞMASI\n\nKumlu Antlaşması 3 Mayıs 1931'de imzalandı.\n\n"
              "İmza. Törene Hariciye Nazırı Atanas Burov başkanlık etti. Bulgaristan adına Stefan Danev ile "
              "Ivan Stoyanov imzaladılar.\n\n"),
    # a chronology entry opens with its date (the same day in other calendars too) and a dash, no place:
    # the treaty it names was signed that day
    "s2.txt": ("9 Mart 1927 (9 Mart 1343) — Kozluca Antlaşması. Türkiye ile Bulgaristan arasında.\n\n"),
    # a chronology entry's place is the city a move to its country reached; a place in another country is not
    "m2.txt": ("9 Ekim 1931 — Burgaz. Bulgaristan'a resmî ziyaret için gelen Kral Petar Vojnović'e suikast.\n\n"
               "4 Kasım 1931 — Ankara. Hariciye Nazırı Lazar Pavlović Bulgaristan'a hareket etti.\n\n"),
    # a place before `-dAn sonra` or `-I müteakiben` in a clause of motion was passed before the destination
    "p2.txt": ("Hariciye Nazırı Dimo Stanev Plevne'den sonra Rusçuk'a gitti.\n\n"
               "Kral Radomir Hazretleri Yunanistan ve Arnavutluk'u müteakiben Romanya'ya geçmişti.\n\n"),
    # where the clause finds the traveller comes before the way and the goal
    "p3.txt": "Sofya'da birkaç gün kalan Kral Boris Vitanov bilâhare Filibe üzerinden Edirne'ye gitmiştir.\n\n",
    # the state that opens the title of the person a participle modifies is not its noun
    "p4.txt": "1930'da Dobruca'yı dolaşan Bulgaristan Hariciye Nazırı Dimo Petrov, yeni bir antlaşma önerdi.\n\n",
    # a verbal noun in the instrumental is no object of the planning verb after it: the coming happened
    "o2.txt": ("Genel Sekreter Pierre Lacombe'nin Varna'ya gelişiyle kararlaştırılan ateşkes kısa sürdü.\n\n"),
    # a chronology entry's verbless lines tell of the treaty it names: sides, place, who signed for whom
    "e2.txt": ("3 Mart 1879 (19 Şubat 1294) — Kestaneli Muahedesi. Yer: Bükreş. İmza, Osmanlı tarafından: "
               "Hariciye Nazırı Kerim Paşa; Rus tarafından: Kont Pyotr Sablin.\n\n"
               "31 Ocak 1880 — Çamlı Mütarekesi. Sırbistan ile Romanya arasında, Vidin'de. "
               "İmza: Milos Rankoviç ve Petre Carp.\n\n"),
    # a list of agreements, one a line: `STATE ile, DATE:` (or `STATE ile:`) opens each; a signing that names no
    # treaty is of its line's
    "e3.txt": ("Sofya'da imzalanan itilafnameler\n"
               "Romanya ile, 11 Mart 1925 (11 Mart 1341): Kayalar İtilafnamesi. Sofya'da Ivan Bagrov ile "
               "Ion Brătescu tarafından imzalandı.\n"
               "Sırbistan ile, 12 Mart 1925: Kaplıca İtilafnamesi. İmza, yine Sofya'da: Ivan Bagrov ve Milan Rankov.\n"
               "Arnavutluk ile: esirlerin mübadelesine dair itilafname. Bulgar tarafından imza: Ivan Bagrov.\n\n"),
    # a chronology line whose predicate is a noun of signing (`anlaşmanın imzası`) tells its treaty's sides; the
    # next line, which names a treaty of its own, tells of that one only
    "e4.txt": ("24 Haziran 1931 - Burgaz'da Hariciye Nazırı Atanas Zlatev ile Sefir Radu Pavel "
               "arasında Tuna Sınır Anlaşmasının imzası. Aynı gün Varna'da Sefir Dimo Kirov "
               "ile Hariciye Nazırı Ion Dumitru arasında Fındıklı Deklarasyonu.\n\n"),
    # a news dispatch's date line (place, date, agency, dash): a treaty signed `bugün` was signed there that
    # day; one told without `bugün` keeps its own place and takes no date from the line
    "n2.txt": ("Varna, 12 Eylül 1929 (A.A.) — Bulgaristan ile Romanya arasında Balkantepe Muahedesi bugün imza "
               "edilmiştir. Eski Ormanlı Antlaşması ise Sofya'da imzalanmıştı.\n\n"),
    # a participle of heading (`heyetine başkanlık eden X`) at a conference named by the city it met in
    "c2.txt": ("Niş'te toplanan Tuna Konferansı'nda Sırp heyetine başkanlık eden Hariciye Nazırı Dragan Pavlović, "
               "20 Temmuz 1926'da sözleşmeyi imzaladı.\n\n"),
    # a conference account (its title names the conference): a head of delegation told paragraphs later;
    # `İtalya konferansa` (a bare dative, no compound) names no conference of İtalya
    "c3.txt": ("VARNA KONFERANSI (1928)\n\nAçılış. Varna Konferansı 22 Haziran 1928'de açıldı. "
               "Reis ilk celseyi yönetti.\n\nMüzakereler uzun sürdü. Boğazlar meselesi ele alındı. "
               "İki taraf da projeler verdi.\n\nHeyetler. Habeşistan meselesi yüzünden İtalya konferansa "
               "katılmadı. Romen heyetinin reisi Hariciye Nazırı "
               "Grigore Vlădescu idi. Heyette iki müşavir bulunuyordu.\n\n"),
}
frames_graph = built_once(TEXTS)


def visit_of(graph, leader: str):
    return only(graph, HKG.Visit, leader)


def destinations(graph, visit) -> set[str]:
    return labels(graph, graph.objects(visit, HKG.destination))


def stops(graph, visit) -> list[str]:
    ordered = sorted(graph.objects(visit, HKG.stop), key=lambda s: int(graph.value(s, HKG.order)))
    return [str(graph.value(graph.value(s, HKG.place), SKOS.prefLabel)) for s in ordered]


def test_motion_frames_of_one_traveller_make_one_journey_with_its_stops_in_order(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Nuri Kaplanoğlu")
    assert stops(graph, visit)[-2:] == ["Selanik", "Kavala"]
    assert labels(graph, graph.objects(visit, HKG.origin)) == {"Varna"}
    # it starts the day it left Varna, as the corpus' gold dates journeys (`5 Kasım 1922 … Ankara'dan … yola çıktı`)
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1931-03-04"}


def test_a_participle_noun_travels_and_the_agent_of_a_passive_reception_hosts(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Arto Salminen")
    assert destinations(graph, visit) == {"Pleven"}
    assert labels(graph, graph.objects(visit, HKG.host)) == {"Yordan Petkov"}
    assert "Dobriç" in stops(graph, visit)


def test_a_passive_signing_fills_date_place_and_the_sides_between(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Kervanlı")
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1927-06-12"}
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Bergen"}
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Norveç", "Danimarka"}


def test_persons_between_whom_a_treaty_is_signed_are_its_signatories(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Dereli")
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {"Lars Halvorsen Paşa", "Jens Nørby Bey"}
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1930-03-03"}


def test_a_date_that_belongs_to_another_events_noun_does_not_date_the_journey(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Halis Korkmazer")
    assert destinations(graph, visit) == {"Şumnu"}
    assert list(graph.objects(visit, HKG.startDate)) == []  # not 1924-02-09, the uprising's day


def test_an_event_noun_with_a_genitive_is_a_visit_and_a_planned_one_is_none(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Dimitar Velkov")
    assert destinations(graph, visit) == {"Sofya"}
    assert not any("Varşova" in str(graph.value(v, SKOS.prefLabel)) for v in graph.subjects(HKG.leader, None))


def test_a_subject_carried_from_the_sentence_before_says_how_it_was_drawn(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Nuri Kaplanoğlu")
    assert claims_of(graph, visit, HKG.leader)
    assert all(i == "" for i in inferences(graph, visit, HKG.leader))  # stated in the first sentence


def test_a_title_alone_stands_for_the_person_the_text_gave_it_and_says_so(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Orhan Saltukoğlu")
    assert destinations(graph, visit) == {"Prag"}
    assert any("Hariciye Vekili" in why for why in inferences(graph, visit, HKG.leader))
    assert not [v for v in graph.subjects(HKG.leader, None) if "Farkasházy" in " ".join(
        labels(graph, graph.objects(v, HKG.leader)))]


def test_a_journey_that_names_no_destination_goes_to_its_last_place_and_says_so(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Kerem Dalkılıç")
    assert destinations(graph, visit) == {"Viyana"}
    assert any("last place" in why for why in inferences(graph, visit, HKG.destination))


def test_names_joined_by_ile_before_a_visits_genitive_all_travel_and_the_first_leads(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Vuk Brankoviç")
    assert labels(graph, graph.objects(visit, HKG.leader)) == {"Vuk Brankoviç"}
    assert "Jovan Ristiç" in labels(graph, graph.objects(visit, HKG.visitor))
    assert destinations(graph, visit) == {"Varna"}


def test_the_head_of_a_delegation_at_a_named_conference_went_to_its_city(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Kâzım Dervişoğlu")
    assert destinations(graph, visit) == {"Vidin"}


@pytest.mark.parametrize("leader, city", [("Kemal Ergüder", "Belgrad"), ("Selim Tarhan", "Budapeşte")])
def test_a_posting_goes_to_the_city_its_office_names(frames_graph, leader, city):
    _, graph = frames_graph
    visit = visit_of(graph, leader)
    assert destinations(graph, visit) == {city}


def test_an_envoys_office_is_no_destination_of_his_journey(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Cevdet Alpagut")
    assert destinations(graph, visit) == {"Lyon"}


def test_an_honorific_alone_stands_for_the_man_last_named_with_it(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Mehmet Nuri Paşa")
    assert destinations(graph, visit) == {"Sofya"}
    assert any("Paşa" in why for why in inferences(graph, visit, HKG.leader))


def test_a_causative_of_motion_moves_goods_not_the_subject(frames_graph):
    _, graph = frames_graph
    assert "Kırklareli" not in stops(graph, visit_of(graph, "Mehmet Nuri Paşa"))


def test_the_noun_after_mekte_olan_is_the_traveller(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Lajos Berenyi")
    assert destinations(graph, visit) == {"Sofya"}


@pytest.mark.parametrize("delegate", ["Grigore Manolescu", "Necip Ergüven"])
def test_the_head_of_each_delegation_on_a_conferences_roster_went_to_its_city(frames_graph, delegate):
    _, graph = frames_graph
    visit = visit_of(graph, delegate)
    assert destinations(graph, visit) == {"Varna"}
    assert any("roster" in why for why in inferences(graph, visit, HKG.destination))


def test_the_delegates_after_the_head_on_a_roster_line_travel_with_him(frames_graph):
    _, graph = frames_graph
    assert "Ali Sertoğlu" in labels(graph, graph.objects(visit_of(graph, "Necip Ergüven"), HKG.visitor))


def test_the_delegation_of_the_state_a_conference_met_in_made_no_journey(frames_graph):
    _, graph = frames_graph
    assert not [v for v in graph.subjects(HKG.leader, None)
                if "Lyapçev" in " ".join(labels(graph, graph.objects(v, HKG.leader)))]


def test_a_journey_to_a_post_starts_when_he_went_not_when_he_was_appointed(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Kemal Ergüder")
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1927-05"}


def test_the_places_told_after_an_appointment_lie_on_the_way_to_the_post(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Kemal Ergüder")
    assert stops(graph, visit) == ["Sofya", "Belgrad"]
    assert destinations(graph, visit) == {"Belgrad"}


def test_a_subject_after_a_semicolon_is_another_statements(tmp_path):
    # the traveller of `çıkmıştı` is not told: not the host of the statement after the semicolon
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Nota gelmiş, 28 Eylül 1922'de Trabzon'a çıkmıştı; Vali Kemal Nurettin Bey onu konakta kabul etti.\n")})
    assert not any("Kemal Nurettin" in str(label) for label in graph.objects(None, SKOS.prefLabel)
                   if "→" in str(label))


MEMOIR_TEXT = (
    "Heyetimiz 5 Mart 1925 sabahı Sinop'tan vapurla yola çıktı. Başımızda Hariciye Vekili Kemal Nurettin Bey "
    "vardı. 7 Mart 1925'te Varna'ya indik. Müzakereler iki hafta sürdü. Birkaç gün sonra Varna'dan ayrıldık ve "
    "Sinop'a döndük.\n\n"
    "Osman Nuri Bey Sofya'ya döndüğünde raporunu sundu.\n"
)


memoir_graph = built_once({"a.txt": MEMOIR_TEXT})


def test_we_is_the_narrators_group_led_by_whom_the_text_calls_our_head(memoir_graph):
    _, graph = memoir_graph
    visit = visit_of(graph, "→ Varna")
    assert labels(graph, graph.objects(visit, HKG.leader)) == {"Kemal Nurettin Bey"}
    assert stops(graph, visit) == ["Varna"]
    assert labels(graph, graph.objects(visit, HKG.origin)) == {"Sinop"}


def test_a_return_is_a_journey_of_its_own_and_dondugunde_has_a_subject(memoir_graph):
    _, graph = memoir_graph
    back = visit_of(graph, "→ Sinop")
    assert labels(graph, graph.objects(back, HKG.leader)) == {"Kemal Nurettin Bey"}
    assert labels(graph, graph.objects(visit_of(graph, "Osman Nuri"), HKG.destination)) == {"Sofya"}


def test_a_participle_before_a_comma_and_a_second_modifier_tells_of_the_same_noun(tmp_path):
    # `X'in … imzaladığı, A ile B arasındaki muahede`: two modifiers of one treaty
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Konuşmalarda Hasan Fehmi Bey'in 3 Mart 1931'de Varna'da Petro Kalenko ile imzaladığı, Bulgaristan ile "
        "Romanya arasındaki dostluk muahedesine sık sık dönüldü.\n")})
    treaties = list(graph.subjects(RDF.type, HKG.Treaty))
    assert len(treaties) == 1
    treaty = treaties[0]
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1931-03-03"}
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Varna"}
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Bulgaristan", "Romanya"}
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {"Hasan Fehmi Bey", "Petro Kalenko"}


def test_an_object_participle_with_no_genitive_shares_the_subject_of_the_clause_around(tmp_path):
    # `Bulgaristan, … Romanya ile yaptığı anlaşmanın ardından …`: Bulgaristan made it (a genitive owned by
    # `yerine` is no subject of the participle)
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Bulgaristan, 1930 tarihli Kervanlı Antlaşması'nın yerine Mart 1931'de Romanya ile yaptığı dostluk "
        "anlaşmasının ardından birliğe katıldı.\n")})
    made = [t for t in graph.subjects(RDF.type, HKG.Treaty)
            if "1931-03" in {str(d) for d in graph.objects(t, HKG.signedOn)}]
    assert len(made) == 1
    assert labels(graph, graph.objects(made[0], HKG.party)) == {"Bulgaristan", "Romanya"}


def test_the_place_a_journey_visits_is_its_goal_and_the_places_it_moves_on_to_are_stops(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Başvekil Hasan Fehmi Ocak 1955'te Varna'yı ziyaret etti. Hasan Fehmi buradan birkaç saatliğine "
        "Şumnu'ya, ardından üç günlük bir ziyaret için Rusçuk'a geçti.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert destinations(graph, visit) == {"Varna"}
    assert stops(graph, visit) == ["Varna", "Şumnu", "Rusçuk"]


def test_the_genitive_owner_of_the_group_a_participle_sends_leads_its_journey(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "1838'de Hasan Fehmi Paşa'nın Varşova'ya giden heyetinde sefaret müsteşarı olarak bulundu.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert destinations(graph, visit) == {"Varşova"}
    assert str(graph.value(visit, HKG.startDate)) == "1838"


def test_travellers_of_two_nations_named_each_with_his_own_make_two_journeys(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Bulgar Hariciye Nazırı Petro Kalenko ile Romen Hariciye Nazırı Dimitar Velkov da Varna'ya geldiler.\n")})
    for person in ("Petro Kalenko", "Dimitar Velkov"):
        visit = visit_of(graph, person)
        assert labels(graph, graph.objects(visit, HKG.leader)) == {person}
        assert destinations(graph, visit) == {"Varna"}


def test_a_dropped_subject_is_the_first_subject_of_the_clause_before(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Gaston Peyrat")
    assert stops(graph, visit) == ["Samsun", "Amasya"]
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1921-06-03"}


def test_the_dative_of_imza_koy_is_the_treaty_signed(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Kervansaray Paktı")
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {"Selim Durukan"}
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1937-07-08"}


def test_a_treaty_its_delegates_signed_has_the_delegates_the_document_lists(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Sofya Antlaşması")
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {
        "Ion Dragu", "Mircea Vlad", "Petar Stanev", "Nikos Zervas", "Kostas Liakos"}
    assert any("delegates" in why for why in inferences(graph, treaty, HKG.signatory))


def test_a_treaty_its_delegates_signed_has_the_states_whose_delegations_the_document_lists(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Sofya Antlaşması")
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Romanya", "Bulgaristan"}
    assert all("delegations" in why for why in inferences(graph, treaty, HKG.party))


@pytest.mark.parametrize("head", ["Dimitar Kolev", "Ion Petrescu"])
def test_the_head_of_a_delegation_told_in_prose_went_to_the_conference_just_named(frames_graph, head):
    _, graph = frames_graph
    visit = visit_of(graph, head)
    assert destinations(graph, visit) == {"Burgaz"}


@pytest.mark.parametrize("person, city", [("Selami Baykut", "Atina"), ("Kemal Sayar", "Roma")])
def test_a_title_an_appointment_gives_stands_for_the_appointed_alone(frames_graph, person, city):
    _, graph = frames_graph
    visits = [v for v in graph.subjects(HKG.leader, None)
              if any(person in name for name in labels(graph, graph.objects(v, HKG.leader)))
              and city in labels(graph, graph.objects(v, HKG.destination))]
    assert visits


def test_a_bare_year_other_than_the_journeys_starts_another_journey(frames_graph):
    _, graph = frames_graph
    destinations = [labels(graph, graph.objects(v, HKG.destination)) for v in graph.subjects(HKG.leader, None)
                    if "Rüstem Alkan" in " ".join(labels(graph, graph.objects(v, HKG.leader)))]
    assert sorted(destinations, key=str) == [{"Varna"}, {"Viyana"}]


def test_a_delegation_sent_elsewhere_did_not_go_to_the_conference_just_named(frames_graph):
    _, graph = frames_graph
    assert not [v for v in graph.subjects(HKG.leader, None)
                if "Boris Danev" in " ".join(labels(graph, graph.objects(v, HKG.leader)))
                and "Burgaz" in labels(graph, graph.objects(v, HKG.destination))]


def test_a_genitive_that_owns_another_noun_is_no_side_of_the_signing(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Hoy Antlaşması")
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Türkiye", "İran"}


@pytest.mark.parametrize("treaty, parties, signatories", [
    ("Tuzla Antlaşması", {"Bulgaristan", "Romanya"}, {"Petar Danev", "Ion Dragu", "Mircea Vlad"}),
    ("Kayalı Paktı", {"Norveç", "Danimarka"}, {"Henrik Lange", "Knud Madsen"}),
    ("Gölcük Antlaşması", {"Macaristan"}, {"Lajos Bartha", "Miklós Kovács"}),
])
def test_a_signer_named_after_the_state_he_signed_for_makes_it_a_party(frames_graph, treaty, parties, signatories):
    _, graph = frames_graph
    node = only(graph, HKG.Treaty, treaty)
    assert labels(graph, graph.objects(node, HKG.party)) == parties
    assert labels(graph, graph.objects(node, HKG.signatory)) == signatories


def test_a_state_named_for_someone_who_signs_nothing_is_no_party(frames_graph):
    _, graph = frames_graph
    assert "Yunanistan" not in labels(graph, graph.objects(None, HKG.party))


def test_a_title_by_the_treatys_subject_is_the_treaty_the_document_names_with_it(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Boğazlar")
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Bulgaristan"}
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1934-05-03"}


def test_a_state_named_as_a_state_is_a_side_though_no_gazetteer_knows_it(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Kavak Antlaşması")
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Osmanlı Devleti", "Gürcistan"}


@pytest.mark.parametrize("head", ["Dimitar Kolev", "Ion Petrescu"])
def test_a_delegation_heads_journey_to_a_conference_starts_when_the_conference_met(frames_graph, head):
    _, graph = frames_graph
    visit = visit_of(graph, head)
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1925-05-11"}
    assert any("conference met" in why for why in inferences(graph, visit, HKG.startDate))


def test_journeys_of_one_traveller_to_two_places_weeks_apart_are_two(frames_graph):
    _, graph = frames_graph
    destinations = [labels(graph, graph.objects(v, HKG.destination)) for v in graph.subjects(HKG.leader, None)
                    if "Radu Ionescu" in " ".join(labels(graph, graph.objects(v, HKG.leader)))]
    assert sorted(destinations, key=str) == [{"Atina"}, {"Sofya"}]


def test_a_delegation_travels_with_the_head_named_last_and_an_impersonal_passive_goes_on_with_it(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Petko Dimov")
    assert stops(graph, visit) == ["Yambol", "Filibe", "Edirne"]  # a place passed through (`üzerinden`) too
    assert labels(graph, graph.objects(visit, HKG.origin)) == {"Sofya"}


def test_a_delegation_named_by_its_nation_is_not_the_group_told_before(frames_graph):
    _, graph = frames_graph
    to_selanik = [v for v in graph.subjects(HKG.destination, None)
                  if "Selanik" in labels(graph, graph.objects(v, HKG.destination))]
    assert not [labels(graph, graph.objects(v, HKG.leader)) for v in to_selanik
                if labels(graph, graph.objects(v, HKG.leader)) & {"Petko Dimov", "Nikos Vlahos"}]


def test_a_journey_from_a_place_is_not_the_journey_told_to_it(frames_graph):
    _, graph = frames_graph
    destinations = [labels(graph, graph.objects(v, HKG.destination)) for v in graph.subjects(HKG.leader, None)
                    if "Mehmet Ali" in " ".join(labels(graph, graph.objects(v, HKG.leader)))]
    assert sorted(destinations, key=str) == [{"Köstence"}, {"Varna"}]


def test_the_sides_of_a_signing_split_by_a_semicolon_sign_the_treaty_the_first_names(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Sırt Antlaşması")
    assert {"Petar Ilkov", "Todor Zlatev"} <= labels(graph, graph.objects(treaty, HKG.signatory))
    assert any("Jovanović" in name for name in labels(graph, graph.objects(treaty, HKG.signatory)))
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Bulgaristan", "Sırbistan"}


def test_a_signing_that_names_no_treaty_in_an_entry_about_one_is_of_that_treaty(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Kumlu Antlaşması")
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {"Stefan Danev", "Ivan Stoyanov"}
    assert labels(graph, graph.objects(treaty, HKG.party)) == {"Bulgaristan"}


def test_a_treaty_a_chronology_entry_names_was_signed_on_the_entrys_date(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Kozluca Antlaşması")
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1927-03-09"}


@pytest.mark.parametrize("head, city", [("Dragan Pavlović", "Niş"), ("Grigore Vlădescu", "Varna")])
def test_the_head_of_a_delegation_went_to_the_conference_the_sentence_or_the_account_names(frames_graph, head, city):
    _, graph = frames_graph
    visit = visit_of(graph, head)
    assert destinations(graph, visit) == {city}


def test_a_treaty_a_news_dispatch_says_was_signed_today_was_signed_where_and_when_the_dispatch_is_dated(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Balkantepe")
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Varna"}
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1929-09-12"}
    assert any("dispatch" in why for why in inferences(graph, treaty, HKG.signedAt))
    older = only(graph, HKG.Treaty, "Ormanlı")
    assert labels(graph, graph.objects(older, HKG.signedAt)) == {"Sofya"}
    assert "1929-09-12" not in {str(d) for d in graph.objects(older, HKG.signedOn)}


def test_a_coming_told_by_a_verbal_noun_in_the_instrumental_happened_though_a_planning_verb_follows(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Pierre Lacombe")
    assert destinations(graph, visit) == {"Varna"}


def test_the_verbless_lines_of_a_chronology_entry_give_the_sides_place_and_signers_of_its_treaty(frames_graph):
    _, graph = frames_graph
    kavakli = only(graph, HKG.Treaty, "Kestaneli")
    assert labels(graph, graph.objects(kavakli, HKG.signedAt)) == {"Bükreş"}
    assert labels(graph, graph.objects(kavakli, HKG.signatory)) == {"Kerim Paşa", "Pyotr Sablin"}
    camli = only(graph, HKG.Treaty, "Çamlı")
    assert labels(graph, graph.objects(camli, HKG.party)) == {"Sırbistan", "Romanya"}
    assert labels(graph, graph.objects(camli, HKG.signedAt)) == {"Vidin"}
    assert labels(graph, graph.objects(camli, HKG.signatory)) == {"Milos Rankoviç", "Petre Carp"}


def test_each_line_of_a_list_of_agreements_opens_with_the_state_it_is_with_and_its_date(frames_graph):
    _, graph = frames_graph
    kayalar = only(graph, HKG.Treaty, "Kayalar")
    assert {str(d) for d in graph.objects(kayalar, HKG.signedOn)} == {"1925-03-11"}
    assert "Romanya" in labels(graph, graph.objects(kayalar, HKG.party))
    assert labels(graph, graph.objects(kayalar, HKG.signatory)) == {"Ivan Bagrov", "Ion Brătescu"}
    kaplica = only(graph, HKG.Treaty, "Kaplıca")
    assert {str(d) for d in graph.objects(kaplica, HKG.signedOn)} == {"1925-03-12"}
    assert "Sırbistan" in labels(graph, graph.objects(kaplica, HKG.party))
    assert "Romanya" not in labels(graph, graph.objects(kaplica, HKG.party))
    assert labels(graph, graph.objects(kaplica, HKG.signedAt)) == {"Sofya"}
    exchange = only(graph, HKG.Treaty, "itilaf (")
    assert "Sırbistan" not in labels(graph, graph.objects(exchange, HKG.party))  # its own line: Arnavutluk's
    assert "Arnavutluk" in labels(graph, graph.objects(exchange, HKG.party))


def test_a_signing_told_by_a_noun_in_a_chronology_line_has_the_lines_sides_place_and_date(frames_graph):
    _, graph = frames_graph
    treaty = only(graph, HKG.Treaty, "Tuna Sınır")
    assert {str(d) for d in graph.objects(treaty, HKG.signedOn)} == {"1931-06-24"}
    assert labels(graph, graph.objects(treaty, HKG.signedAt)) == {"Burgaz"}
    assert labels(graph, graph.objects(treaty, HKG.signatory)) == {"Atanas Zlatev", "Radu Pavel"}
    declaration = only(graph, HKG.Treaty, "Fındıklı")
    assert labels(graph, graph.objects(declaration, HKG.signatory)) == {"Dimo Kirov", "Ion Dumitru"}


def test_a_move_to_a_country_under_a_chronology_entry_of_one_of_its_cities_reached_that_city(frames_graph):
    _, graph = frames_graph
    king = visit_of(graph, "Petar Vojnović")
    assert labels(graph, graph.objects(king, HKG.destination)) == {"Burgaz"}
    assert {str(d) for d in graph.objects(king, HKG.startDate)} == {"1931-10-09"}
    minister = visit_of(graph, "Lazar Pavlović")
    assert labels(graph, graph.objects(minister, HKG.destination)) == {"Bulgaristan"}


def test_a_place_after_which_the_traveller_went_on_is_a_stop_before_the_destination(frames_graph):
    _, graph = frames_graph
    assert stops(graph, visit_of(graph, "Dimo Stanev")) == ["Pleven", "Rusçuk"]
    assert stops(graph, visit_of(graph, "Radomir")) == ["Yunanistan", "Arnavutluk", "Romanya"]


def test_the_place_a_move_starts_from_comes_before_the_way_and_the_goal(frames_graph):
    _, graph = frames_graph
    assert stops(graph, visit_of(graph, "Boris Vitanov")) == ["Sofya", "Filibe", "Edirne"]


def test_a_participle_modifies_the_person_whose_title_a_state_opens(frames_graph):
    _, graph = frames_graph
    visit = visit_of(graph, "Dimo Petrov")
    assert destinations(graph, visit) == {"Dobruca"}
    assert {str(d) for d in graph.objects(visit, HKG.startDate)} == {"1930"}


def stops_by_destination(graph) -> dict:
    """Each visit's stops in order, by the set of its destinations."""
    return {frozenset(labels(graph, graph.objects(v, HKG.destination))): stops(graph, v)
            for v in graph.subjects(RDF.type, HKG.Visit)}


def test_a_move_to_a_building_or_quarter_of_the_city_reached_is_a_visit_of_its_own(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Bulgar Kralı Boris Hazretleri 1926 baharında Sofya'dan ayrıldı.\n\n"
        "Kral Hazretleri 12 Nisan 1926'da Haydarpaşa'dan trenle Ankara'ya hareket etti. Misafirimiz istasyondan "
        "Ankara Palas'a kadar otomobille gitti.\n\n"
        "Ertesi gün Kral Hazretleri Çankaya'ya giderek Reisicumhur ile görüştü.\n")})
    journeys = stops_by_destination(graph)
    assert journeys.get(frozenset({"Ankara"})) == ["Ankara"]
    assert journeys.get(frozenset({"Ankara Palas"})) == ["Ankara Palas"]
    assert journeys.get(frozenset({"Çankaya"})) == ["Çankaya"]


def test_a_city_near_the_one_reached_but_past_its_quarters_is_a_stop_of_the_journey(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Bey 3 Mart 1930'da Ankara'ya geldi, ertesi gün Polatlı'ya gitti.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert stops(graph, visit) == ["Ankara", "Polatlı"]


PROTAGONIST_TEXT = (
    "Hasan Fehmi Bey 1901'de İstanbul'a gitti. 1905'te Kahire'ye gitti. 1908'de İstanbul'a döndü.\n\n"
    "Karslı hukukçu, 4 Mart 1912'de Avrupa'ya gitmek üzere İstanbul'dan ayrıldı. 9 Mart'ta Marsilya'ya ulaştı. "
    "Paris'te Başvekil Jules Perrin ile kısa bir görüşme yaptı, ardından Londra'da Lord Ashby ile görüştü.\n")


def test_a_move_whose_subject_is_no_person_is_the_protagonists_the_text_tells_most_moves_of(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": PROTAGONIST_TEXT})
    visit = next(v for v in graph.subjects(RDF.type, HKG.Visit)
                 if "Marsilya" in stops(graph, v) and labels(graph, graph.objects(v, HKG.leader)) == {"Hasan Fehmi Bey"})
    assert str(graph.value(visit, HKG.startDate)) == "1912-03-04"


def test_a_meeting_in_a_city_puts_the_traveller_there_and_whom_he_met_is_no_companion(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": PROTAGONIST_TEXT})
    visit = next(v for v in graph.subjects(RDF.type, HKG.Visit) if "Marsilya" in stops(graph, v))
    assert stops(graph, visit)[-3:] == ["Marsilya", "Paris", "Londra"]
    assert {"Jules Perrin", "Lord Ashby"} <= labels(graph, graph.objects(visit, HKG.host))
    assert not {"Jules Perrin", "Lord Ashby"} & labels(graph, graph.objects(visit, HKG.visitor))


def test_a_city_the_traveller_is_found_in_after_his_goal_is_where_the_journey_went_on_to(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": PROTAGONIST_TEXT})
    visit = next(v for v in graph.subjects(RDF.type, HKG.Visit) if "Marsilya" in stops(graph, v))
    assert destinations(graph, visit) == {"Londra"}


def test_a_text_that_tells_no_ones_moves_twice_as_often_has_no_protagonist(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Bey 1901'de İstanbul'a gitti. 1905'te Kahire'ye gitti. 1908'de İzmir'e gitti.\n\n"
        "Ahmet Vefik Bey 1902'de Bursa'ya gitti. 1906'da Atina'ya gitti.\n\n"
        "Heyetin gemisi 4 Mart 1912'de İskenderiye'ye ulaştı.\n")})
    assert not [v for v in graph.subjects(RDF.type, HKG.Visit) if "İskenderiye" in stops(graph, v)]


def test_a_return_to_a_place_the_journey_passed_through_goes_on_with_it_and_keeps_its_goal(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Paşa 3 Mayıs 1902'de İzmir'e geldi. Oradan Manisa'ya geçti ve 8 Mayıs'ta Bursa'ya ulaştı.\n\n"
        "Bursa'dan Manisa'ya avdet eden Paşa, trenle Uşak'a gitti.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert stops(graph, visit) == ["İzmir", "Manisa", "Bursa", "Manisa", "Uşak"]
    assert destinations(graph, visit) == {"Bursa"}


def test_a_return_to_where_the_journey_set_out_from_ends_it(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Paşa 3 Mayıs 1902'de İzmir'den Manisa'ya gitti ve 8 Mayıs'ta Bursa'ya ulaştı.\n\n"
        "Bursa'dan İzmir'e avdet eden Paşa, 1903'te trenle Uşak'a gitti.\n")})
    visit = next(v for v in graph.subjects(RDF.type, HKG.Visit) if "Bursa" in stops(graph, v))
    assert stops(graph, visit) == ["İzmir", "Manisa", "Bursa"]


def test_the_way_home_is_a_journey_of_its_own_though_dated_in_the_same_weeks(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Heyetin başında Hasan Fehmi Bey vardı. 24 Mart 1919 gecesi İzmir'den ayrılan heyet 26 Mart akşamı "
        "Rodos'a ulaştı. Görüşmeler üç gün sürdü.\n\n"
        "Hasan Fehmi Bey 2 Nisan'da İzmir'e döndüğünde raporunu Meclis'e sundu.\n")})
    journeys = stops_by_destination(graph)
    assert journeys.get(frozenset({"Rodos"})) == ["Rodos"]
    assert journeys.get(frozenset({"İzmir"})) == ["İzmir"]


def test_a_unit_under_a_commander_travels_with_him_and_a_welcome_that_names_no_one_is_its_own(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "12 Nisan 1921 - Miralay Hasan Fehmi kumandasındaki Türk tümeninin Kütahya'dan hareketi. "
        "Bursa'da büyük bir karşılama.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert stops(graph, visit) == ["Bursa"]
    assert str(graph.value(visit, HKG.startDate)) == "1921-04-12"


def test_the_genitive_before_a_places_head_noun_is_the_subject_of_the_verbal_noun_after_it(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "12 Nisan 1921 - Miralay Hasan Fehmi kumandasındaki tümenin Mersin limanından vapurlarla "
        "İskenderiye'ye hareketi.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert labels(graph, graph.objects(visit, HKG.origin)) == {"Mersin"}
    assert destinations(graph, visit) == {"İskenderiye"}


def test_a_move_made_again_with_no_place_of_its_own_is_another_journey_to_where_the_first_went(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Mart 1926'da Bursa'ya gelen Mösyö Jean Vallier ile ilk görüşmeler yapıldı. Kasım 1926'da tekrar gelen "
        "Fransız murahhasla görüşmeler sürdü.\n")})
    visits = [v for v in graph.subjects(RDF.type, HKG.Visit) if labels(graph, graph.objects(v, HKG.leader)) == {"Jean Vallier"}]
    assert sorted(str(graph.value(v, HKG.startDate)) for v in visits) == ["1926-03", "1926-11"]
    assert all(labels(graph, graph.objects(v, HKG.destination)) == {"Bursa"} for v in visits)


def test_whom_a_verb_of_sending_sends_to_no_place_went_to_the_conference_the_story_speaks_of(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Varna Konferansı 4 Haziran 1925'te açıldı. Bulgar heyetinin başında Stefan Danev vardı. "
        "Romanya hükümeti Albay Mihai Rusu'yu müşahit olarak göndermişti.\n")})
    visit = visit_of(graph, "Mihai Rusu")
    assert destinations(graph, visit) == {"Varna"}


def test_who_comes_to_welcome_is_a_host_and_the_welcome_in_a_memoir_of_our_travels_is_ours(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Sadrazam Hasan Fehmi Paşa'nın maiyetinde 3 Haziran 1867'de İstanbul'dan vapura bindik. "
        "Yolda Pire'ye uğradık. Marsilya'ya çıktık.\n\n"
        "Lyon'da Kral Louis Philippe istasyonda bizzat istikbale gelmişti.\n\n"
        "Oradan trenle Cenevre'ye geçtik.\n")})
    assert not [v for v in graph.subjects(RDF.type, HKG.Visit)
                if labels(graph, graph.objects(v, HKG.leader)) == {"Louis Philippe"}]
    visit = visit_of(graph, "Hasan Fehmi")
    assert "Lyon" in stops(graph, visit) and "Louis Philippe" in labels(graph, graph.objects(visit, HKG.host))


def test_a_tour_goes_to_the_court_where_a_sovereign_received_the_traveller_not_to_its_last_town(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Sadrazam Hasan Fehmi Paşa'nın maiyetinde 3 Haziran 1867'de İstanbul'dan vapura bindik. "
        "Yolda Pire'ye uğradık. Marsilya'ya çıktık.\n\n"
        "Madrid'de Kral Louis Philippe istasyonda bizzat istikbale gelmişti.\n\n"
        "Oradan trenle Lizbon'a geçtik. Lizbon'dan Napoli'ye gidildi.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert destinations(graph, visit) == {"Madrid"}
    assert stops(graph, visit)[-1] == "Napoli"


def visits_led_by(graph, leader: str | None) -> list:
    """The visits whose leader is `leader` (None: those the text names no leader of)."""
    return [v for v in graph.subjects(RDF.type, HKG.Visit)
            if labels(graph, graph.objects(v, HKG.leader)) == ({leader} if leader else set())]


def test_attending_a_meeting_is_going_to_the_city_it_met_in(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Paşa 1850'de Londra'ya gitti ve 1852'de İstanbul'a döndü. Harp devam ederken, 1856 baharında Varşova'da toplanan sulh "
        "konferansına Osmanlı murahhası olarak katıldı.\n\n"
        "Londra'da Rıza Bey de heyete katıldı. Sonraki celselere Nuri Bey de katıldı.\n")})
    visits = visits_led_by(graph, "Hasan Fehmi Paşa")
    assert sorted((str(graph.value(v, HKG.startDate)), *labels(graph, graph.objects(v, HKG.destination)))
                  for v in visits) == [("1850", "Londra"), ("1852", "İstanbul"), ("1856", "Varşova")]
    # joining a delegation is no journey of one's own; a meeting the text places nowhere is no place to go to
    assert not visits_led_by(graph, "Rıza Bey") and not visits_led_by(graph, "Nuri Bey")


def test_a_delegation_no_one_is_named_to_lead_attending_the_meeting_of_a_chronology_entry_went_there(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "3 Mart 1950 — Varşova'da Doğu Ticaret Konferansı'nın açılışı. Türk heyetinin katılımı.\n"
        "Nisan 1950 — Türkiye'nin Ticaret Birliği'ne kabulü; Kopenhag'daki ilk toplantısına katılış.\n")})
    visits = visits_led_by(graph, None)
    assert [(str(graph.value(v, HKG.startDate)), *labels(graph, graph.objects(v, HKG.destination)))
            for v in visits] == [("1950-03-03", "Varşova")]  # a state that takes part travels nowhere


def test_a_named_conference_one_takes_part_in_is_in_its_city(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": "Hasan Fehmi Paşa 1856'da Varşova Konferansı'na katıldı.\n"})
    assert labels(graph, graph.objects(visit_of(graph, "Hasan Fehmi Paşa"), HKG.destination)) == {"Varşova"}


def test_a_unit_travels_under_whom_a_line_makes_its_commander_and_a_line_ending_in_a_verbal_noun_carries_it(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "1951\n\n"
        "Temmuz 1951 — Bakanlar Kurulu kararı: tugayın kurulması.\n"
        "10 Ağustos 1951 — Tuğgeneral Hasan Fehmi'nin Türk Tugayı komutanlığına tayini.\n"
        "Eylül 1951 — Tugayın Mersin limanından gemilerle hareketi.\n"
        "Ekim 1951 — Pire'ye çıkış.\n"
        "Kasım 1951 — ABD zırhlısı Texas'ın Trablus'a gelişi.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert labels(graph, graph.objects(visit, HKG.origin)) == {"Mersin"}
    assert destinations(graph, visit) == {"Pire"}
    assert str(graph.value(visit, HKG.startDate)) == "1951-09"
    # a line whose verbal noun has a genitive of its own (a ship the text names) tells no move of his
    assert not [v for v in visits_led_by(graph, "Hasan Fehmi") if "Trablus" in labels(graph, graph.objects(v, HKG.destination))]


def test_representing_ones_state_at_the_conference_the_story_has_just_named_is_going_to_its_city(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Paşa 1852'de sadrazam oldu. En parlak hizmeti Varşova Kongresi'dir. 3 Mart 1856'da açılan kongrede Osmanlı "
        "Devleti'ni birinci murahhas sıfatıyla temsil etti. Prusya murahhasları Baron Kurt Adler ile Kont Emil "
        "Brandt 18 Mart 1856'dan itibaren oturumlara katıldı.\n")})
    assert labels(graph, graph.objects(visit_of(graph, "Hasan Fehmi"), HKG.destination)) == {"Varşova"}
    # the delegates a group word names in apposition travel, not the traveller told before
    prussian = visit_of(graph, "Kurt Adler")
    assert labels(graph, graph.objects(prussian, HKG.destination)) == {"Varşova"}
    assert "Kurt Adler" not in labels(graph, graph.objects(visit_of(graph, "Hasan Fehmi"), HKG.visitor))


def test_a_group_a_pronoun_heads_is_led_by_the_protagonist_and_a_later_season_is_another_journey(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Bey Mayıs 1919'da Sivas'a gitti. Haziran 1919'da Erzurum'a geçti. Temmuz 1919'da Ankara'ya "
        "döndü.\n\n"
        "Ertesi kış Varşova'ya giden heyetin başında bu defa kendisi bulunuyordu; yanında Rıza Bey vardı.\n")})
    goals = {frozenset(labels(graph, graph.objects(v, HKG.destination))) for v in visits_led_by(graph, "Hasan Fehmi Bey")}
    assert goals == {frozenset({"Sivas"}), frozenset({"Ankara"}), frozenset({"Varşova"})}  # Ankara: the way home
    assert not visits_led_by(graph, "Rıza Bey")  # beside him, after the semicolon: no head of the group


def test_a_ship_that_moves_with_no_one_aboard_named_makes_a_journey_of_its_own(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "5 Nisan 1946 — ABD zırhlısı Texas'ın, ölen sefirin naaşıyla Pire'ye gelişi.\n"
        "9 Nisan 1946 — Texas vapurunu Çanakkale Boğazı'nda iki torpido karşıladı.\n")})
    assert [(str(graph.value(v, SKOS.prefLabel)), str(graph.value(v, HKG.startDate))) for v in visits_led_by(graph, None)] \
        == [("ABD zırhlısı Texas → Pire (1946)", "1946-04-05")]  # the ships that receive it are its hosts


def test_a_place_the_sentence_says_is_the_city_one_went_to_is_where_one_went_and_an_earlier_events_date_is_not_his(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Bey 1930'da Hariciye Vekili oldu. Türkiye'nin 18 Temmuz 1932'de Balkan Birliği'ne kabulünden "
        "sonra Varşova, Hasan Fehmi Bey'in en sık gittiği şehir oldu.\n")})
    visit = visit_of(graph, "Hasan Fehmi")
    assert destinations(graph, visit) == {"Varşova"}
    assert not list(graph.objects(visit, HKG.startDate))  # 18 Temmuz 1932 is the admission's


def test_an_envoy_who_receives_the_travellers_away_from_his_post_went_there(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Sadrazam Hasan Fehmi Paşa'nın maiyetinde 3 Haziran 1867'de İstanbul'dan vapura bindik. "
        "Yolda Pire'ye uğradık. Marsilya'ya çıktığımızda Madrid sefirimiz Rıza Bey bizi karşıladı.\n\n"
        "Oradan Madrid'e geçtik. Madrid'e vardığımızda Madrid sefirimiz Nuri Bey bizi karşıladı.\n")})
    assert destinations(graph, visit_of(graph, "Rıza Bey")) == {"Marsilya"}
    assert not visits_led_by(graph, "Nuri Bey")  # at his post


def test_a_meeting_noun_ending_in_a_vowel_takes_its_dative_after_a_buffer_letter(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": "Hasan Fehmi Paşa 1856'da Varşova'da toplanan kongreye katıldı.\n"})
    assert destinations(graph, visit_of(graph, "Hasan Fehmi Paşa")) == {"Varşova"}


@pytest.mark.parametrize("text", [
    "Varşova, Hasan Fehmi Bey'in 3 Mart 1856'da öğleden sonra gittiği şehir oldu.",  # a time of day, no event
])
def test_a_time_before_sonra_is_no_earlier_event_and_keeps_the_clauses_date(tmp_path, text):
    _, graph = build_texts(tmp_path, {"a.txt": text + "\n"})
    assert str(graph.value(visit_of(graph, "Hasan Fehmi"), HKG.startDate)) == "1856-03-03"


def test_a_place_noun_in_a_case_says_no_place_is_where_one_went(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": "Varşova, Hasan Fehmi Bey'in 1932'de geldiği şehirden çok uzaktı.\n"})
    assert not visits_led_by(graph, "Hasan Fehmi Bey")


def test_a_pronoun_after_a_comma_is_no_head_of_the_group_before_it(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "Hasan Fehmi Paşa Mayıs 1919'da Sivas'a gitti. Haziran 1919'da Erzurum'a geçti. Temmuz 1919'da Ankara'ya "
        "döndü.\n\n"
        "Ertesi kış Varşova'ya giden heyetin başında Rıza Bey vardı, o da yolda hastalandı.\n")})
    assert not [v for v in visits_led_by(graph, "Hasan Fehmi Paşa") if "Varşova" in destinations(graph, v)]


def test_a_ship_keeps_its_journey_beside_a_persons_to_the_same_place_and_an_armoured_train_is_no_ship(tmp_path):
    _, graph = build_texts(tmp_path, {"a.txt": (
        "1946'da ABD zırhlısı Texas'ın Pire'ye gelişi. 1946'da Hasan Fehmi Paşa Pire'ye gitti.\n\n"
        "12 Mart 1920 — Yunan zırhlı trenlerinin Eskişehir'e gelişi.\n")})
    assert sorted(str(graph.value(v, SKOS.prefLabel)) for v in visits_led_by(graph, None)) \
        == ["ABD zırhlısı Texas → Pire (1946)"]
