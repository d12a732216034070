"""run_checks and the export gate on briefs built from the bundled sample (s1)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from briefs.actions.sample import sample_source
from briefs.checks import gate, run_checks
from briefs.errors import CheckFailed
from briefs.model import NewSource, SourceKind, SourceMeta
from briefs.templates import FieldSpec, SectionSpec, TemplateSpec

from .conftest import brief_of, pick

CLEAN_SPEC = TemplateSpec(name="test", title="Test")


def codes(report) -> set[str]:
    return {f.code for f in report.findings}


def test_a_clean_brief_has_no_errors_or_warnings(desk) -> None:
    quote = pick(desk, "We cannot keep treating a breach at a water plant as a private matter",
                 speaker="Laura Whitcombe")
    fact = pick(desk, "The public comment period closes on December 15.", "fact")
    report = run_checks(desk, brief_of(desk, ("quotes", [quote]), ("facts", [fact])), CLEAN_SPEC)
    assert report.ok and not report.warnings, [f.message for f in report.findings]
    assert report.stats["items"] == 2


def test_an_altered_quote_is_an_error_naming_the_quote_with_a_diff(desk) -> None:
    quote = pick(desk, "That advice was wrong, and the bill for it is coming due.", speaker="Daniel Reyes",
                 edited="That advice was right, and the bill for it is coming due.")
    report = run_checks(desk, brief_of(desk, ("quotes", [quote])), CLEAN_SPEC)
    assert not report.ok
    [finding] = report.errors
    assert finding.code == "quote-not-verbatim" and finding.item == quote.ref
    assert "[-wrong,-] {+right,+}" in finding.message
    assert report.unverified == {quote.id}
    assert report.to_json()["unverified"] == [quote.id]


def test_the_gate_refuses_an_altered_quote_in_one_line_unless_allowed(desk) -> None:
    good = pick(desk, "This is not a smash-and-grab operation,", speaker="Amira Okafor")
    bad = pick(desk, "We found it almost by accident,", speaker="Amira Okafor", edited="We found it by accident,")
    brief = brief_of(desk, ("quotes", [good, bad]))
    with pytest.raises(CheckFailed) as caught:
        gate(desk, brief, CLEAN_SPEC)
    message = str(caught.value)
    assert bad.ref in message and "[-almost-]" in message and "marked UNVERIFIED QUOTE" in message
    assert "--" not in message and "`briefs" not in message  # the CLI adds its flag, the app has its checkbox
    assert "\n" not in message
    notes = gate(desk, brief, CLEAN_SPEC, allow_unverified=True)
    assert list(notes) == [bad.id]
    assert notes[bad.id] == f"UNVERIFIED QUOTE: {bad.ref} is not what s1 says"


def test_warnings_never_block_the_gate(desk) -> None:
    fact = pick(desk, "it had linked the tool to a group it has tracked since 2019", "fact")
    quote = pick(desk, "This is not a smash-and-grab operation,")  # no speaker: an error for `briefs check`
    brief = brief_of(desk, ("facts", [fact]), ("quotes", [quote]))
    full = run_checks(desk, brief, CLEAN_SPEC)
    assert full.warnings and full.errors
    assert gate(desk, brief, CLEAN_SPEC) == {}  # only a quote that is not verbatim blocks an export


def test_a_quote_without_a_speaker_is_an_error(desk) -> None:
    quote = pick(desk, "This is not a smash-and-grab operation,")
    report = run_checks(desk, brief_of(desk, ("quotes", [quote])), CLEAN_SPEC)
    assert [f.code for f in report.errors] == ["quote-no-speaker"]


def test_a_source_without_outlet_or_date_makes_an_incomplete_citation(desk) -> None:
    pasted = desk.add_source(NewSource(kind=SourceKind.PASTE, origin="-", text="Rates will rise, the bank said today.",
                                       meta=SourceMeta(title="Bank note"))).source
    fact = pick(desk, "Rates will rise", "fact", source_id=pasted.id, speaker="the bank")
    report = run_checks(desk, brief_of(desk, ("facts", [fact])), CLEAN_SPEC)
    [finding] = report.by_code("citation-incomplete")
    assert finding.severity == "error" and finding.item == pasted.ref
    assert finding.detail["missing"] == ["outlet", "date"]


def test_a_source_from_a_url_must_keep_the_url_in_its_citation(desk) -> None:
    web = desk.add_source(NewSource(
        kind=SourceKind.HTML, origin="https://news.example/a", text="Ten plants were hit in May.",
        meta=SourceMeta(title="Plants hit", publication="News", published="2026-05-02"))).source
    fact = pick(desk, "Ten plants were hit in May.", "fact", source_id=web.id)
    report = run_checks(desk, brief_of(desk, ("facts", [fact])), CLEAN_SPEC)
    assert [f.item for f in report.by_code("citation-no-url")] == [web.ref]


@pytest.mark.parametrize(("words", "who"), [
    ("it had linked the tool to a group it has tracked since 2019", "The company"),
    ("the attackers used the same command servers as an earlier campaign against port operators in the Baltic",
     "the report"),
    ("the team first spotted the implant in July", "Okafor"),
])
def test_a_fact_that_drops_its_attribution_states_a_claim_as_fact(desk, words: str, who: str) -> None:
    fact = pick(desk, words, "fact")
    report = run_checks(desk, brief_of(desk, ("facts", [fact])), CLEAN_SPEC)
    [finding] = report.by_code("claim-as-fact")
    assert finding.item == fact.ref and finding.detail["who"] == who
    assert "states a claim as fact" in finding.message


def test_a_fact_that_keeps_its_attribution_or_has_a_speaker_is_not_flagged(desk) -> None:
    whole = pick(desk, "According to the report, the attackers used the same command servers", "fact")
    spoken = pick(desk, "it had linked the tool to a group it has tracked since 2019", "fact", speaker="Northbridge")
    plain = pick(desk, "The researchers counted 23 versions of the implant.", "fact")
    report = run_checks(desk, brief_of(desk, ("facts", [whole, spoken, plain])), CLEAN_SPEC)
    assert "claim-as-fact" not in codes(report)


def test_budgets_per_field_section_words_and_pages(desk) -> None:
    quote = pick(desk, "For ten years, we have told small utilities that nobody would bother attacking them",
                 speaker="Daniel Reyes")
    spec = TemplateSpec(
        name="test", title="Test", word_budget=20, page_budget=0.01,  # type: ignore[arg-type]
        fields=(FieldSpec(name="bluf", label="Bottom line", words=5), FieldSpec(name="contact", label="Contact",
                                                                                required=True)),
        sections=(SectionSpec(name="quotes", title="Quotes", words=10, max_items=1),),
    )
    brief = brief_of(desk, ("quotes", [quote, quote]), fields={"bluf": "one two three four five six seven"})
    report = run_checks(desk, brief, spec)
    found = {f.code: f for f in report.findings}
    assert found["field-over-budget"].item == "bluf" and "7 words" in found["field-over-budget"].message
    assert found["field-empty"].item == "contact"
    assert found["section-over-budget"].item == "quotes"
    assert found["section-too-many"].item == "quotes"
    assert found["brief-over-words"].detail["words"] == report.stats["words"]
    assert "brief-over-pages" in found
    assert report.ok  # budgets are warnings


def test_reading_level_is_advice_against_the_template_target(desk) -> None:
    text = desk.get_source(1).text
    paragraphs = [p for p in text.split("\n") if len(p.split()) > 20][:4]
    facts = [pick(desk, p, "fact", speaker="The Meridian Ledger") for p in paragraphs]
    report = run_checks(desk, brief_of(desk, ("facts", facts)), TemplateSpec(name="t", title="T", reading_level=3))
    level = report.stats["reading_level"]
    assert level["flesch_kincaid_grade"] > 6 and "coleman_liau_index" in level
    [finding] = report.by_code("reading-level")
    assert finding.severity == "info" and "grade" in finding.message
    easy = run_checks(desk, brief_of(desk, ("facts", facts)), TemplateSpec(name="test", title="Test", reading_level=30))
    assert not easy.by_code("reading-level")


def test_old_sources_are_stale_against_max_source_age_days(desk) -> None:
    fact = pick(desk, "The public comment period closes on December 15.", "fact")
    brief = brief_of(desk, ("facts", [fact]))
    spec = TemplateSpec(name="test", title="Test", max_source_age_days=30)
    assert not run_checks(desk, brief, spec).by_code("source-stale")  # the clock says 20 October 2026
    desk.clock.advance(timedelta(days=92))
    [stale] = run_checks(desk, brief, spec).by_code("source-stale")
    assert stale.item == "s1" and stale.detail["age_days"] == 99


def test_a_source_reimported_from_its_url_with_changed_text_is_flagged(desk) -> None:
    fact = pick(desk, "The public comment period closes on December 15.", "fact")
    brief = brief_of(desk, ("facts", [fact]))
    assert not run_checks(desk, brief, CLEAN_SPEC).by_code("source-changed")
    sample = sample_source()
    changed = sample.replace(text=sample.text.replace("December 15", "January 31"))
    newer = desk.add_source(changed).source
    [finding] = run_checks(desk, brief, CLEAN_SPEC).by_code("source-changed")
    assert finding.item == "s1" and finding.detail["newer"] == newer.ref


def test_a_brief_citing_a_deleted_snippet_is_an_error(desk) -> None:
    fact = pick(desk, "The public comment period closes on December 15.", "fact")
    brief = brief_of(desk, ("facts", [fact]))
    desk.remove_snippet(fact.id)
    assert [f.code for f in run_checks(desk, brief, CLEAN_SPEC).errors] == ["snippet-missing"]


def test_the_template_spec_is_read_from_the_brief_template(desk) -> None:
    from briefs.actions.review import check_brief
    from briefs.templates import TemplateSet

    # The shipped decision memo has word budgets per field: an over-long BLUF is reported without passing a spec.
    brief = brief_of(desk, fields={"bluf": "word " * 200}, template="decision-memo")
    report = check_brief(desk, brief, TemplateSet())
    assert [f.item for f in report.by_code("field-over-budget")] == ["bluf"]
    unknown = check_brief(desk, brief_of(desk, template="no-such-template"), TemplateSet())
    assert unknown.by_code("template-unknown")


def test_report_json_is_stable(desk) -> None:
    quote = pick(desk, "This is not a smash-and-grab operation,")
    data = run_checks(desk, brief_of(desk, ("quotes", [quote])), CLEAN_SPEC).to_json()
    assert set(data) >= {"brief", "ok", "errors", "warnings", "unverified", "stats", "findings"}
    assert set(data["findings"][0]) >= {"severity", "code", "item", "message", "fix"}


def test_rendered_citations_must_resolve_to_a_footnote() -> None:
    from briefs.checks import check_rendered_citations

    good = "Ten plants were hit.[^s1] Rates rose.[^s2]\n\n[^s1]: News, 2026.\n[^s2]: Wire, 2026.\n"
    assert check_rendered_citations(good) == []
    bad = "Ten plants were hit.[^s1] Rates rose.[^s3] A price \\[^s9] in text.\n\n[^s1]: News.\n[^s2]: Wire.\n"
    found = {(f.severity, f.item) for f in check_rendered_citations(bad)}
    assert found == {("error", "[^s3]"), ("warning", "[^s2]")}


def test_budget_messages_count_one_word_and_one_item_in_the_singular(desk) -> None:
    from briefs.text import counted

    assert [counted(1, "fact"), counted(2, "fact"), counted(1500, "word"), counted(3, "story", "stories")] == [
        "1 fact", "2 facts", "1,500 words", "3 stories"]
    spec = TemplateSpec(name="t", title="T", fields=(FieldSpec(name="bluf", label="BLUF", words=1),),
                        sections=(SectionSpec(name="facts", title="Facts", max_items=0),))
    fact = pick(desk, "The public comment period closes on December 15.", "fact")
    report = run_checks(desk, brief_of(desk, ("facts", [fact]), fields={"bluf": "Two words"}), spec)
    found = {f.code: f for f in report.findings}
    assert found["field-over-budget"].fix == "cut 1 word"
    assert "has 1 item;" in found["section-too-many"].message
