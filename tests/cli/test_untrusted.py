"""Article text, place names, URLs, file names and titles never run as markup or script."""

import os
import shutil

import pytest

from kclmap.cli import main
from tests.cli.conftest import ROBUST, kclmap

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The markup the hostile inputs carry (each would set window.__kclmapPwned if it ran): escaped,
# none of these tag openings may appear in a page.
PAYLOADS = ("<script>window.__kclmapPwned", "<svg onload", "<img src=x", "</title><script>")
HOSTILE_NAME = "<img src=x onerror=window.__kclmapPwned=9>.txt"
HOSTILE_TITLE = "</title><script>window.__kclmapPwned=5</script>"


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    articles = root / "articles"
    articles.mkdir()
    shutil.copy(ROBUST / "hostile_names.txt", articles / HOSTILE_NAME)
    out = root / "out"
    code = main(["build", str(articles), "-o", str(out), "--title", HOSTILE_TITLE])
    assert code == 0
    return out


@pytest.mark.parametrize(
    "name", ["map.html", "report.html", "snippet.html", "map.svg", "events.geojson"]
)
def test_no_payload_reaches_an_output_unescaped(hostile_build, name):
    text = (hostile_build / name).read_text(encoding="utf-8")
    assert "__kclmapPwned" in text or name in ("snippet.html", "map.svg")  # the input is there
    found = [p for p in PAYLOADS if p in text and name != "events.geojson"]
    assert found == []


def test_the_payloads_are_in_the_geojson_as_data(hostile_build):
    text = (hostile_build / "events.geojson").read_text(encoding="utf-8")
    assert "</script><script>window.__kclmapPwned=1</script>" in text  # kept verbatim as data


def test_unresolved_csv_neutralises_spreadsheet_formulas(tmp_path, capsys):
    article = tmp_path / "formula.txt"
    article.write_text(
        "published: 2023-05-20\n\nGunmen killed a shepherd near =HYPERLINK Qaryat Zzq on "
        "Thursday, police said.\n",
        encoding="utf-8",
    )
    code, _, _ = kclmap(capsys, "build", article, "-o", tmp_path / "out")
    assert code == 0
    rows = (tmp_path / "out" / "unresolved.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "place_query,status,count,placed_at,candidates,sources"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row.split(","))


@pytest.mark.browser
def test_no_injected_script_runs_in_chromium(hostile_build):
    if CHROMIUM is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed: CI must run the browser tests")
        pytest.skip("Chromium is not installed (apt-get install chromium): browser test not run")
    from playwright.sync_api import sync_playwright

    # A page-level hook installed before any page script: every write to the payloads'
    # variable, and every alert/eval-like call, is recorded.
    hook = """
      window.__kclmapRan = [];
      Object.defineProperty(window, "__kclmapPwned", {
        set(v) { window.__kclmapRan.push("payload " + v); }, get() { return undefined; }
      });
      window.alert = (m) => window.__kclmapRan.push("alert " + m);
    """
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        ran = {}
        # The control: a page with the payload left raw, to prove the hook sees it run.
        (hostile_build.parent / "control.html").write_text(
            "<p>" + (ROBUST / "hostile_names.txt").read_text(encoding="utf-8") + "</p>"
        )
        for name in ("../control.html", "map.html", "report.html", "snippet.html"):
            page = browser.new_page()
            page.add_init_script(hook)
            page.route(
                "**/*",
                lambda r: (
                    r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort()
                ),
            )
            page.goto((hostile_build / name).as_uri())
            page.wait_for_load_state("load")
            if name == "map.html":
                page.wait_for_function("window.kclmapDrawn !== undefined", timeout=20_000)
                opened = page.evaluate(
                    """() => {
                      const ev = window.kclmapEvents; let n = 0;
                      Object.values(ev.clusters).forEach(g => g.getLayers().forEach(l => {
                        ev.openPopup(l); n += 1; }));
                      return n;
                    }"""
                )
                assert opened >= 1
                assert page.locator(".leaflet-popup-content img").count() == 0
            ran[name] = page.evaluate("window.__kclmapRan")
        browser.close()
    assert sorted(ran.pop("../control.html")) == [f"payload {n}" for n in (1, 2, 3, 4)]
    assert ran == {"map.html": [], "report.html": [], "snippet.html": []}
