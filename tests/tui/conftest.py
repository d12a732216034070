"""Fixtures for driving the real app: a desk seeded with the bundled sample, and helpers that wait."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
from pathlib import Path

import pytest

from briefs.actions.desk_setup import open_for_work
from briefs.clock import FixedClock
from briefs.desk import Desk, open_desk
from briefs.model import Brief, Section
from briefs.settings import load_settings
from tests.conftest import FIXED_NOW  # snapshots and previews render "as of" it: their dates never change
from tui.app import BriefsApp


@pytest.fixture
def sample_desk(desk_path: Path) -> Path:
    open_for_work(desk_path, clock=FixedClock(FIXED_NOW)).close()
    return desk_path


@pytest.fixture
def make_app(sample_desk: Path):
    """The real app on a desk holding the sample, with settings as a config file would give them, and its
    clock stopped at FIXED_NOW."""

    def make(**settings: object) -> BriefsApp:
        base = load_settings(desk=sample_desk)
        return BriefsApp(dataclasses.replace(base, **settings), clock=FixedClock(FIXED_NOW))  # type: ignore[arg-type]

    return make


def desk_of(app: BriefsApp) -> Desk:
    """A second connection to the app's desk, as another window or process would have."""
    return open_desk(app.settings.desk, clock=FixedClock(FIXED_NOW))


def make_brief(desk: Desk, sections: list[str], *, template: str = "issue-brief", title: str = "Water",
               fields: dict[str, str] | None = None, marking: str | None = None) -> Brief:
    """A brief with just these sections (the app's new-brief dialog gives every section of the template)."""
    return desk.create_brief(Brief(template=template, title=title, fields=fields or {}, marking=marking,
                                   sections=tuple(Section(name=n) for n in sections)))


async def _settle(pilot) -> None:
    """Let workers finish and the screen catch up (never a blind sleep)."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settle():
    return _settle


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    # The Pilot tests are coroutines; the project has no asyncio plugin, so run each in a fresh loop.
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
        return True
    return None
