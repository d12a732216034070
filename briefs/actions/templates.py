"""Trying a template folder a user wrote: its spec, and a trial render with sample content."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def try_template(folder: Path) -> dict[str, Any]:
    """Validate `folder` and render its body on a scratch desk holding the sample article, every field
    set; raise the TemplateError a real export would raise."""
    from briefs.actions.sample import sample_source
    from briefs.desk import open_desk
    from briefs.model import Brief
    from briefs.render.brief import render_brief
    from briefs.templates.spec import load_spec

    spec = load_spec(folder)
    desk = open_desk(":memory:")
    try:
        desk.add_source(sample_source())
        brief = Brief(template=spec.name, title="Template check",
                      fields={f.name: f.default or f.draft or f.label for f in spec.fields})
        rendered = render_brief(desk, brief, spec, now=desk.clock.now())
    finally:
        desk.close()
    return {"name": spec.name, "folder": str(folder), "ok": True, "fields": len(spec.fields),
            "sections": len(spec.sections), "words": len(rendered.markdown.split())}
