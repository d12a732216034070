"""`briefs templates`, `briefs new`, `briefs export`, `briefs draft`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefs.cli.common import desk_from, echo, parse_ref, print_json, ref_id, settings_from, templates_from, warn
from briefs.errors import CheckFailed, InputError, OutputExists

if TYPE_CHECKING:
    from briefs.desk.base import Desk
    from briefs.model import NewSource, Source
    from briefs.settings import ImportLimits

ALLOW_HELP = (
    "export even when a quote is not word for word what its source says, with a visible "
    "UNVERIFIED QUOTE note beside each such quote"
)
TEMPLATES_HELP = "also look for templates in DIR (repeatable; a folder of template folders, or one template)"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from briefs.cli import Formatter

    p = sub.add_parser(
        "templates",
        parents=[common],
        formatter_class=Formatter,
        help="list brief templates, or check one (templates check DIR)",
        description=(
            "List the brief templates: the shipped ones, folders named in the config file\n"
            "(templates = [\"DIR\"]) and --templates DIR. `briefs templates check DIR` validates one\n"
            "template folder: its template.toml, and a trial render of body.md.j2 with sample content."
        ),
    )
    p.add_argument("action", nargs="?", choices=["check"], help="check one template folder")
    p.add_argument("folder", nargs="?", metavar="DIR")
    p.add_argument("--templates", action="append", default=[], metavar="DIR", help=TEMPLATES_HELP)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser(
        "new",
        parents=[common],
        formatter_class=Formatter,
        help="start a brief from a template",
        description="Create an empty brief from TEMPLATE and print its ID (b3).",
    )
    p.add_argument("template", metavar="TEMPLATE")
    p.add_argument("--title", required=True)
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="set a field (repeatable)")
    p.add_argument("--marking", help="the handling marking (default: the template's)")
    p.add_argument("--templates", action="append", default=[], metavar="DIR", help=TEMPLATES_HELP)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "export",
        parents=[common],
        formatter_class=Formatter,
        help="export a brief (b3 or FILE.yaml) as .docx, .md or .pdf",
        description=(
            "Render a brief through its template and write it. BRIEF is a brief ID (b3) or a YAML brief\n"
            "file. Without --out the file is named from the title, in the current folder. An existing\n"
            "file is never replaced unless --force (then atomically). PDF needs LibreOffice.\n\n"
            "Every quote is first checked word for word against its source snapshot; a quote that is not\n"
            "what the source says stops the export (exit 1, with the difference shown) unless\n"
            "--allow-unverified. `briefs check BRIEF` lists every finding."
        ),
    )
    p.add_argument("brief", metavar="BRIEF")
    p.add_argument("--format", "-f", choices=["docx", "md", "pdf"], default=None,
                   help="output format (default: from --out's extension, else docx)")
    p.add_argument("--out", "-o", metavar="PATH", help="the file (or folder) to write; - for standard output")
    p.add_argument("--reference", metavar="DOCX", help="an organisation's reference .docx for styles")
    p.add_argument("--marking", metavar="TEXT", help="override the handling marking")
    p.add_argument("--templates", action="append", default=[], metavar="DIR", help=TEMPLATES_HELP)
    p.add_argument("--allow-unverified", action="store_true", help=ALLOW_HELP)
    p.add_argument("--force", action="store_true", help="replace the file if it exists (never done otherwise)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "draft",
        parents=[common],
        formatter_class=Formatter,
        help="import articles and draft a brief from them in one step",
        description=(
            "Import each PATH or URL (or use a source already on the desk: s1), pick the strongest\n"
            "attributed quotes and facts into the template's sections, save the brief and export it.\n"
            "Prints the brief ID and the file written."
        ),
    )
    p.add_argument("targets", nargs="+", metavar="PATH|URL|ID")
    p.add_argument("--template", "-t", required=True, metavar="NAME")
    p.add_argument("--title")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="set a field (repeatable)")
    p.add_argument("--out", "-o", metavar="PATH")
    p.add_argument("--format", "-f", choices=["docx", "md", "pdf"], default=None)
    p.add_argument("--reference", metavar="DOCX")
    p.add_argument("--marking", metavar="TEXT")
    p.add_argument("--templates", action="append", default=[], metavar="DIR", help=TEMPLATES_HELP)
    p.add_argument("--allow-unverified", action="store_true", help=ALLOW_HELP)
    p.add_argument("--force", action="store_true", help="replace the file if it exists (never done otherwise)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_draft)


# -------------------------------------------------------------------------------------- templates
def cmd_templates(args: argparse.Namespace) -> int:
    if args.action == "check":
        if not args.folder:
            raise InputError("give the template folder to check: briefs templates check DIR")
        return _check_template(Path(args.folder), args)
    templates = templates_from(args)
    rows = [
        {"name": s.name, "title": s.title, "description": s.description, "folder": str(s.folder)}
        for s in templates.all()
    ]
    for problem in templates.problems:
        echo(f"briefs: {problem}", file=sys.stderr)
    if args.json:
        print_json(rows)
        return 0
    width = max((len(r["name"]) for r in rows), default=4)
    for row in rows:
        echo(f"{row['name']:<{width}}  {row['title']}: {row['description']}\n{'':<{width}}  {row['folder']}")
    return 0


def _check_template(folder: Path, args: argparse.Namespace) -> int:
    from briefs.actions.templates import try_template

    result = try_template(folder)
    if args.json:
        print_json(result)
    else:
        echo(f"ok: template {result['name']} ({result['fields']} fields, {result['sections']} sections) renders")
    return 0


# -------------------------------------------------------------------------------------------- new
def parse_sets(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--set {pair!r}: write FIELD=VALUE, like --set audience='The Minister'")
        values[name.strip()] = value
    return values


def cmd_new(args: argparse.Namespace) -> int:
    from briefs.actions.briefs import new_brief

    spec = templates_from(args).get(args.template)
    with desk_from(args) as desk:
        brief, _ = new_brief(desk, spec, title=args.title, fields=parse_sets(args.set), marking=args.marking)
    echo(brief.ref)
    return 0


# ----------------------------------------------------------------------------------------- export
def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.out and args.out != "-":
        suffix = Path(args.out).suffix.lower().lstrip(".")
        if suffix in {"docx", "md", "pdf"}:
            return suffix
    return "docx"


def cmd_export(args: argparse.Namespace) -> int:
    from briefs.actions.publish import publish, resolve_out

    fmt = _format_for(args)
    templates = templates_from(args)
    with desk_from(args) as desk:
        extra: dict[str, Any] = {}
        if args.brief.lower().endswith((".yaml", ".yml")):
            from briefs.actions.brief_file import read_brief_file

            brief, snippets, sources = read_brief_file(args.brief, desk)
            extra = {"snippets": snippets, "sources": sources}
        else:
            brief = desk.get_brief(ref_id(args.brief, "brief"))
        to_stdout = args.out == "-"
        out = None if to_stdout else resolve_out(args.out, brief.title, fmt)
        with _cli_terms(brief.ref if brief.id is not None else args.brief):
            result = publish(desk, brief, templates, fmt=fmt, out=out, reference=args.reference,
                             marking=args.marking, allow_unverified=args.allow_unverified, overwrite=args.force,
                             **extra)
    for warning in result.warnings:
        warn(warning)
    if to_stdout:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    else:
        echo(f"wrote {result.path}")
    return 0


# ------------------------------------------------------------------------------------------ draft
def cmd_draft(args: argparse.Namespace) -> int:
    from briefs.actions.draft import draft_and_publish
    from briefs.actions.publish import resolve_out

    templates = templates_from(args)
    templates.get(args.template)  # an unknown template fails before anything is fetched
    values = parse_sets(args.set)
    fmt = _format_for(args)
    limits = settings_from(args).limits
    with desk_from(args) as desk:
        targets = [_load(desk, target, limits) for target in args.targets]
        with _cli_terms(None):  # a draft that fails is rolled back: there is no brief to check
            drafted = draft_and_publish(
                desk, targets, templates, args.template, title=args.title, fields=values, marking=args.marking,
                fmt=fmt, out_for=lambda title: resolve_out(args.out, title, fmt), reference=args.reference,
                allow_unverified=args.allow_unverified, overwrite=args.force,
            )
    for warning in [*drafted.published.warnings, *_citation_gaps(drafted.sources)]:
        warn(warning)
    if args.json:
        print_json({"brief": drafted.brief.ref, "file": str(drafted.published.path), "format": fmt,
                    "sources": [s.ref for s in drafted.sources]})
    else:
        echo(drafted.brief.ref)
        echo(f"wrote {drafted.published.path}")
    return 0


@contextmanager
def _cli_terms(target: str | None) -> Iterator[None]:
    """The publish action words its refusals for any shell; here they say how to go ahead from the command
    line (an export onto an existing file, a quote that fails its check)."""
    try:
        yield
    except OutputExists as exc:
        raise OutputExists(exc.path, f"{exc.path} already exists; add --force to replace it, or give another "
                           "--out") from None
    except CheckFailed as exc:
        listed = f"`briefs check {target}` lists every finding, and " if target else ""
        raise CheckFailed(f"{exc}; {listed}--allow-unverified exports it marked that way") from None


def _citation_gaps(sources: Sequence[Source]) -> list[str]:
    """What a drafted brief's citations lack: a plain-text file brings no outlet or date of its own."""
    gaps = []
    for source in sources:
        missing = [label for label, value in (("title", source.meta.title), ("outlet", source.meta.publication),
                                              ("date", source.meta.published)) if not value]
        if missing:
            gaps.append(
                f"{source.ref} has no {', '.join(missing)}, so its citations are incomplete; add them with "
                f"`briefs import {source.origin} --title T --outlet NAME --date YYYY-MM-DD` and export again"
            )
    return gaps


def _load(desk: Desk, target: str, limits: ImportLimits) -> Source | NewSource:
    """A source on the desk for an ID (s3), else the PATH or URL loaded (not yet on the desk)."""
    from briefs.sources import is_url, load_source

    if not is_url(target) and not Path(target).exists():
        try:
            kind, number = parse_ref(target)
        except InputError:
            kind, number = "", 0
        if kind == "source":
            return desk.get_source(number)
    return load_source(target, limits=limits)
