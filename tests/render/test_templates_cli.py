"""Template discovery and the `templates`, `new`, `export`, `show --yaml` commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx

from briefs.cli import main
from tests.render.conftest import audit, body_paragraphs
from tests.render.test_bad_input import make_template

SHIPPED = {"issue-brief", "decision-memo", "info-memo", "talking-points", "media-digest"}


def test_templates_lists_shipped_config_and_option_folders(tmp_path: Path, capsys, monkeypatch) -> None:
    make_template(tmp_path / "opt", "Hello {{ title }}", name="from-option")
    make_template(tmp_path / "cfg", "Hi {{ title }}", name="from-config")
    config = Path(__import__("os").environ["BRIEFS_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f'templates = ["{tmp_path / "cfg"}"]\n', encoding="utf-8")
    assert main(["templates", "--json", "--templates", str(tmp_path / "opt")]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert SHIPPED | {"from-option", "from-config"} <= set(rows)
    assert rows["from-option"]["folder"] == str(tmp_path / "opt" / "from-option")
    assert all(rows[n]["title"] and rows[n]["description"] for n in SHIPPED)


def test_templates_check(tmp_path: Path, capsys) -> None:
    root = Path(__file__).resolve().parents[2] / "templates"
    for name in SHIPPED:
        assert main(["templates", "check", str(root / name)]) == 0
    assert "renders" in capsys.readouterr().out
    bad = make_template(tmp_path, "{{ ''.__class__ }}", name="bad")
    assert main(["templates", "check", str(bad)]) == 2
    assert "sandbox" in capsys.readouterr().err
    (tmp_path / "bad" / "template.toml").write_text("name = 'Bad Name'\ntitle='x'\n")
    assert main(["templates", "check", str(bad)]) == 2
    assert "template.toml: name" in capsys.readouterr().err


def test_new_export_md_and_yaml_round_trip(tmp_path: Path, desk_path: Path, capsys) -> None:
    d = ["--desk", str(desk_path)]
    assert main([*d, "new", "info-memo", "--title", "Water *rule*", "--set", "bluf=Act now.\n\nReally.",
                 "--set", "audience=The Minister"]) == 0
    ref = capsys.readouterr().out.strip()
    assert ref == "b1"
    md = tmp_path / "b.md"
    assert main([*d, "export", ref, "--out", str(md)]) == 0
    text = md.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: \"Water *rule*\"") and "**FOR:** The Minister" in text
    assert "Act now.\n\nReally." in text

    # A YAML brief file with an item, exported from the file, gives the same kind of document.
    capsys.readouterr()
    assert main([*d, "draft", "s1", "-t", "talking-points", "-o", str(tmp_path / "d.docx")]) == 0
    capsys.readouterr()
    assert main([*d, "show", "b2", "--yaml"]) == 0
    yaml_text = capsys.readouterr().out
    assert "template: talking-points" in yaml_text and "source: s1" in yaml_text and "start:" in yaml_text
    brief_file = tmp_path / "brief.yaml"
    brief_file.write_text(yaml_text, encoding="utf-8")
    out = tmp_path / "from-yaml.docx"
    assert main([*d, "export", str(brief_file), "-o", str(out), "--marking", "OFFICIAL-SENSITIVE"]) == 0
    audit(out)
    assert any(s == "Block Text" for s, _ in body_paragraphs(out))
    assert "OFFICIAL-SENSITIVE" in docx.Document(str(out)).sections[0].header._element.xml

    # A YAML item whose offsets are not in its source is refused, naming the item.
    brief_file.write_text(re.sub(r"start: \d+", "start: 999999", yaml_text, count=1), encoding="utf-8")
    assert main([*d, "export", str(brief_file), "-o", str(out)]) == 2
    assert "item 1" in capsys.readouterr().err
