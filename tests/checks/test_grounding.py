"""The writer's own prose (bottom line, background) may not state a figure, date or name that no cited
source holds: a warning naming the field, the claim and the closest figure the sources give."""

from __future__ import annotations

from briefs.checks import run_checks
from briefs.templates import FieldSpec, TemplateSpec

from .conftest import brief_of, pick

SPEC = TemplateSpec(name="t", title="T", fields=(FieldSpec(name="bluf", label="BLUF", words=80),
                                                FieldSpec(name="audience", label="For")))


def grounding(report) -> list[str]:
    return [f.message for f in report.by_code("prose-unsupported")]


def test_a_figure_no_source_gives_is_flagged_with_the_closest_one(desk) -> None:
    fact = pick(desk, "The researchers counted 23 versions of the implant.", "fact")
    brief = brief_of(desk, ("facts", [fact]), fields={"bluf": "Researchers found 24 versions in 14 utilities."})
    [message] = grounding(run_checks(desk, brief, SPEC))
    assert message == "BLUF says '24'; no cited source does (the closest figure in them: '23' in s1)"


def test_figures_match_whatever_way_they_are_written(desk) -> None:
    fact = pick(desk, "The public comment period closes on December 15.", "fact")
    brief = brief_of(desk, ("facts", [fact]), fields={
        "bluf": "Smaller members face about $38m a year; comments close on 15 December; Northbridge Labs found it.",
    })
    assert grounding(run_checks(desk, brief, SPEC)) == []


def test_an_unsupported_date_name_and_money_are_each_named(desk) -> None:
    fact = pick(desk, "The public comment period closes on December 15.", "fact")
    brief = brief_of(desk, ("facts", [fact]), fields={
        "bluf": "The rule costs £4.2bn, says Jane Fonda; comments close on 20 December.",
        "audience": "Sir Humphrey Appleby",  # who the brief is for is not a claim about the story
    })
    messages = grounding(run_checks(desk, brief, SPEC))
    assert "BLUF says '£4.2bn'; no cited source does" in messages
    assert "BLUF names 'Jane Fonda'; no cited source does" in messages
    assert "BLUF gives the date 20 Dec; no cited source mentions it" in messages
    assert len(messages) == 3
    assert run_checks(desk, brief, SPEC).ok  # a warning, never a block
