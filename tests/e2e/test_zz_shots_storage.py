import json
from test_sync_devices import ask, shared_round
FILL = """() => {
  localStorage.removeItem('autre-appli');
  let fits = 0, refused = 6 * 1024 * 1024;
  while (refused - fits > 8) {
    const size = Math.floor((fits + refused) / 2);
    try { localStorage.setItem('autre-appli', 'x'.repeat(size)); fits = size; } catch (e) { refused = size; }
  }
  localStorage.setItem('autre-appli', 'x'.repeat(fits));
}"""
from app import shards
import pytest

@pytest.mark.parametrize("size", [(1280, 720), (390, 844)])
def test_shots(app, size):
    page = app.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    ws = shared_round()
    items = shards.items(ws)
    group = items["cercle.g.g-1"]
    items["cercle.g.g-1"] = group[: len(group) * 9 // 10]
    page.add_init_script("(items => { if (!sessionStorage.getItem('seeded')) { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } })(%s)" % json.dumps(items))
    app.open("")
    app.wait_until_checked()
    page.screenshot(path=f"/tmp/storage-home-{size[0]}.png", full_page=True)
    app.open("#/transfer")
    page.locator("section[aria-labelledby=storage]").screenshot(path=f"/tmp/storage-transfer-{size[0]}.png")

def test_held_shot(app):
    from test_sync_files import seed
    page = app.page
    seed(page, shared_round())
    app.open("#/session?id=s-1")
    app.wait_until_checked()
    page.evaluate(FILL)
    ask(page, "Une question sans place")
    page.wait_for_timeout(300)
    page.screenshot(path="/tmp/storage-held-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/storage-held-390.png")
