"""Pages and questions a colleague wrote without reading the code (blind when first measured).

First measurement: parsing right on every field of every page except one debatable call
(a detik `Simak Video "…"` plug we listed as a related headline; since the fourteenth round,
when two more blind writers made the same call, a video plug is no headline); answers
18/26 right and 3/4 declined. Three general rules it pointed to (swapped letters as one typo,
unknown names weighing double, an article's sentence over its own headline) brought that to
20/26 and 4/4; since then this set guards against regressions rather than measuring generality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.desk import open_desk
from bot.evaluation.answers import AnswerReport, evaluate_answers
from bot.evaluation.parsing import evaluate_parsing

BLIND = Path(__file__).parent / "fixtures" / "blind"


def _assert_every_field_right(*folders: Path) -> None:
    for folder in folders:
        report = evaluate_parsing(folder).to_json()
        assert all(row["matched"] == row["total"] for row in report["fields"].values()), report


def test_blind_pages_parse() -> None:
    _assert_every_field_right(BLIND)


def test_blind_questions(tmp_path: Path) -> None:
    with open_desk(f"sqlite:///{tmp_path / 'blind.db'}") as desk:

        def store_page(text: str, source: str) -> None:
            desk.submit(text, source=source)

        report = evaluate_answers(BLIND, [BLIND / "qa.jsonl"], store_page=store_page, ask=desk.ask)
    assert report.answerable_accuracy >= 21 / 26, report.to_table()
    assert report.abstention_rate == 1.0, report.to_table()


SECOND_BLIND = Path(__file__).parent / "fixtures" / "blind2"


def test_second_blind_pages_parse() -> None:
    """Measured blind once: all fields but one page (a subscription promo, since fixed)."""
    _assert_every_field_right(SECOND_BLIND)


def test_second_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Measured blind once at 15/26 answerable and 3/4 declined; now a floor (19/26, 4/4)."""
    with open_desk(f"sqlite:///{tmp_path / 'blind2.db'}") as desk:

        def store_page(text: str, source: str) -> None:
            desk.submit(text, source=source)

        qa = [SECOND_BLIND / "qa.jsonl"]
        report = evaluate_answers(SECOND_BLIND, qa, store_page=store_page, ask=desk.ask)
    assert report.answerable_accuracy >= 19 / 26, report.to_table()
    assert report.abstention_rate == 1.0, report.to_table()


THIRD_BLIND = Path(__file__).parent / "fixtures" / "blind3"


def test_third_blind_pages_parse() -> None:
    """Measured blind: every field of every page right."""
    _assert_every_field_right(THIRD_BLIND)


