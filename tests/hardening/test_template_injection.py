"""Known Jinja2 server-side template injection payloads, as a user's template: each fails with a
one-line TemplateError and runs nothing (the payloads that would create a file leave none behind)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefs.cli import main
from briefs.desk import open_desk
from briefs.errors import TemplateError
from briefs.model import Brief
from briefs.render.brief import render_brief
from briefs.templates import TemplateSet

# {canary} is replaced by the path of a file the payload tries to create.
RUN = "touch {canary}"
SANDBOX = [
    # Walking from a literal to object and its subclasses.
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__bases__[0].__subclasses__() }}",
    "{{ [].__class__.__base__.__subclasses__() }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__ == 'Popen' %}"
    "{{ c('" + RUN + "', shell=True) }}{% endif %}{% endfor %}",
    "{{ ''['__class__'] }}",
    "{{ ''['\\x5f\\x5fclass\\x5f\\x5f'] }}",
    "{{ title.__class__.__base__ }}",
    "{{ fields.__class__ }}",
    "{{ fields.get.__self__ }}",
    "{{ title.__doc__ }}",
    # Jinja's own globals: their functions' __globals__ reach os.
    "{{ cycler.__init__.__globals__.os.system('" + RUN + "') }}",
    "{{ joiner.__init__.__globals__['os'].popen('" + RUN + "').read() }}",
    "{{ namespace.__init__.__globals__.os.system('" + RUN + "') }}",
    "{{ dict.__class__ }}",
    "{{ self.__init__.__globals__.__builtins__ }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('" + RUN + "') }}",
    "{{ self._TemplateReference__context }}",
    # The attr() filter and friends, which take the attribute name as a string.
    "{{ ''|attr('__class__') }}",
    "{{ fields.items()|map(attribute='__class__')|first }}",
    "{{ [cycler]|map(attribute='__init__.__globals__')|map(attribute='os')|list }}",
    "{{ [cycler]|selectattr('__init__')|list }}",
    "{{ [title]|sort(attribute='__class__.__mro__')|first }}",
    # Format strings reach attributes too.
    "{{ '{0.__class__.__mro__}'.format(title) }}",
    "{{ '{0.__init__.__globals__[os]}'.format(cycler) }}",
    "{{ '{x.__class__}'.format_map({'x': title}) }}",
    "{{ '%s'|format(cycler.__init__.__globals__) }}",
    # Loops and set that hide the walk.
    "{% set x = cycler.__init__ %}{{ x.__globals__ }}",
    "{% with g = joiner.__init__.__globals__ %}{{ g.os.popen('" + RUN + "') }}{% endwith %}",
    "{{ namespace.__init__.__globals__ }}",
]
# The second |attr() in a chain sees the first one's (unsafe) Undefined and reports a missing field.
CHAINED = [
    "{{ (''|attr('\\x5f\\x5fclass\\x5f\\x5f'))|attr('\\x5f\\x5fmro\\x5f\\x5f') }}",
    "{{ cycler|attr('__init__')|attr('__globals__') }}",
    "{{ ((cycler|attr('__init__')|attr('__globals__'))['os'])|attr('system')('" + RUN + "') }}",
]
# Printed as "[Undefined]": nothing leaks, nothing runs.
QUIET = ["{{ [title]|map(attribute='__class__')|list }}", "{{ [title]|map(attribute='__class__')|join }}"]
# Flask-style globals do not exist here: the payload fails as an undefined name, running nothing.
UNDEFINED = [
    "{{ lipsum.__globals__['os'].popen('" + RUN + "').read() }}",
    "{{ request.application.__globals__.__builtins__.__import__('os').system('" + RUN + "') }}",
    "{{ config.items() }}",
    "{{ config.__class__.__init__.__globals__['os'].system('" + RUN + "') }}",
    "{{ url_for.__globals__.os.system('" + RUN + "') }}",
    "{{ get_flashed_messages.__globals__ }}",
    "{{ __builtins__.__import__('os') }}",
    "{{ os.system('" + RUN + "') }}",
    "{{ range.__self__ }}",
]


def make_template(root: Path, body: str, name: str = "evil") -> TemplateSet:
    folder = root / "templates" / name
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(f'name = "{name}"\ntitle = "Evil"\ndescription = "payload"\n',
                                          encoding="utf-8")
    (folder / "body.md.j2").write_text(body, encoding="utf-8")
    return TemplateSet([root / "templates"], shipped=False)


def render(tmp_path: Path, body: str) -> str:
    templates = make_template(tmp_path, body)
    with open_desk(":memory:") as desk:
        brief = Brief(template="evil", title="Payload", fields={"body": "text"})
        return render_brief(desk, brief, templates.get(brief.template), now=desk.clock.now()).markdown


@pytest.mark.parametrize("payload", SANDBOX)
def test_ssti_payloads_are_stopped_by_the_sandbox(payload: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    canary = tmp_path / "pwned"
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, payload.replace("{canary}", str(canary)))
    message = str(caught.value)
    assert "\n" not in message and "body.md.j2" in message
    assert "sandbox" in message or "unsafe" in message
    assert not canary.exists()


@pytest.mark.parametrize("payload", CHAINED)
def test_chained_attr_payloads_name_the_sandbox(payload: str, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="sandbox"):
        render(tmp_path, payload.replace("{canary}", str(tmp_path / "pwned")))


@pytest.mark.parametrize("payload", [*SANDBOX, *CHAINED, *UNDEFINED, *QUIET])
def test_no_payload_runs_anything_or_leaks_internals(payload: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    canary = tmp_path / "pwned"
    try:
        out = render(tmp_path, payload.replace("{canary}", str(canary)))
    except TemplateError as exc:
        out = str(exc)
    assert not canary.exists()
    for leak in ("<class", "<function", "<module", "<built-in", "Popen"):
        assert leak not in out


@pytest.mark.parametrize("payload", UNDEFINED)
def test_payloads_using_framework_globals_fail_as_undefined(payload: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    canary = tmp_path / "pwned"
    with pytest.raises(TemplateError, match=r"missing field|undefined|sandbox"):
        render(tmp_path, payload.replace("{canary}", str(canary)))
    assert not canary.exists()


@pytest.mark.parametrize("payload", [
    "{% include '../../secret.txt' %}",
    "{% include '/etc/hostname' %}",
    "{% extends '../secret.txt' %}",
    "{% import '../../secret.txt' as s %}",
    "{% from '../../secret.txt' import x %}",
])
def test_templates_cannot_read_files_outside_their_folder(payload: str, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOP SECRET CONTENT")
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, payload)
    assert "TOP SECRET" not in str(caught.value)


def test_a_payload_through_the_cli_export_is_one_line_and_creates_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    canary = tmp_path / "pwned"
    payload = "{{ cycler.__init__.__globals__.os.system('touch " + str(canary) + "') }}"
    make_template(tmp_path, payload)
    assert main(["new", "evil", "--title", "Payload", "--templates", str(tmp_path / "templates")]) == 0
    ref = capsys.readouterr().out.strip()
    code = main(["export", ref, "--templates", str(tmp_path / "templates"), "--out", str(tmp_path / "out.docx")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "sandbox" in err and "Traceback" not in err
    assert not canary.exists() and not (tmp_path / "out.docx").exists()


def test_harmless_builtins_still_work_in_templates(tmp_path: Path) -> None:
    out = render(tmp_path, "{% set n = namespace(x=1) %}{{ n.x }} {{ range(3)|list|length }} {{ title|upper }}\n")
    assert "1 3 PAYLOAD" in out


@pytest.mark.parametrize("payload", ["{{ range(10**9)|list }}", "{{ 10.0**400 }}"])
def test_resource_payloads_are_one_line_template_errors(payload: str, tmp_path: Path) -> None:
    with pytest.raises(TemplateError):
        render(tmp_path, payload)


@pytest.mark.parametrize("bomb", ["{{ 9**(9**9) }}", "{{ 'x' * 10**9 }}", "{{ (10**2000) * (10**2000) }}"])
def test_a_power_bomb_in_a_template_is_refused_quickly(tmp_path: Path, bomb: str) -> None:
    # Jinja's ** groups to the left, so 9**9**9 is (9**9)**9, a harmless 78-digit number: the bombs nest.
    templates_root = tmp_path
    make_template(templates_root, bomb)
    script = (
        "import sys; from briefs.desk import open_desk; from briefs.model import Brief; "
        "from briefs.render.brief import render_brief; from briefs.templates import TemplateSet\n"
        "try:\n"
        f"    d = open_desk(':memory:'); t = TemplateSet([{str(tmp_path / 'templates')!r}], shipped=False)\n"
        "    render_brief(d, Brief(template='evil', title='x'), t.get('evil'), now=d.clock.now())\n"
        "except Exception as exc: print(type(exc).__name__)\n"
    )
    try:
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail(f"rendering {bomb} was still running after 10 s")
    assert "TemplateError" in result.stdout
