"""Indonesian chat spellings written out before a question is matched."""

from __future__ import annotations

from bot.answering import question_words, written_out
from bot.text.chat import formal_words


def test_chat_spellings_are_written_out() -> None:
    assert formal_words(["gimana", "ngecek", "udah", "tdk", "hri"]) == [
        "bagaimana",
        "mengecek",
        "sudah",
        "tidak",
        "hari",
    ]


def test_dictionary_words_and_short_words_stay_as_written() -> None:
    # "kaya" is rich (not the chat "kayak"), "km" a kilometre, "dr" a doctor's title.
    assert formal_words(["kaya", "km", "dr", "in", "pass"]) == ["kaya", "km", "dr", "in", "pass"]


def test_a_few_unambiguous_two_letter_chat_words_are_written_out() -> None:
    # "yg" is stored as "yang": left as typed it matched nothing and weighed as unseen.
    assert formal_words(["yg", "dg", "tp", "cm", "dr"]) == ["yang", "dengan", "tapi", "cm", "dr"]


def test_names_and_acronyms_stay_as_written() -> None:
    assert written_out("Berapa pemilih di DPT?") == ("berapa", "pemilih", "di", "dpt")
    assert written_out("Sam Whitaker's team") == ("sam", "whitaker", "team")  # no stray "s"
    assert written_out("Brp harga tiket?") == ("berapa", "harga", "tiket")
    # "tau" is in the dictionary; "yg" is one of the few two-letter chat words written out.
    assert question_words("tdk ada yg tau brp harganya") == [
        "tidak",
        "ada",
        "yang",
        "tau",
        "harganya",
    ]


def test_english_questions_are_not_rewritten() -> None:
    assert written_out("How many runners took part in it?") == (
        "how",
        "many",
        "runners",
        "took",
        "part",
        "in",
        "it",
    )