def test_third_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Measured blind once at 18/26 answerable and 4/4 declined; tuned on since (24/26, 4/4)."""
    with open_desk(f"sqlite:///{tmp_path / 'blind3.db'}") as desk:

        def store_page(text: str, source: str) -> None:
            desk.submit(text, source=source)

        qa = [THIRD_BLIND / "qa.jsonl"]
        report = evaluate_answers(THIRD_BLIND, qa, store_page=store_page, ask=desk.ask)
    assert report.answerable_accuracy >= 23 / 26, report.to_table()
    assert report.abstention_rate == 1.0, report.to_table()


def test_hard_unanswerable_questions_do_not_regress(tmp_path: Path) -> None:
    """40 questions a colleague wrote to trip a word matcher: the same names and places as the
    stored pages, asking for facts none of them gives. Ringkas declined 21/40 when they were
    written, 22 to 26 of 40 since: the open part of answering, kept as a floor."""
    declined = asked = 0
    for name in ("pages", "blind", "blind2", "blind3"):
        folder = Path(__file__).parent / "fixtures" / name
        with open_desk(f"sqlite:///{tmp_path / name}.db") as desk:

            def store_page(text: str, source: str) -> None:
                desk.submit(text, source=source)

            qa = [folder / "qa_none_extra.jsonl"]
            report = evaluate_answers(folder, qa, store_page=store_page, ask=desk.ask)
        declined += sum(result.right for result in report.results)
        asked += len(report.results)
    assert asked == 40
    assert declined >= 25, f"declined {declined} of {asked}"


FOURTH_BLIND = Path(__file__).parent / "fixtures" / "blind4"
FIFTH_BLIND = Path(__file__).parent / "fixtures" / "blind5"


def test_fourth_and_fifth_blind_pages_parse() -> None:
    """Measured blind: every field right but the fourth set's detik category ("Berita" right
    above the headline, since read as the category)."""
    _assert_every_field_right(FOURTH_BLIND, FIFTH_BLIND)


def _answers(folder: Path, database: Path) -> AnswerReport:
    with open_desk(f"sqlite:///{database}") as desk:

        def store_page(text: str, source: str) -> None:
            desk.submit(text, source=source)

        return evaluate_answers(folder, [folder / "qa.jsonl"], store_page=store_page, ask=desk.ask)


def _assert_floor(folder: Path, database: Path, *, answered: float, declined: float) -> None:
    report = _answers(folder, database)
    assert report.answerable_accuracy >= answered, report.to_table()
    assert report.abstention_rate >= declined, report.to_table()


def test_fourth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Held out while the third round was built (19/26, 3/4), then a development set (23/26)."""
    _assert_floor(FOURTH_BLIND, tmp_path / "blind4.db", answered=23 / 26, declined=0.75)


def test_fifth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Held out to the end of the third round: 27/32 answerable, 8/8 declined (the same before
    it). Every miss ranked the right passage first but below the confidence threshold; the
    fourth round's rules (a sum stands in for "biaya", prepositions weigh little) took it to
    31/32."""
    _assert_floor(FIFTH_BLIND, tmp_path / "blind5.db", answered=1.0, declined=1.0)


SIXTH_BLIND = Path(__file__).parent / "fixtures" / "blind6"


def test_sixth_blind_pages_parse() -> None:
    """Measured blind: every field of every page right."""
    _assert_every_field_right(SIXTH_BLIND)


def test_sixth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Chattier and more paraphrased than the others ("Pemprov Lampung siapin anggaran berapa
    buat bagi-bagi bibit kopi?"): the last release answered 16/32 and declined 5/8; the first
    rules of the fourth round, found on the other sets, 14/32 when it arrived; tuned on since
    (18/32, 5/8)."""
    _assert_floor(SIXTH_BLIND, tmp_path / "blind6.db", answered=22 / 32, declined=6 / 8)


SEVENTH_BLIND = Path(__file__).parent / "fixtures" / "blind7"
EIGHTH_BLIND = Path(__file__).parent / "fixtures" / "blind8"


def test_seventh_and_eighth_blind_pages_parse() -> None:
    """Measured blind: every field of every page right on both sets."""
    _assert_every_field_right(SEVENTH_BLIND, EIGHTH_BLIND)


def test_seventh_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Plain readers' questions, measured blind: the last release 28/32 answered and 6/8
    declined, the fourth round 28/32 and 6/8; an age the story does not give is declined
    since (28/32, 7/8)."""
    _assert_floor(SEVENTH_BLIND, tmp_path / "blind7.db", answered=30 / 32, declined=1.0)


def test_eighth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Measured blind: the last release 25/32 answered and 4/8 declined, the fourth round
    27/32 and 5/8; tuned on since (chat "berapaan", "apakah" asks yes or no, an age the story
    does not give is declined): 29/32, 6/8."""
    _assert_floor(EIGHTH_BLIND, tmp_path / "blind8.db", answered=30 / 32, declined=6 / 8)


NINTH_BLIND = Path(__file__).parent / "fixtures" / "blind9"


def test_ninth_blind_pages_parse() -> None:
    """Measured blind: every field of every page right."""
    _assert_every_field_right(NINTH_BLIND)


