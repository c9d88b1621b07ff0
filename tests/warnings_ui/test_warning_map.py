"""The warning layer on the real map page (QtWebEngine, offscreen): exactly the
active warnings drawn in their colours (circles as circles), the ended ones
only on request, areas given by division codes listed and not drawn, counts by
colour in the layer tree, a headline with markup shown as text, and a click on
an area giving its card."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.helpers import wait_until
from tests.map.helpers import js, js_value, ready_view
from tests.warnings_ui.helpers import EVIL_HEADLINE, SENT, add, circle, codes_only, ref, warning
from views.map.panel import MapPanel
from views.warnings.map_layer import ENDED_ENTRY, LAYER

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, world):
    p = MapPanel(world.incidents, world.resources, world.runner, world.relay, warnings=world.warnings)
    qtbot.addWidget(p)
    p.resize(1400, 800)
    p.show()
    ready_view(p.map)
    p.map.center_on(29.56, 106.55, 9)
    return p


def ids_drawn(panel) -> list[str]:
    return js_value(panel.map, f"wr.areaIds({json.dumps(LAYER)})")


def tree_item(panel, key):
    tree = panel.layer_tree
    for i in range(tree.topLevelItemCount()):
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == key:
            return tree.topLevelItem(i)
    return None


def test_the_layer_gets_exactly_the_active_warnings(panel, world):
    red, orange, blue = add(world, warning("R1"), warning("O1", colour="orange", areas=circle()),
                            warning("B1", colour="blue", areas=codes_only("500101")))
    expired, = add(world, warning("X1", colour="yellow", sent=SENT - timedelta(days=2), hours=1))
    old, = add(world, warning("U0", colour="yellow", sent=SENT - timedelta(hours=1)))
    update, = add(world, warning("U1", colour="red", msg_type="Update", references=(ref(world.warnings.get(old)),)))
    draft = world.warning_service.save_draft(warning("D1", colour="red"))
    panel.warning_layer.reload()
    assert wait_until(lambda: ids_drawn(panel) == sorted([red, orange, update]))
    assert draft.id not in ids_drawn(panel) and expired not in ids_drawn(panel)
    assert blue not in ids_drawn(panel)  # division codes only: listed under the layer, not drawn
    # Red fill and outline; the circle drawn as a circle.
    assert js_value(panel.map, f"wr.areaColours('{LAYER}', '{red}')") == [["#b71c1c", "#e53935", False]]
    assert js_value(panel.map, f"wr.areaColours('{LAYER}', '{orange}')") == [["#e65100", "#fb8c00", True]]
    assert wait_until(lambda: js(panel.map, f"wr.areasDrawn('{LAYER}')") == 3)
    layer = tree_item(panel, LAYER)
    assert wait_until(lambda: tree_item(panel, LAYER) is not None
                      and "2" in tree_item(panel, LAYER).text(0).split("·")[0])  # two red
    layer = tree_item(panel, LAYER)
    assert layer.text(0) == panel.warning_layer.tree_text()
    assert panel.warning_layer.colour_counts == {"red": 2, "orange": 1, "yellow": 0, "blue": 1}
    assert layer.childCount() == 1 and "万州区" in layer.child(0).text(0)
    # Ended ones on request, greyed.
    tree_item(panel, ENDED_ENTRY).setCheckState(0, Qt.CheckState.Checked)
    assert wait_until(lambda: ids_drawn(panel) == sorted([red, orange, update, expired, old]))
    assert js_value(panel.map, f"wr.areaColours('{LAYER}', '{old}')")[0][0] == "#757575"
    # The layer off and on.
    tree_item(panel, LAYER).setCheckState(0, Qt.CheckState.Unchecked)
    assert wait_until(lambda: js(panel.map, f"wr.areasProjected('{LAYER}')") == 0)


def test_a_headline_with_markup_is_text_on_the_page_and_in_the_card(panel, world, qtbot):
    wid, = add(world, warning("E1", headline=EVIL_HEADLINE))
    panel.warning_layer.reload()
    assert wait_until(lambda: ids_drawn(panel) == [wid])
    shown = js_value(panel.map, f"wr.areaTooltip('{LAYER}', '{wid}')")
    assert shown["text"].endswith(EVIL_HEADLINE) and shown["elements"] == 0
    with qtbot.waitSignal(panel.sig_warning_opened, timeout=5000) as opened:
        js(panel.map, f"wr.clickArea('{LAYER}', '{wid}')")
    assert opened.args == [wid]
    assert "&lt;script&gt;" in panel.card.text() and "<script>" not in panel.card.text()
    nothing = js_value(panel.map, "{pwned: window.__pwned || null, imgs: document.querySelectorAll('img[src=\"x\"]')"
                                  ".length, scripts: document.querySelectorAll('script:not([src])').length}")
    assert nothing["pwned"] is None and nothing["imgs"] == 0
    assert js_value(panel.map, "wr.violations()") == []
