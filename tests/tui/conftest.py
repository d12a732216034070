"""Fixtures for driving the real app: a desk seeded with the bundled sample, and helpers that wait."""

from __future__ import annotations

import asyncio
import inspect
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefs.desk import open_desk
from tui.app import BriefsApp
from tui.config import TuiConfig

# Snapshots and previews render "as of" this moment, so dates in them never change.
FIXED_NOW = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def sample_desk(desk_path: Path) -> Path:
    open_desk(desk_path, seed_sample=True).close()
    return desk_path


@pytest.fixture
def make_app(sample_desk: Path):
    def make(**config: object) -> BriefsApp:
        return BriefsApp(desk_path=sample_desk, config=TuiConfig(**config), now=FIXED_NOW)  # type: ignore[arg-type]

    return make


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