def test_ninth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written at the end of the fourth round and measured blind on its final rules: 25/32
    answered and 6/8 declined (the last release: 26/32 and 5/8). The one answer lost (an
    article's headline beat its sentence giving the same figure) came back with the rule
    quoting a sentence within 5 ranking points of its own headline: 26/32, 6/8."""
    _assert_floor(NINTH_BLIND, tmp_path / "blind9.db", answered=29 / 32, declined=1.0)


TENTH_BLIND = Path(__file__).parent / "fixtures" / "blind10"
ELEVENTH_BLIND = Path(__file__).parent / "fixtures" / "blind11"


def test_tenth_and_eleventh_blind_pages_parse() -> None:
    """Measured blind: every field of every page right on both sets (blind11 has a long page
    with "Baca juga" lines inside the body)."""
    _assert_every_field_right(TENTH_BLIND, ELEVENTH_BLIND)


def test_tenth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written at the start of the fifth round, measured blind: 13/24 answered, 5/8 declined
    (the last release the same). English paraphrase ("fees" for "charges", "found" for
    "discovered") is its weak spot. Chat "duit" for money, cabe for cabai, kades for kepala
    desa and a misspelling stored only with -nya took it to 17/24."""
    _assert_floor(TENTH_BLIND, tmp_path / "blind10.db", answered=19 / 24, declined=6 / 8)


def test_eleventh_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written at the start of the fifth round, measured blind: 17/24 answered, 6/8 declined
    (the last release the same)."""
    _assert_floor(ELEVENTH_BLIND, tmp_path / "blind11.db", answered=17 / 24, declined=6 / 8)


TWELFTH_BLIND = Path(__file__).parent / "fixtures" / "blind12"
THIRTEENTH_BLIND = Path(__file__).parent / "fixtures" / "blind13"


def test_twelfth_and_thirteenth_blind_pages_parse() -> None:
    """Measured blind: every field of every page right on both sets (blind12 has a page
    pasted without its headline)."""
    _assert_every_field_right(TWELFTH_BLIND, THIRTEENTH_BLIND)


def test_twelfth_and_thirteenth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written while the fifth round was built and measured once on its final rules: 16/24
    answered and 6/8 declined on each (the last release: 16/24 and 17/24, 6/8 on both). Most
    misses ranked the right passage first below the confidence threshold. The sixth round
    took them to 20/24 and 7/8 each (reasons after "sehingga" or ", jadi", RSUD as a place,
    Jatim for Jawa Timur, a time "within 10 days", baht, name questions, "Thailand sendiri")."""
    _assert_floor(TWELFTH_BLIND, tmp_path / "blind12.db", answered=20 / 24, declined=7 / 8)
    _assert_floor(THIRTEENTH_BLIND, tmp_path / "blind13.db", answered=20 / 24, declined=7 / 8)


FOURTEENTH_BLIND = Path(__file__).parent / "fixtures" / "blind14"
FIFTEENTH_BLIND = Path(__file__).parent / "fixtures" / "blind15"
SIXTEENTH_BLIND = Path(__file__).parent / "fixtures" / "blind16"
SEVENTEENTH_BLIND = Path(__file__).parent / "fixtures" / "blind17"
EIGHTEENTH_BLIND = Path(__file__).parent / "fixtures" / "blind18"
NINETEENTH_BLIND = Path(__file__).parent / "fixtures" / "blind19"


def test_sixth_round_blind_pages_parse() -> None:
    """Six sets written in the sixth round, in the style of ../shared/data/pages: every field
    of all 48 pages right when measured blind (WITA and GMT+8 times, a date-only English
    page, "Ir.", "Muh.", "Capt." and "Sp.PD" inside names, a category "Berita", a page
    pasted without its headline)."""
    _assert_every_field_right(
        FOURTEENTH_BLIND,
        FIFTEENTH_BLIND,
        SIXTEENTH_BLIND,
        SEVENTEENTH_BLIND,
        EIGHTEENTH_BLIND,
        NINETEENTH_BLIND,
    )


def test_fourteenth_and_fifteenth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written at the start of the sixth round, measured blind on the last release's rules:
    21/24 answered and 3/8 declined, 19/24 and 7/8; then tuned on: a name question wants the
    name beside the thing it names (blind14's "nama lengkap pejabat berinisial YT"), a fine
    given as a share, "pelatihnya" over "berlatih", "ke Jepang saja" asks for one part: 21/24
    and 6/8, 22/24 and 8/8."""
    _assert_floor(FOURTEENTH_BLIND, tmp_path / "blind14.db", answered=21 / 24, declined=6 / 8)
    _assert_floor(FIFTEENTH_BLIND, tmp_path / "blind15.db", answered=23 / 24, declined=1.0)


def test_sixteenth_and_seventeenth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written during the sixth round and measured once on its rules of that time: 21/24 and
    8/8, 20/24 and 7/8 (the last release the same). Shillings as money and "berapa unit" as a
    count came after (22/24)."""
    _assert_floor(SIXTEENTH_BLIND, tmp_path / "blind16.db", answered=23 / 24, declined=1.0)
    _assert_floor(SEVENTEENTH_BLIND, tmp_path / "blind17.db", answered=23 / 24, declined=7 / 8)


def test_eighteenth_and_nineteenth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written late in the sixth round and measured once on its final rules: 20/24 and 5/8,
    22/24 and 6/8 (the last release the same). Most of their declines missed are questions
    reusing a story's names for a fact it lacks (the burnt area "di Kalimantan Tengah" taken
    from a sentence on Kalimantan Selatan that says "pertengahan"). blind18 answered 20 until
    the twelfth round declined questions naming what the answering story never mentions
    ("truk terguling di Medan" for a headline on the Belmera toll road), 19 until the fifteenth
    round put a sentence close behind its story's lead before it (the lead gave the count of
    students withholding rent; the sentence after it, what they will not face)."""
    _assert_floor(EIGHTEENTH_BLIND, tmp_path / "blind18.db", answered=18 / 24, declined=6 / 8)
    _assert_floor(NINETEENTH_BLIND, tmp_path / "blind19.db", answered=23 / 24, declined=6 / 8)


TWENTIETH_BLIND = Path(__file__).parent / "fixtures" / "blind20"
TWENTY_FIRST_BLIND = Path(__file__).parent / "fixtures" / "blind21"


TWENTY_SECOND_BLIND = Path(__file__).parent / "fixtures" / "blind22"
TWENTY_THIRD_BLIND = Path(__file__).parent / "fixtures" / "blind23"


def test_seventh_round_blind_pages_parse() -> None:
    """Four sets written in the seventh round in the style of ../shared/data/pages. Measured
    blind, one detik headline ending in a rate ("Tembus Rp95.000/Kg") was taken for a photo
    caption credited after a slash ("…/Net"); every other field of the 32 pages was right."""
    _assert_every_field_right(
        TWENTIETH_BLIND, TWENTY_FIRST_BLIND, TWENTY_SECOND_BLIND, TWENTY_THIRD_BLIND
    )


def test_twentieth_and_twenty_first_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written during the seventh round and measured once on its rules of that time: 23/24
    and 8/8, 22/24 and 8/8, the same as the last release (the round's first synonyms and
    phrasal particles moved none of their answers; "shut" for "closures", added after, one)."""
    _assert_floor(TWENTIETH_BLIND, tmp_path / "blind20.db", answered=1.0, declined=1.0)
    _assert_floor(TWENTY_FIRST_BLIND, tmp_path / "blind21.db", answered=1.0, declined=1.0)


