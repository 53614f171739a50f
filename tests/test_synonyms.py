"""Everyday news synonyms: forms of one word of a set find the others' forms."""

from __future__ import annotations

from bot.text.synonyms import synonym_forms


def test_an_indonesian_root_finds_the_affixed_forms_of_its_synonyms() -> None:
    assert {"rampung", "dirampungkan", "selesai", "diselesaikan"} <= synonym_forms("penyelesaian")
    assert {"menggunakan", "penggunaan"} <= synonym_forms("dipakai")
    assert "penyelesaian" not in synonym_forms("penyelesaian")  # the word itself is no synonym


def test_a_literal_form_does_not_stand_for_its_root() -> None:
    assert "tewas" in synonym_forms("meninggal")
    assert "tewas" not in synonym_forms("tinggal")  # "meninggal" (died) is not "tinggal" (stay)


def test_english_forms_are_listed_as_written() -> None:
    assert {"rose", "increased", "climbed"} <= synonym_forms("rise")
    assert "produce" in synonym_forms("make")  # "how many towers will the factory make"
    assert "prepared" in synonym_forms("cook")  # "how many meals did they cook"
    assert "charges" in synonym_forms("fees")
    assert "demanding" in synonym_forms("asking")  # "asking for a 14% pay rise"
    assert "expanded" in synonym_forms("grow")  # "how fast did the economy grow"
    assert "winners" in synonym_forms("winning")
    assert "debt" in synonym_forms("owe")  # "how much do universities owe": their debt
    assert synonym_forms("however") == frozenset()


def test_english_forms_take_their_regular_inflections() -> None:
    assert {"suspends", "halts", "suspending"} <= synonym_forms("stopped")
    assert {"postponing", "delaying"} <= synonym_forms("delays")
    assert {"banned", "banning"} <= synonym_forms("prohibited")  # the last consonant doubled


def test_a_noun_does_not_bring_the_other_nouns_of_its_root() -> None:
    assert "pelajar" in synonym_forms("murid")
    assert "pelajaran" not in synonym_forms("murid")  # a lesson is no pupil
    assert "pakaian" not in synonym_forms("menggunakan")  # clothes are no use


def test_a_unit_is_its_abbreviation_and_its_full_name() -> None:
    assert {"kilogram", "kg"} <= synonym_forms("kilo")
    assert "kilometres" in synonym_forms("km")
    assert "sentimeter" in synonym_forms("cm")
    assert "centimetres" in synonym_forms("cm")
    assert "milimeter" in synonym_forms("mm")


def test_a_dispute_in_court_is_a_case_and_a_lawsuit() -> None:
    assert {"perkara", "gugatan", "menggugat"} <= synonym_forms("sengketa")


def test_now_and_the_largest_are_said_in_other_words() -> None:
    assert "kini" in synonym_forms("sekarang")
    assert synonym_forms("seminggu") == {"sepekan"}
    assert "karang" not in synonym_forms("sekarang")  # a literal form, not the root of "se-karang"
    assert synonym_forms("biggest") == {"largest", "top", "leading", "main"}
    assert {"utama", "teratas"} <= synonym_forms("terbesar")
    assert "largest" not in synonym_forms("big")


def test_a_ferry_is_a_ship_and_stock_is_shares() -> None:
    assert "kapal" in synonym_forms("feri")
    assert "ships" in synonym_forms("ferry")
    assert "shares" in synonym_forms("stock")
    assert "delays" in synonym_forms("postponed")


def test_deployed_personnel_are_sent_in_or_involved() -> None:
    assert {"diterjunkan", "melibatkan"} <= synonym_forms("dikerahkan")
    assert "libat" not in synonym_forms("dikerahkan")  # only the forms news uses of people sent


def test_every_is_said_with_or_without_se() -> None:
    assert "setiap" in synonym_forms("tiap")
    assert "tiap" in synonym_forms("setiap")


def test_a_price_per_kilo_is_asked_with_se() -> None:
    assert {"kilogram", "kg"} <= synonym_forms("sekilo")  # "brp sekilo?": per kilogram
    assert "liter" in synonym_forms("seliter")
    assert {"sentimeter", "cm"} <= synonym_forms("senti")  # "turun berapa senti per tahun"


def test_only_is_said_in_chat_as_cuma() -> None:
    assert "hanya" in synonym_forms("cuma")  # "cuma punya berapa pelampung"


def test_what_did_not_happen_failed_or_was_called_off() -> None:
    assert "batal" in synonym_forms("gagal")  # "gagal diberangkatkan": "batal berangkat"


def test_what_is_left_is_said_with_tinggal() -> None:
    assert "tinggal" in synonym_forms("sisa")  # "tinggal 300 ekor": 300 left
    assert "tinggal" in synonym_forms("tersisa")


def test_cities_go_by_their_everyday_names() -> None:
    assert "yogyakarta" in synonym_forms("jogja")
    assert "surakarta" in synonym_forms("solo")


def test_clipped_english_nouns_are_the_whole_word() -> None:
    assert "laboratories" in synonym_forms("labs")
    assert "examination" in synonym_forms("exam")


def test_everyday_indonesian_says_a_week_all_and_giving_birth_in_other_words() -> None:
    assert "pekan" in synonym_forms("minggu")  # "per minggu" is "per pekan"
    assert "seluruh" in synonym_forms("semua")
    assert "persalinan" in synonym_forms("melahirkan")
    assert "pidana" in synonym_forms("hukuman")  # "ancaman pidana penjara"
    assert "terbukti" in synonym_forms("ketahuan")  # "pedagang yang terbukti menimbun"
    assert "mancanegara" in synonym_forms("asing")  # "turis asing": wisatawan mancanegara
    assert "narapidana" in synonym_forms("napi")
    assert "narkotika" in synonym_forms("narkoba")
    assert {"besar", "terjual", "mengangkut", "berantas", "advokat", "hemat"} <= (
        synonym_forms("gede")
        | synonym_forms("laku")
        | synonym_forms("bawa")
        | synonym_forms("basmi")
        | synonym_forms("pengacara")
        | synonym_forms("irit")
    )
