"""`briefs check BRIEF`: the trust checks, as a list of findings and an exit code."""

from __future__ import annotations

import argparse
from typing import Any

from briefs.cli.common import desk_from, echo, print_json, ref_id, templates_from

TEMPLATES_HELP = "also look for templates in DIR (repeatable)"


# The checks word their fixes for any shell (the app shows the same findings); here is how to make them
# from the command line.
CLI_FIXES = {
    "field-empty": "`--set {item}=...` when drafting, with `briefs new` or `briefs draft`",
    "citation-incomplete": "`briefs import PATH --title T --outlet NAME --date YYYY-MM-DD` corrects {item}",
    "quote-no-speaker": "`briefs extract SOURCE` shows the speakers it finds",
    "source-changed": "`briefs show` each of them",
    "template-unknown": "--templates DIR names its folder",
}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from briefs.cli import Formatter

    p = sub.add_parser(
        "check",
        parents=[common],
        formatter_class=Formatter,
        help="check a brief, or a Word file colleagues edited: verbatim quotes, citations, budgets",
        description=(
            "Check a brief before it goes out. Every quote is compared with its source snapshot;\n"
            "every item must name its speaker and a source with outlet, title and date; facts that\n"
            "drop their source's attribution, budgets, reading level and stale sources are reported.\n"
            "BRIEF is a brief ID (b3) or a YAML brief file.\n\n"
            "Given a Word file (FILE.docx; .odt through LibreOffice), every quotation in it, as it\n"
            "reads with tracked changes accepted, is checked against the desk's sources: verbatim,\n"
            "changed (with the word diff), speaker changed, or not found; tracked changes touching a\n"
            "quote and reviewers' comments are listed.\n\n"
            "Exit status: 0 when there are no errors (warnings and notes allowed), 1 with errors;\n"
            "for a Word file, 1 when a quote was changed, else 0."
        ),
    )
    p.add_argument("brief", metavar="BRIEF|FILE.docx")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--templates", action="append", default=[], metavar="DIR", help=TEMPLATES_HELP)
    p.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from briefs.actions.word_review import is_word_file

    if is_word_file(args.brief):
        from briefs.cli.check_word_cmd import check_word

        return check_word(args)
    from briefs.actions.review import check_brief

    templates = templates_from(args)
    with desk_from(args) as desk:
        extra: dict[str, Any] = {}
        if args.brief.lower().endswith((".yaml", ".yml")):
            from briefs.actions.brief_file import read_brief_file

            brief, snippets, sources = read_brief_file(args.brief, desk)
            extra = {"snippets": snippets, "sources": sources}
            label = args.brief
        else:
            brief = desk.get_brief(ref_id(args.brief, "brief"))
            label = f"{brief.ref} {brief.title!r}"
        report = check_brief(desk, brief, templates, **extra)
    if args.json:
        print_json(report.to_json())
    else:
        print_report(report, label)
    return 0 if report.ok else 1


def print_report(report: Any, label: str) -> None:
    from briefs.text import counted

    summary = ", ".join([counted(len(report.errors), "error"), counted(len(report.warnings), "warning"),
                         counted(len(report.infos), "note")])
    verdict = "ready to export" if report.ok else "not ready: fix the errors"
    echo(f"{label}: {summary}; {verdict}")
    width = max((len(f.item) for f in report.findings), default=0)
    for finding in report.findings:
        echo(f"{finding.severity:<7} {finding.item:<{width}}  {finding.message} [{finding.code}]")
        if finding.fix:
            hint = CLI_FIXES.get(finding.code)
            also = f" (from the command line: {hint.format(item=finding.item)})" if hint else ""
            echo(f"{'':<7} {'':<{width}}  fix: {finding.fix}{also}")
    stats = report.stats
    level = stats.get("reading_level")
    line = f"{stats.get('words', 0)} words, about {stats.get('pages_estimate', 0):g} pages"
    if level:
        line += (f", reading grade {level['flesch_kincaid_grade']:g} (Flesch-Kincaid), "
                 f"{level['coleman_liau_index']:g} (Coleman-Liau)")
    echo(line)