def test_twenty_second_and_twenty_third_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written after the seventh round's last synonyms and measured once on its final rules:
    23/24 and 7/8, 22/24 and 8/8, the same as the last release. Misses: a time asked about a
    reopening answered by the sentence dating the closure, a fare "untuk pelajar" answered by
    the general fare, two typos in one question just under the threshold, and "harga ikan
    cakalang" answered by the price of tongkol at the same market."""
    _assert_floor(TWENTY_SECOND_BLIND, tmp_path / "blind22.db", answered=23 / 24, declined=1.0)
    _assert_floor(TWENTY_THIRD_BLIND, tmp_path / "blind23.db", answered=22 / 24, declined=1.0)


TWENTY_FOURTH_BLIND = Path(__file__).parent / "fixtures" / "blind24"
TWENTY_FIFTH_BLIND = Path(__file__).parent / "fixtures" / "blind25"
TWENTY_SIXTH_BLIND = Path(__file__).parent / "fixtures" / "blind26"
TWENTY_SEVENTH_BLIND = Path(__file__).parent / "fixtures" / "blind27"
TWENTY_EIGHTH_BLIND = Path(__file__).parent / "fixtures" / "blind28"
TWENTY_NINTH_BLIND = Path(__file__).parent / "fixtures" / "blind29"
THIRTIETH_BLIND = Path(__file__).parent / "fixtures" / "blind30"
THIRTY_FIRST_BLIND = Path(__file__).parent / "fixtures" / "blind31"


