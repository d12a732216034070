"""The import dialog at 80x24 in a deep folder: the file list keeps its room and shows the files."""

from __future__ import annotations

import os
from pathlib import Path

from textual_fspicker.parts import DirectoryNavigation


async def test_the_import_dialog_lists_files_at_80_columns_in_a_deep_folder(make_app, settle, tmp_path: Path) -> None:
    deep = tmp_path / "a-rather-long-folder-name-for-saved-articles" / "another-long-folder-name-2026"
    deep.mkdir(parents=True)
    (deep / "harbour.txt").write_text("Harbour fees rise by 5% in 2027, the port said.", encoding="utf-8")
    app = make_app()
    cwd = os.getcwd()
    os.chdir(deep)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("i")
            await settle(pilot)
            listing = app.screen.query_one(DirectoryNavigation)
            names = [listing.get_option_at_index(i).location.name for i in range(listing.option_count)]
            assert "harbour.txt" in names
            assert listing.size.height >= 5  # room for the files, not one squeezed row
    finally:
        os.chdir(cwd)
