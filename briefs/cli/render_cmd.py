"""`briefs templates`, `briefs new`, `briefs export`, `briefs draft`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from briefs.cli.common import desk_from, parse_ref, print_json, ref_id
from briefs.errors import InputError

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
            "file is replaced atomically. PDF needs LibreOffice.\n\n"
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
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_draft)


# -------------------------------------------------------------------------------------- templates
def cmd_templates(args: argparse.Namespace) -> int:
    from briefs.render.spec import TemplateSet

    if args.action == "check":
        if not args.folder:
            raise InputError("give the template folder to check: briefs templates check DIR")
        return _check_template(Path(args.folder), args)
    templates = TemplateSet(args.templates)
    rows = [
        {"name": s.name, "title": s.title, "description": s.description, "folder": str(s.folder)}
        for s in templates.all()
    ]
    for problem in templates.problems:
        print(f"briefs: {problem}", file=sys.stderr)
    if args.json:
        print_json(rows)
        return 0
    width = max((len(r["name"]) for r in rows), default=4)
    for row in rows:
        print(f"{row['name']:<{width}}  {row['title']}: {row['description']}\n{'':<{width}}  {row['folder']}")
    return 0


def _check_template(folder: Path, args: argparse.Namespace) -> int:
    from briefs.desk import open_desk
    from briefs.model import Brief
    from briefs.render.export import render_markdown
    from briefs.render.spec import TemplateSet, load_spec

    spec = load_spec(folder)
    # A trial render on a scratch desk holding the sample article, with every field set.
    desk = open_desk(":memory:")
    try:
        from briefs.sample import sample_source

        desk.add_source(sample_source())
        brief = Brief(template=spec.name, title="Template check",
                      fields={f.name: f.default or f.draft or f.label for f in spec.fields})
        templates = TemplateSet([folder], use_config=False)
        rendered = render_markdown(desk, brief, templates=templates)
    finally:
        desk.close()
    result = {"name": spec.name, "folder": str(folder), "ok": True, "fields": len(spec.fields),
              "sections": len(spec.sections), "words": len(rendered.markdown.split())}
    if args.json:
        print_json(result)
    else:
        print(f"ok: template {spec.name} ({len(spec.fields)} fields, {len(spec.sections)} sections) renders")
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
    from briefs.model import Brief
    from briefs.render.spec import TemplateSet

    spec = TemplateSet(args.templates).get(args.template)
    values = parse_sets(args.set)
    unknown = [n for n in values if spec.field(n) is None]
    if unknown:
        known = ", ".join(f.name for f in spec.fields)
        raise InputError(f"template {spec.name} has no field {unknown[0]!r}; its fields are: {known}")
    with desk_from(args) as desk:
        brief = desk.create_brief(Brief(template=spec.name, title=args.title, fields=values,
                                        marking=args.marking or spec.marking))
    print(brief.ref)
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
    from briefs.render.export import export_brief, resolve_out
    from briefs.render.spec import TemplateSet

    fmt = _format_for(args)
    templates = TemplateSet(args.templates)
    with desk_from(args) as desk:
        extra: dict[str, Any] = {}
        if args.brief.lower().endswith((".yaml", ".yml")):
            from briefs.render.brief_file import read_brief_file

            brief, snippets, sources = read_brief_file(args.brief, desk)
            extra = {"snippets": snippets, "sources": sources}
        else:
            brief = desk.get_brief(ref_id(args.brief, "brief"))
        to_stdout = args.out == "-"
        out = None if to_stdout else resolve_out(args.out, brief.title, fmt)
        result = export_brief(desk, brief, fmt=fmt, out=out, reference=args.reference, marking=args.marking,
                              templates=templates, allow_unverified=args.allow_unverified, **extra)
    for warning in result.warnings:
        print(f"briefs: warning: {warning}", file=sys.stderr)
    if to_stdout:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    else:
        print(f"wrote {result.path}")
    return 0


# ------------------------------------------------------------------------------------------ draft
def cmd_draft(args: argparse.Namespace) -> int:
    from briefs.render.draft import draft_brief
    from briefs.render.export import export_brief, resolve_out
    from briefs.render.spec import TemplateSet

    templates = TemplateSet(args.templates)
    spec = templates.get(args.template)
    values = parse_sets(args.set)
    fmt = _format_for(args)
    with desk_from(args) as desk:
        sources = [_source_for(desk, target) for target in args.targets]
        brief = draft_brief(desk, sources, spec, title=args.title, fields=values)
        if args.marking:
            brief.marking = args.marking
            brief = desk.save_brief(brief)
        out = resolve_out(args.out, brief.title, fmt)
        result = export_brief(desk, brief, fmt=fmt, out=out, reference=args.reference, templates=templates,
                              allow_unverified=args.allow_unverified)
    for warning in result.warnings + _citation_gaps(sources):
        print(f"briefs: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json({"brief": brief.ref, "file": str(result.path), "format": fmt,
                    "sources": [s.ref for s in sources]})
    else:
        print(brief.ref)
        print(f"wrote {result.path}")
    return 0


def _citation_gaps(sources: list[Any]) -> list[str]:
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


def _source_for(desk: Any, target: str) -> Any:
    """A source on the desk for a PATH, URL or ID (s3), importing it when needed."""
    from briefs.sources import is_url, load_source

    if not is_url(target) and not Path(target).exists():
        try:
            kind, number = parse_ref(target)
        except InputError:
            kind, number = "", 0
        if kind == "source":
            return desk.get_source(number)
    added = desk.add_source(load_source(target))
    return desk.get_source(added.source.id)