def test_eighth_round_blind_pages_parse() -> None:
    """Eight sets written in the eighth round, asked to paraphrase as readers do rather than
    reuse the answer's words. Measured blind, every field of the 64 pages was right."""
    _assert_every_field_right(
        TWENTY_FOURTH_BLIND,
        TWENTY_FIFTH_BLIND,
        TWENTY_SIXTH_BLIND,
        TWENTY_SEVENTH_BLIND,
        TWENTY_EIGHTH_BLIND,
        TWENTY_NINTH_BLIND,
        THIRTIETH_BLIND,
        THIRTY_FIRST_BLIND,
    )


def test_twenty_fourth_and_twenty_fifth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written at the start of the eighth round and measured once on the last release: 13/24
    and 6/8, 15/24 and 6/8, far below the older sets: their questions lean on the headline
    for the story ("Brp kapal yg tertahan gara-gara buruh Bitung mogok?" answered by
    "Akibat aksi tersebut, 14 kapal …") and say things in other words. Then tuned on (more
    credit for the context in confidence, "apa pemicu" as a reason, Thailand/Thai)."""
    _assert_floor(TWENTY_FOURTH_BLIND, tmp_path / "blind24.db", answered=18 / 24, declined=6 / 8)
    _assert_floor(TWENTY_FIFTH_BLIND, tmp_path / "blind25.db", answered=16 / 24, declined=6 / 8)


def test_twenty_sixth_and_twenty_seventh_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written in the middle of the eighth round and measured once on its rules of that time:
    20/24 and 7/8, 18/24 and 8/8, against 21/24 and 19/24 for the last release. One loss was
    a bug ("berapa kilo telur" read as a count of kilos, since fixed: 21/24), the other a
    question just under the raised threshold."""
    _assert_floor(TWENTY_SIXTH_BLIND, tmp_path / "blind26.db", answered=1.0, declined=1.0)
    _assert_floor(TWENTY_SEVENTH_BLIND, tmp_path / "blind27.db", answered=19 / 24, declined=1.0)


def test_twenty_eighth_and_twenty_ninth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written late in the eighth round and measured once before its price rule: 19/24 and
    6/8, 20/24 and 7/8, against 16/24 and 19/24 (declines the same) for the last release: a
    kilo is a kilogram and a km a kilometre, "apa pemicu" asks why, and the headline counts for
    more in confidence. Nothing was tuned on them."""
    _assert_floor(TWENTY_EIGHTH_BLIND, tmp_path / "blind28.db", answered=19 / 24, declined=6 / 8)
    _assert_floor(TWENTY_NINTH_BLIND, tmp_path / "blind29.db", answered=20 / 24, declined=7 / 8)


def test_thirtieth_and_thirty_first_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Written at the end of the eighth round. blind30 was measured with the threshold at 57
    (18/24 and 7/8; its "Pasokn cabai" at 56.5 was one reason the threshold went back to 56:
    19/24), blind31 on the final rules (20/24 and 8/8); the last release scores 17/24 and
    19/24 on them, declines the same."""
    _assert_floor(THIRTIETH_BLIND, tmp_path / "blind30.db", answered=19 / 24, declined=7 / 8)
    _assert_floor(THIRTY_FIRST_BLIND, tmp_path / "blind31.db", answered=20 / 24, declined=1.0)


