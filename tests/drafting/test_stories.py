"""Articles from several outlets on one event are one story; stories on other events are not."""

from __future__ import annotations

from briefs.drafting.digest import date_range, topic
from briefs.drafting.facts import same_fact
from briefs.drafting.stories import group_stories, same_story

from .articles import OTHER_FLOOD, REUTERS_SHARES, TABLOID_SPORT, UK_FLOOD, US_BUDGET, WIRE_FLOOD


def test_two_outlets_reporting_one_flood_are_one_story() -> None:
    assert same_story(WIRE_FLOOD, UK_FLOOD)


def test_another_flood_elsewhere_is_another_story() -> None:
    assert not same_story(WIRE_FLOOD, OTHER_FLOOD)
    assert not same_story(UK_FLOOD, OTHER_FLOOD)


def test_stories_are_grouped_in_the_order_they_came() -> None:
    texts = [WIRE_FLOOD, US_BUDGET, UK_FLOOD, REUTERS_SHARES, OTHER_FLOOD, TABLOID_SPORT]
    assert group_stories(texts) == [[0, 2], [1], [3], [4], [5]]


def test_the_same_figure_from_two_outlets_is_one_fact() -> None:
    wire = "Emergency crews used boats to reach families, where the water rose 2.4 meters above its normal level."
    uk = "Rescue teams have been using boats to reach stranded families, with water 2.4 metres above normal."
    assert same_fact(wire, uk)
    assert not same_fact(wire, "The water rose 3.1 meters above its normal level.")


def test_a_digest_is_named_for_its_dates_and_subjects() -> None:
    assert date_range(["2019-11-18", "2019-11-20", None]) == "18–20 November 2019"
    assert date_range(["2019-11-30", "2019-12-02"]) == "30 November – 2 December 2019"
    assert date_range([None]) == ""
    about = topic(["Floods cut off mountain towns", "Chipmaker shares slide"], [WIRE_FLOOD, REUTERS_SHARES])
    assert "Norway" in about and "Veltron" in about
