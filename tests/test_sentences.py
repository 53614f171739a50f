"""The sentence splitter: abbreviations, numbers, quotations with attribution, verbatim slices."""

from __future__ import annotations

import pytest

from bot.text.sentences import split_sentences

CASES: list[tuple[str, list[str]]] = [
    ("Kata Dr. Euis hadir. Ia senang.", ["Kata Dr. Euis hadir.", "Ia senang."]),
    (
        "Kepala dinas, dr. Hana, datang. Ia memeriksa.",
        ["Kepala dinas, dr. Hana, datang.", "Ia memeriksa."],
    ),
    ("Kepala badan, Drs. Elias Mambraku, bicara.", ["Kepala badan, Drs. Elias Mambraku, bicara."]),
    (
        "Kantornya di Jl. Proklamasi No. 7, Garut. Buka setiap hari.",
        ["Kantornya di Jl. Proklamasi No. 7, Garut.", "Buka setiap hari."],
    ),
    (
        "It is tested in the U.S. and Canada. It works.",
        ["It is tested in the U.S. and Canada.", "It works."],
    ),
    ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
    ("Ms. Lee met Mr. Tan. They talked.", ["Ms. Lee met Mr. Tan.", "They talked."]),
    (
        "Prof. Hendra Kusuma melatih tim. Timnya menang.",
        ["Prof. Hendra Kusuma melatih tim.", "Timnya menang."],
    ),
    ("Ketua paguyuban, H. Abdul Rahman, hadir.", ["Ketua paguyuban, H. Abdul Rahman, hadir."]),
    (
        "Anggaran Rp8,5 triliun disiapkan. Dana naik.",
        ["Anggaran Rp8,5 triliun disiapkan.", "Dana naik."],
    ),
    (
        "Jumlahnya naik 3.5% tahun ini. Itu tinggi.",
        ["Jumlahnya naik 3.5% tahun ini.", "Itu tinggi."],
    ),
    (
        "Pendanaan US$1,5 juta diterima. Investor senang.",
        ["Pendanaan US$1,5 juta diterima.", "Investor senang."],
    ),
    (
        "Mereka bertemu Selasa (11/1) waktu setempat. Hasilnya baik.",
        ["Mereka bertemu Selasa (11/1) waktu setempat.", "Hasilnya baik."],
    ),
    (
        "Rapat dimulai pukul 10.00 WIB. Semua hadir.",
        ["Rapat dimulai pukul 10.00 WIB.", "Semua hadir."],
    ),
    (
        "He won in 2:08:15, a record. Fans cheered.",
        ["He won in 2:08:15, a record.", "Fans cheered."],
    ),
    ("He paused... and then left. Done!", ["He paused... and then left.", "Done!"]),
    ("Ia ragu… lalu pergi. Selesai.", ["Ia ragu… lalu pergi.", "Selesai."]),
    (
        "“Tiga kekuatan jahat,” kata Wang. Lavrov setuju.",
        ["“Tiga kekuatan jahat,” kata Wang.", "Lavrov setuju."],
    ),
    (
        '"Fasilitas lainnya," bunyi pernyataan resmi tersebut. Itu jelas.',
        ['"Fasilitas lainnya," bunyi pernyataan resmi tersebut.', "Itu jelas."],
    ),
    ("“Why now?” he asked. Nobody knew.", ["“Why now?” he asked.", "Nobody knew."]),
    (
        "“Why now?” Prof. Hughes asked. “We must know.”",
        ["“Why now?” Prof. Hughes asked.", "“We must know.”"],
    ),
    (
        "“Kami siap. Semua beres,” kata dia. Lalu pergi.",
        ["“Kami siap. Semua beres,” kata dia.", "Lalu pergi."],
    ),
    ("Apa kabar? Saya baik! Terima kasih.", ["Apa kabar?", "Saya baik!", "Terima kasih."]),
    ("Ada 37 kasus. 11 di antaranya berat.", ["Ada 37 kasus.", "11 di antaranya berat."]),
    (
        "The next auction is on Dec. 2, when 7.1 million kg are offered. Prices fell in Nov.",
        ["The next auction is on Dec. 2, when 7.1 million kg are offered.", "Prices fell in Nov."],
    ),
    ("", []),
    ("   \n  ", []),
    ("Tanpa titik di akhir", ["Tanpa titik di akhir"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(("text", "_expected"), CASES)
def test_every_sentence_is_a_verbatim_slice(text: str, _expected: list[str]) -> None:
    position = 0
    for sentence in split_sentences(text):
        found = text.find(sentence, position)
        assert found >= 0
        position = found + len(sentence)


def test_sentences_keep_newlines_inside_a_wrapped_paragraph() -> None:
    assert split_sentences("Baris pertama\nberlanjut. Kalimat kedua.") == [
        "Baris pertama\nberlanjut.",
        "Kalimat kedua.",
    ]


def test_a_long_run_of_dots_splits_quickly() -> None:
    """Regression: a paragraph of dots once made the splitter backtrack for ever."""
    text = "Kalimat pertama. " + "." * 5000 + " Kalimat terakhir di sini."
    sentences = split_sentences(text)
    assert sentences[0].startswith("Kalimat pertama.")
    assert sentences[-1] == "Kalimat terakhir di sini."
    assert all(sentence in text for sentence in sentences)