THIRTY_SECOND_BLIND = Path(__file__).parent / "fixtures" / "blind32"
THIRTY_THIRD_BLIND = Path(__file__).parent / "fixtures" / "blind33"
THIRTY_FOURTH_BLIND = Path(__file__).parent / "fixtures" / "blind34"
THIRTY_FIFTH_BLIND = Path(__file__).parent / "fixtures" / "blind35"


def test_ninth_round_blind_pages_parse() -> None:
    """Four sets written at the start of the ninth round in the style of ../shared/data/pages.
    Measured blind, every field of the 32 pages was right."""
    _assert_every_field_right(
        THIRTY_SECOND_BLIND, THIRTY_THIRD_BLIND, THIRTY_FOURTH_BLIND, THIRTY_FIFTH_BLIND
    )


def test_thirty_second_to_thirty_fifth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Measured once on the last release: 19/24 and 8/8, 18/24 and 7/8, 15/24 and 6/8, 19/24
    and 7/8. Then tuned on: a misspelt question word ("Berpa"), "berapa banyak", a slip of a
    word stored only in other forms, "how much of" asking a share, a measure stated by the
    amount ("berapa luas": "148 hektare"), sekarang/kini; later "akibat" as a function word
    (blind33: 19/24)."""
    _assert_floor(THIRTY_SECOND_BLIND, tmp_path / "blind32.db", answered=22 / 24, declined=1.0)
    _assert_floor(THIRTY_THIRD_BLIND, tmp_path / "blind33.db", answered=19 / 24, declined=7 / 8)
    _assert_floor(THIRTY_FOURTH_BLIND, tmp_path / "blind34.db", answered=17 / 24, declined=6 / 8)
    _assert_floor(THIRTY_FIFTH_BLIND, tmp_path / "blind35.db", answered=20 / 24, declined=7 / 8)


THIRTY_SIXTH_BLIND = Path(__file__).parent / "fixtures" / "blind36"
THIRTY_SEVENTH_BLIND = Path(__file__).parent / "fixtures" / "blind37"
THIRTY_EIGHTH_BLIND = Path(__file__).parent / "fixtures" / "blind38"


def test_late_ninth_round_blind_pages_parse() -> None:
    """Three sets written late in the ninth round: every field of the 24 pages right."""
    _assert_every_field_right(THIRTY_SIXTH_BLIND, THIRTY_SEVENTH_BLIND, THIRTY_EIGHTH_BLIND)


def test_thirty_sixth_to_thirty_eighth_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Measured once on the ninth round's rules of that time: 19/24 and 8/8, 20/24 and 7/8,
    17/24 and 7/8, the same as the last release. Then "biggest" matched "largest" (blind36:
    20/24), "pernah" and "akibat" weighed as function words (blind37: 22/24), and a sentence
    close behind its story's lead was put before it in the fifteenth round (blind37: 21/24;
    the lead held the share of staff laid off)."""
    _assert_floor(THIRTY_SIXTH_BLIND, tmp_path / "blind36.db", answered=20 / 24, declined=1.0)
    _assert_floor(THIRTY_SEVENTH_BLIND, tmp_path / "blind37.db", answered=21 / 24, declined=7 / 8)
    _assert_floor(THIRTY_EIGHTH_BLIND, tmp_path / "blind38.db", answered=17 / 24, declined=7 / 8)


THIRTY_NINTH_BLIND = Path(__file__).parent / "fixtures" / "blind39"
FORTIETH_BLIND = Path(__file__).parent / "fixtures" / "blind40"
FORTY_FIRST_BLIND = Path(__file__).parent / "fixtures" / "blind41"


