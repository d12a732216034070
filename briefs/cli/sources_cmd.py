"""`briefs import`, `briefs sources`, `briefs show`, `briefs remove`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from briefs.cli.common import cell, count, desk_from, echo, parse_ref, print_json, progress, settings_from, shorten
from briefs.errors import BriefsError, InputError

if TYPE_CHECKING:
    from briefs.model import Source


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from briefs.cli import Formatter

    p = sub.add_parser(
        "import",
        parents=[common],
        formatter_class=Formatter,
        help="import articles (files, URLs, or - for stdin) onto the desk",
        description=(
            "Import each PATH or URL as an immutable source snapshot: clean article text plus title,\n"
            "author, outlet, date and URL for citation. Formats: .html/.htm (saved pages), .txt/.md,\n"
            ".pdf, .docx, http(s):// URLs, and - for standard input. Importing the same text twice is\n"
            "recognised and reported, not duplicated (with --title/--author/--outlet/--date, its citation\n"
            "details are updated). A bad file is reported and the others still import."
        ),
    )
    p.add_argument("targets", nargs="+", metavar="PATH|URL", help="files, URLs, or - for standard input")
    p.add_argument("--url", help="the web address of a saved page (used for its citation and metadata)")
    p.add_argument("--title", help="set the title instead of the one found in the page")
    p.add_argument("--author", help="set the author")
    p.add_argument("--outlet", help="set the outlet (publication) name")
    p.add_argument("--date", help="set the publication date (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="print one JSON array of results")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "sources",
        parents=[common],
        formatter_class=Formatter,
        help="list the sources on the desk",
        description="List the desk's sources, newest first, or those matching a full-text search.",
    )
    p.add_argument("--search", "-s", metavar="QUERY", help="full-text search over titles and text")
    p.add_argument("--limit", type=count, default=None, help="show at most this many")
    p.add_argument("--all", action="store_true", help="include removed sources")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser(
        "briefs",
        parents=[common],
        formatter_class=Formatter,
        help="list the briefs on the desk",
        description="List the desk's briefs, most recently changed first.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_briefs)

    p = sub.add_parser(
        "show",
        parents=[common],
        formatter_class=Formatter,
        help="show a source (s12), brief (b3) or snippet (n7)",
        description="Show one item from the desk. A bare number is a source ID.",
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--text", action="store_true", help="print a source's clean text")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--yaml", action="store_true", help="print a brief as a YAML brief file (for briefs export)")
    p.add_argument("--history", action="store_true",
                   help="list a brief's revisions: who saved each, when, and what changed")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser(
        "remove",
        parents=[common],
        formatter_class=Formatter,
        help="remove a source (s12), snippet (n7) or brief (b3)",
        description=(
            "Remove an item. A removed source is hidden but its snapshot is kept, so briefs that cite it\n"
            "still verify; importing the same text again restores it. Removing a brief deletes it and\n"
            "asks for --yes."
        ),
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="do not ask before deleting a brief")
    p.set_defaults(func=cmd_remove)


# ------------------------------------------------------------------------------------------ import
def cmd_import(args: argparse.Namespace) -> int:
    from briefs.actions.sources import citation_overrides, import_source
    from briefs.citation import import_line

    if args.url and len(args.targets) > 1:
        raise InputError("--url names one page's address; give it with a single PATH")
    overrides = citation_overrides({"title": args.title, "author": args.author, "publication": args.outlet,
                                    "published": args.date})
    limits = settings_from(args).limits
    results: list[dict[str, Any]] = []
    failed = 0
    with desk_from(args) as desk:
        for target in progress(args.targets, len(args.targets), "Importing"):
            try:
                done = import_source(desk, target, url=args.url, overrides=overrides, limits=limits)
            except BriefsError as exc:
                if args.debug:
                    raise
                failed += 1
                results.append({"target": target, "status": "failed", "error": str(exc)})
                echo(f"briefs: {exc}", file=sys.stderr)
                continue
            results.append({"target": target, "status": done.status, **source_json(done.source)})
            if not args.json:
                echo(f"{_IMPORT_WORDS[done.status]} {done.source.ref}: {import_line(done.source)}")
    if args.json:
        print_json(results)
    return 2 if failed else 0


_IMPORT_WORDS = {
    "imported": "imported",
    "exists": "already on the desk as",
    "restored": "restored (it had been removed) as",
    "updated": "already on the desk; citation details updated for",
}


# ----------------------------------------------------------------------------------------- sources
def source_json(source: Source, *, text: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": source.ref,
        "kind": source.kind.value,
        "origin": source.origin,
        "sha256": source.sha256,
        "title": source.meta.title,
        "author": source.meta.author,
        "publication": source.meta.publication,
        "published": source.meta.published,
        "url": source.meta.url,
        "language": source.meta.language,
        "words": source.words,
        "snippets": source.snippet_count,
        "imported_at": source.imported_at.isoformat(),
        "removed": source.removed,
    }
    if text:
        data["text"] = source.text
    return data


def cmd_sources(args: argparse.Namespace) -> int:
    with desk_from(args) as desk:
        if args.search:
            sources = desk.search_sources(args.search, limit=args.limit or 200)
        else:
            sources = desk.list_sources(limit=args.limit, include_removed=args.all)
    if args.json:
        print_json([source_json(s) for s in sources])
        return 0
    if not sources:
        echo("no sources match" if args.search else "the desk has no sources; add one with `briefs import FILE`")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column, style in (("ID", "cyan"), ("Date", ""), ("Outlet", ""), ("Title", ""), ("Words", ""), ("Picked", "")):
        table.add_column(column, style=style or None, justify="right" if column in {"Words", "Picked"} else "left")
    for s in sources:
        title = s.display_title + (" [removed]" if s.removed else "")
        table.add_row(
            s.ref, s.meta.published or "", cell(shorten(s.meta.publication, 22)), cell(title), str(s.words),
            str(s.snippet_count),
        )
    Console(soft_wrap=False).print(table, overflow="ellipsis", crop=True)
    return 0


def cmd_briefs(args: argparse.Namespace) -> int:
    with desk_from(args) as desk:
        briefs = desk.list_briefs()
    if args.json:
        print_json([
            {"id": b.ref, "title": b.title, "template": b.template, "revision": b.revision,
             "snippets": len(b.snippet_ids()), "updated_at": b.updated_at.isoformat()}
            for b in briefs
        ])
        return 0
    if not briefs:
        echo("the desk has no briefs; start one with `briefs new TEMPLATE --title T` or `briefs draft`")
        return 0
    width = max(len(b.ref) for b in briefs)
    for b in briefs:
        echo(f"{b.ref:<{width}}  {b.updated_at:%Y-%m-%d %H:%M}  {b.template:<15} rev {b.revision:<3} "
              f"{len(b.snippet_ids()):>3} items  {shorten(b.title, 60)}")
    return 0


# -------------------------------------------------------------------------------------------- show
def cmd_show(args: argparse.Namespace) -> int:
    kind, number = parse_ref(args.id)
    with desk_from(args) as desk:
        if kind == "source":
            source = desk.get_source(number)
            if args.json:
                print_json(source_json(source, text=args.text))
            elif args.text:
                sys.stdout.write(source.text if source.text.endswith("\n") else source.text + "\n")
            else:
                _print_source(source, desk.list_snippets(number))
        elif kind == "snippet":
            snippet = desk.get_snippet(number)
            if args.json:
                print_json(snippet.to_json() | {"id": snippet.ref, "source": f"s{snippet.source_id}"})
            else:
                who = f" ({snippet.speaker})" if snippet.speaker else ""
                echo(f"{snippet.ref} {snippet.kind.value} from s{snippet.source_id} "
                      f"[{snippet.start}:{snippet.end}]{who}\n{snippet.display_text}")
        else:
            return show_brief(args, desk, number)
    return 0


def show_brief(args: argparse.Namespace, desk: Any, number: int) -> int:
    brief = desk.get_brief(number)
    if getattr(args, "history", False):
        from briefs.cli.desk_cmd import print_history

        print_history(brief, desk.brief_history(number), as_json=args.json)
        return 0
    if getattr(args, "yaml", False):
        from briefs.actions.brief_file import brief_to_yaml

        sys.stdout.write(brief_to_yaml(desk, brief))
        return 0
    if args.json:
        print_json(brief.to_json() | {"id": brief.ref})
        return 0
    echo(f"{brief.ref}  {brief.title}")
    by = f" by {brief.updated_by}" if brief.updated_by else ""
    echo(f"template: {brief.template}   revision: {brief.revision}   updated: {brief.updated_at:%Y-%m-%d %H:%M}{by}")
    for name, value in brief.fields.items():
        echo(f"  {name}: {shorten(value, 90)}")
    snippets = desk.get_snippets(brief.snippet_ids())
    for section in brief.sections:
        echo(f"\n[{section.name}]")
        for sid in section.snippet_ids:
            snippet = snippets.get(sid)
            if snippet is None:
                echo(f"  n{sid} (missing)")
                continue
            who = f" — {snippet.speaker}" if snippet.speaker else ""
            echo(f"  {snippet.ref} {snippet.kind.value}: {shorten(snippet.display_text, 80)}{who}")
    return 0


def _print_source(source: Source, snippets: list) -> None:
    meta = source.meta
    rows = [
        ("Title", meta.title),
        ("Author", meta.author),
        ("Outlet", meta.publication),
        ("Date", meta.published),
        ("URL", meta.url),
        ("Imported", f"{source.imported_at:%Y-%m-%d %H:%M} UTC from {source.origin}"),
        ("Words", str(source.words)),
        ("SHA-256", source.sha256),
    ]
    echo(f"{source.ref}" + ("  [removed]" if source.removed else ""))
    for label, value in rows:
        if value:
            echo(f"  {label + ':':<10} {value}")
    echo()
    preview = source.text.strip().split("\n\n")[:2]
    for para in preview:
        echo("  " + shorten(para, 300))
    if snippets:
        echo(f"\n  {len(snippets)} snippet(s) picked:")
        for snippet in snippets:
            who = f" — {snippet.speaker}" if snippet.speaker else ""
            echo(f"    {snippet.ref} {snippet.kind.value}: {shorten(snippet.display_text, 70)}{who}")
    echo("\n  (briefs show --text " + source.ref + " prints the whole text)")


# ------------------------------------------------------------------------------------------ remove
def cmd_remove(args: argparse.Namespace) -> int:
    kind, number = parse_ref(args.id)
    with desk_from(args) as desk:
        if kind == "source":
            from briefs.actions.sources import remove_source

            remove_source(desk, number)
            source = desk.get_source(number, with_text=False)
            echo(f"removed {source.ref}: {shorten(source.display_title, 70)} "
                  "(its snapshot is kept for briefs that cite it; import it again to restore it)")
        elif kind == "snippet":
            from briefs.actions.snippets import remove_snippet

            snippet = desk.get_snippet(number)
            briefs = [b.ref for b in desk.list_briefs() if number in b.snippet_ids()]
            remove_snippet(desk, number)
            taken = f" (taken out of {', '.join(briefs)})" if briefs else ""
            echo(f"removed {snippet.ref}: {shorten(snippet.display_text, 70)}{taken}")
        else:
            from briefs.actions.briefs import remove_brief

            brief = desk.get_brief(number)
            if not args.yes:
                if not sys.stdin.isatty():
                    raise InputError(f"removing brief {brief.ref} deletes it; add --yes to confirm")
                answer = input(f"Delete brief {brief.ref} '{brief.title}'? [y/N] ")
                if answer.strip().lower() not in {"y", "yes"}:
                    echo("kept")
                    return 1
            remove_brief(desk, number)
            echo(f"deleted {brief.ref}: {brief.title}")
    return 0
