"""Inputs that repaint instead of laying out the screen still scroll to keep the caret in view."""

from __future__ import annotations

from tui.widgets.fixed_input import FixedInput


async def test_a_search_longer_than_its_box_scrolls_to_show_the_caret(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        box = app.screen.query_one("#search", FixedInput)
        typed = "abcdefghij" * 10  # 100 characters in a box 80 wide
        for char in typed:
            await pilot.press(char)
        await pilot.pause()
        assert box.value == typed
        assert box.virtual_size.width > box.size.width and box.scroll_x > 0
        assert box.render_line(0).text.rstrip().endswith("abcdefghij")