def test_end_of_ninth_round_blind_pages_parse() -> None:
    """Three sets written at the end of the ninth round: every field of the 24 pages right."""
    _assert_every_field_right(THIRTY_NINTH_BLIND, FORTIETH_BLIND, FORTY_FIRST_BLIND)


def test_thirty_ninth_to_forty_first_blind_questions_do_not_regress(tmp_path: Path) -> None:
    """Measured once on the ninth round's rules of that time: 20/24 and 8/8, 21/24 and 8/8,
    20/24 and 6/8, the same as the last release. Then "eh" weighed as a function word, "berapa
    kali seminggu" asked how often, "seberapa sering" was stated by the amount (blind40:
    23/24)."""
    _assert_floor(THIRTY_NINTH_BLIND, tmp_path / "blind39.db", answered=20 / 24, declined=1.0)
    _assert_floor(FORTIETH_BLIND, tmp_path / "blind40.db", answered=23 / 24, declined=1.0)
    _assert_floor(FORTY_FIRST_BLIND, tmp_path / "blind41.db", answered=20 / 24, declined=6 / 8)


# Tenth round: set -> (answered of 24, declined of 8) now, the floor the set must keep. Each
# set was measured once, blind, before anything was tuned on it (docs/answering.md, "Tenth
# round"): blind42-45 on the last release 20, 21, 19, 19 answered and 8, 7, 6, 6 declined;
# blind46-48 on the round's early rules 17, 18, 22 and 7, 6, 6; blind49-51 on its final
# rules 18, 22, 20 and 8, 8, 8.
TENTH_ROUND = {
    "blind42": (21, 8),
    "blind43": (22, 8),
    "blind44": (20, 8),
    "blind45": (21, 6),
    "blind46": (17, 8),
    "blind47": (18, 6),
    "blind48": (22, 7),
    "blind49": (18, 8),
    "blind50": (22, 8),
    "blind51": (20, 8),
}
# Eleventh round: written to a brief that asked for more paraphrase and other topics; set ->
# (answered of 24, declined of 8) now. All six were measured once, blind, on the last release
# (docs/answering.md, "Eleventh round"): 17, 18, 16, 18, 17, 17 answered and 7, 8, 7, 8, 7, 7
# declined; the round's rules were then found on their misses. blind58 and blind60 were
# measured once on the round's final rules (14 and 16 answered, 7 and 8 declined; blind60's
# kompas page had a subscription offer left in the body, since fixed).
ELEVENTH_ROUND = {
    "blind52": (16, 7),  # 17, 8 until retrieval stopped searching by function words, "so far"
    "blind53": (19, 8),
    "blind54": (18, 7),
    "blind55": (21, 8),
    "blind56": (19, 7),
    "blind57": (19, 7),
    "blind58": (14, 7),
    "blind60": (16, 8),
}
# Twelfth round: written to the eleventh round's brief on new topics; set -> (answered of 24,
# declined of 8), each measured once, blind, on the round's rules of its time (docs/answering.md,
# "Twelfth round"): blind61 22 and 8, blind62 21 and 6 (then one rule found on it: the unit a
# value is asked in), blind63 20 and 8, blind66 17 and 8 (then "berapa sekarang" found on it),
# blind67 19 and 7 (then "kuota 50 GB" against "30 GB" and dropped vowels found on it); on the
# round's late rules blind64 17 and 8 (then contractions and "at the moment" found on it), blind65
# 22 and 8, blind68 18 and 6 (then "so far" found on it), blind69 18 and 8; blind70 20 and 8 on
# the round's final rules.
TWELFTH_ROUND = {
    "blind61": (22, 8),
    "blind62": (21, 7),
    "blind63": (20, 8),
    "blind64": (19, 8),
    "blind65": (22, 8),
    "blind66": (19, 8),
    "blind67": (20, 8),
    "blind68": (19, 6),
    "blind69": (18, 8),
    "blind70": (20, 8),
}
# Thirteenth round: blind71-80 measured on the last release, blind83-90 on the round's rules of
# their time, blind81-82 on its late rules (docs/answering.md, "Thirteenth round"); the floors
# are the round's final figures.
THIRTEENTH_ROUND = {
    "blind71": (21, 6),
    "blind72": (22, 7),
    "blind73": (20, 7),
    "blind74": (20, 6),
    "blind75": (19, 7),
    "blind76": (20, 7),
    "blind77": (22, 8),
    "blind78": (22, 7),
    "blind79": (22, 7),
    "blind80": (23, 6),
    "blind81": (21, 6),
    "blind82": (21, 5),
    "blind83": (20, 7),
    "blind84": (21, 7),  # 22 until a sentence behind the lead came first (fifteenth round)
    "blind85": (19, 7),
    "blind86": (22, 6),
    "blind87": (21, 7),
    "blind88": (24, 7),
    "blind89": (20, 7),
    "blind90": (21, 8),
}
# Fourteenth round: blind91-106 measured on the last release (3521cbc) before any rule of the
# round, blind107-114 on the round's rules of their time, blind115-122 on its late rules
# (docs/answering.md, "Fourteenth round"); the floors are the round's final figures.
FOURTEENTH_ROUND = {
    "blind91": (24, 8),
    "blind92": (21, 8),
    "blind93": (23, 7),
    "blind94": (22, 5),
    "blind95": (22, 7),
    "blind96": (24, 6),
    "blind97": (19, 7),
    "blind98": (22, 7),
    "blind99": (19, 4),
    "blind100": (22, 7),
    "blind101": (21, 7),
    "blind102": (22, 7),
    "blind103": (20, 5),
    "blind104": (21, 7),
    "blind105": (20, 6),
    "blind106": (21, 6),
    "blind107": (20, 6),
    "blind108": (23, 7),
    "blind109": (21, 5),
    "blind110": (19, 8),
    "blind111": (23, 8),
    "blind112": (22, 6),
    "blind113": (19, 7),
    "blind114": (19, 7),
    "blind115": (21, 7),
    "blind116": (19, 6),
    "blind117": (21, 8),
    "blind118": (21, 7),
    "blind119": (22, 4),
    "blind120": (19, 7),
    "blind121": (22, 7),
    "blind122": (18, 8),
}
# Fifteenth round: blind123-130 measured on the last release, blind131-138 on the round's
# rules of their time, blind139-146 on its final rules; floors are the final figures.
FIFTEENTH_ROUND = {
    "blind123": (22, 8),
    "blind124": (22, 8),
    "blind125": (23, 8),
    "blind126": (22, 4),
    "blind127": (16, 6),
    "blind128": (20, 6),
    "blind129": (22, 7),
    "blind130": (21, 7),
    "blind131": (24, 7),
    "blind132": (22, 7),
    "blind133": (24, 8),
    "blind134": (23, 6),
    "blind135": (20, 7),
    "blind136": (22, 7),
    "blind137": (22, 7),
    "blind138": (19, 7),
    "blind139": (21, 6),
    "blind140": (20, 5),
    "blind141": (23, 6),
    "blind142": (19, 7),
    "blind143": (21, 5),
    "blind144": (18, 7),
    "blind145": (16, 7),
    "blind146": (16, 5),
}
FLOORS = (
    TENTH_ROUND
    | ELEVENTH_ROUND
    | TWELFTH_ROUND
    | THIRTEENTH_ROUND
    | FOURTEENTH_ROUND
    | FIFTEENTH_ROUND
)
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recent_blind_pages_parse(name: str) -> None:
    """Measured blind, every field of every page was right."""
    _assert_every_field_right(FIXTURES / name)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recent_blind_questions_do_not_regress(name: str, tmp_path: Path) -> None:
    answered, declined = FLOORS[name]
    database = tmp_path / f"{name}.db"
    _assert_floor(FIXTURES / name, database, answered=answered / 24, declined=declined / 8)
