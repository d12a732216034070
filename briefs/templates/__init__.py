"""Brief templates: the spec a folder holds, where folders are found, and the sandbox they render in.

Below both render and checks: the checks read a template's budgets, render runs its body.
"""

from briefs.templates.discovery import TemplateSet, shipped_dirs
from briefs.templates.spec import BODY_FILE, SPEC_FILE, FieldSpec, SectionSpec, TemplateSpec, load_spec

__all__ = ["BODY_FILE", "SPEC_FILE", "FieldSpec", "SectionSpec", "TemplateSet", "TemplateSpec", "load_spec",
           "shipped_dirs"]
