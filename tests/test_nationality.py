"""A country's name and its people's word find each other."""

from __future__ import annotations

import pytest

from bot.text.nationality import nationality_forms


@pytest.mark.parametrize(
    ("country", "people"),
    [
        ("vietnam", "vietnamese"),
        ("brazil", "brazilian"),
        ("indonesia", "indonesian"),
        ("china", "chinese"),
        ("germany", "german"),
        ("mexico", "mexican"),
        ("pakistan", "pakistani"),
        ("thailand", "thai"),
        ("philippines", "filipino"),
    ],
)
def test_a_country_and_its_people_word_lead_to_each_other(country: str, people: str) -> None:
    assert people in nationality_forms(country)
    assert country in nationality_forms(people)


def test_short_words_and_the_word_itself_are_left_out() -> None:
    assert nationality_forms("uk") == frozenset()
    assert "vietnam" not in nationality_forms("vietnam")
