"""Browser check of the built site in headless Chromium (selenium + Debian's chromium-driver).

Usage: python docs/_tools/browser_check.py SITE_DIR [--artifacts DIR]

Serves SITE_DIR with ``python -m http.server`` on a free 127.0.0.1 port (killed at
the end) and checks:

* the home page and every family page (from ``cookbook._registry.FAMILIES``) load
  with no console errors;
* every internal ``<a href>`` on those pages answers HTTP 200, and its ``#anchor``
  exists on the target page;
* searching "repeat" offers the repeat page, and each query in ``SEARCHES`` returns
  its page first;
* the errors page holds at least 25 entries, each heading equal to the message the
  installed torch gives (recomputed here with ``errors_index``);
* no canonical link or sitemap entry points at localhost, and every page has its own
  meta description;
* on a 390 x 844 phone screen, every page in the sitemap fits without sideways
  scrolling, and the text of every figure on it is at least 9 px tall;
* on a 1400 x 900 desktop screen, every recipe page with recipes shows, before any
  scrolling, its first side-by-side's torch line and the start of its output;
* the palette toggle reaches the dark scheme (``data-md-color-scheme="slate"``);
* screenshots of the home and contiguous-vs-view pages, and of the repeat page on
  the desktop and the phone screen, are saved under artifacts/.

Exits non-zero with a list of failures.
"""

from __future__ import annotations

import argparse
import html
import html.parser
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag

import errors_index
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from cookbook._registry import FAMILIES

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1600",
]


# A query a visitor types, and the page that must come first.
SEARCHES = {
    "tensor.new": "recipes/new/",
    "repeat_interleave": "recipes/repeat/",
    "view size is not compatible": "recipes/contiguous/",
    "meshgrid indexing": "recipes/meshgrid/",
}


class _Ids(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key in ("id", "name") and value:
                self.ids.add(value)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_server(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(100):
        if proc.poll() is not None:
            raise RuntimeError("http.server exited early")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"http.server did not answer on {url}")


def _fetch(url: str, cache: dict[str, tuple[int, set[str]]]) -> tuple[int, set[str]]:
    if url not in cache:
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                body = resp.read()
                status = resp.status
                ctype = resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            cache[url] = (err.code, set())
            return cache[url]
        ids: set[str] = set()
        if "html" in ctype:
            parser = _Ids()
            parser.feed(body.decode("utf-8", "replace"))
            ids = parser.ids
        cache[url] = (status, ids)
    return cache[url]


def _driver(profile: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def check(site: Path, artifacts: Path) -> list[str]:
    failures: list[str] = []
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(site),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_server(base, server)
        with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
            driver = _driver(profile)
            try:
                failures += _check_pages(driver, base, artifacts)
                failures += _check_search(driver, base)
                for query, page in SEARCHES.items():
                    failures += _check_search_first(driver, base, query, page)
                failures += _check_errors_page(driver, base)
                failures += _check_widths(driver, base, artifacts)
                failures += _check_phone(driver, base, _sitemap_pages(site), artifacts)
                failures += _check_first_screen(driver, base, artifacts)
                failures += _check_palette(driver, base)
            finally:
                driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return failures


def _check_pages(driver: webdriver.Chrome, base: str, artifacts: Path) -> list[str]:
    failures: list[str] = []
    pages = ["", "errors/", "reference/"] + [f"recipes/{fam.name}/" for fam in FAMILIES]
    cache: dict[str, tuple[int, set[str]]] = {}
    checked_links = 0
    for page in pages:
        url = base + page
        driver.get(url)
        WebDriverWait(driver, 15).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        time.sleep(0.3)  # let Material's bundle run
        status, _ = _fetch(url, cache)
        if status != 200:
            failures.append(f"{url}: HTTP {status}")
        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                failures.append(f"{url}: console error: {entry.get('message')}")
        hrefs = driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href]'), a => a.href)"
        )
        for href in sorted(set(hrefs)):
            if not href.startswith(base):
                continue  # external, mailto:, javascript:
            target, fragment = urldefrag(href)
            status, ids = _fetch(target, cache)
            checked_links += 1
            if status != 200:
                failures.append(f"{url}: broken link {href} (HTTP {status})")
            elif fragment and ids and fragment not in ids:
                failures.append(f"{url}: missing anchor {href}")
        if page == "":
            driver.save_screenshot(str(artifacts / "home.png"))
        if page == "recipes/contiguous/":
            driver.save_screenshot(str(artifacts / "contiguous.png"))
    print(f"pages: {len(pages)} loaded, {checked_links} internal links checked")
    return failures


def _check_search(driver: webdriver.Chrome, base: str) -> list[str]:
    driver.get(base)
    wait = WebDriverWait(driver, 20)
    # Open the search dialog with its keyboard shortcut-free toggle, then type.
    driver.execute_script("document.querySelector('input.md-search__input').focus()")
    box = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input.md-search__input")))
    driver.execute_script("document.getElementById('__search').checked = true")
    box.send_keys("repeat")
    try:
        wait.until(
            lambda d: d.execute_script(
                "return Array.from(document.querySelectorAll('.md-search-result__item a'),"
                " a => a.href).some(h => h.includes('recipes/repeat/'))"
            )
        )
    except Exception:
        links = driver.execute_script(
            "return Array.from(document.querySelectorAll('.md-search-result__item a'), a => a.href)"
        )
        return [f"search 'repeat' did not offer recipes/repeat/; results: {links}"]
    print("search: 'repeat' offers recipes/repeat/")
    return []


def _check_search_first(driver: webdriver.Chrome, base: str, query: str, page: str) -> list[str]:
    driver.get(base)
    wait = WebDriverWait(driver, 20)
    box = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input.md-search__input")))
    driver.execute_script("document.getElementById('__search').checked = true")
    box.send_keys(query)
    script = (
        "return Array.from(document.querySelectorAll('.md-search-result__item > a'), a => a.href)"
    )
    try:
        wait.until(lambda d: d.execute_script(script))
        time.sleep(0.5)  # let the result list settle
    except Exception:
        return [f"search {query!r}: no results"]
    links = driver.execute_script(script)
    first = urldefrag(links[0])[0].split("?")[0]  # drop Material's ?h= highlight query
    if first != base + page:
        return [f"search {query!r}: first result {links[0]}, expected {base + page}"]
    print(f"search: {query!r} puts {page} first")
    return []


def _check_errors_page(driver: webdriver.Chrome, base: str) -> list[str]:
    driver.get(base + "errors/")
    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    # The heading text without its permalink: the first text node(s) only.
    shown = driver.execute_script(
        "return Object.fromEntries(Array.from(document.querySelectorAll('article h2[id]'),"
        " h => [h.id, Array.from(h.childNodes).filter(n => !(n.classList &&"
        " n.classList.contains('headerlink'))).map(n => n.textContent).join('').trim()]))"
    )
    failures = []
    if len(errors_index.ENTRIES) < 25:
        failures.append(f"errors page: {len(errors_index.ENTRIES)} entries declared, want >= 25")
    for entry in errors_index.ENTRIES:
        expected = errors_index.message(entry)
        if entry.slug not in shown:
            failures.append(f"errors page: no heading #{entry.slug}")
        elif shown[entry.slug] != expected:
            failures.append(
                f"errors page: #{entry.slug} shows {shown[entry.slug]!r}, torch says {expected!r}"
            )
    print(f"errors page: {len(shown)} headings, {len(errors_index.ENTRIES)} checked against torch")
    return failures


# Pages with wide tables, at a desktop and a phone width.
WIDE_PAGES = ("performance/", "errors/", "reference/")
WIDTHS = (1400, 390)
# For each table: [its width, the width its box shows, the box's right edge]; the
# box is the scrolling wrapper Material's script puts around every table.
_TABLES = """
return [window.innerWidth, Array.from(document.querySelectorAll('article table'), table => {
  const box = table.closest('.md-typeset__scrollwrap') || table;
  return [table.scrollWidth, box.clientWidth, box.getBoundingClientRect().right];
})];
"""


def _check_widths(driver: webdriver.Chrome, base: str, artifacts: Path) -> list[str]:
    """No table runs off the screen, all columns show on a desktop, no page scrolls sideways."""
    failures = []
    for width in WIDTHS:
        driver.set_window_size(width, 1000)
        for page in WIDE_PAGES:
            driver.get(base + page)
            WebDriverWait(driver, 15).until(
                lambda d: d.execute_script("return document.readyState") == "complete"
            )
            time.sleep(0.3)  # let Material's script wrap the tables
            inner_width, tables = driver.execute_script(_TABLES)
            for index, (table_width, shown, right) in enumerate(tables):
                if right > inner_width + 1:
                    failures.append(f"{page} at {width} px: table {index} runs off the screen")
                # On a desktop every column shows; on a phone a wide table may scroll.
                if width >= 1000 and table_width > shown + 1:
                    failures.append(
                        f"{page} at {width} px: table {index} hides columns "
                        f"({table_width} px in {shown} px)"
                    )
            page_width = driver.execute_script("return document.documentElement.scrollWidth")
            if page_width > inner_width:
                failures.append(f"{page} at {width} px: scrolls sideways ({page_width} px)")
            if page == "performance/":
                driver.save_screenshot(str(artifacts / f"performance-{width}.png"))
    driver.set_window_size(1280, 1600)
    print(f"widths: {', '.join(WIDE_PAGES)} at {WIDTHS} px: tables fit, no sideways scroll")
    return failures


PHONE = (390, 844)
DESKTOP = (1400, 900)
SMALLEST_TEXT_PX = 9
SCREENSHOT_PAGE = "recipes/repeat/"


def _screen(driver: webdriver.Chrome, size: tuple[int, int], *, mobile: bool) -> None:
    """Emulate a screen of exactly ``size`` CSS px (a window's size would include its frame).

    ``mobile`` gives overlay scrollbars, as on a phone: the text column is then
    the full 358 px that the figures are drawn for.
    """
    width, height = size
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def _load(driver: webdriver.Chrome, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    time.sleep(0.3)  # let Material's script wrap the tables


def _sitemap_pages(site: Path) -> list[str]:
    """Every page in the built sitemap, as a path relative to the site's root."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    root = min(locs, key=len)  # the home page: site_url itself
    return [loc.removeprefix(root) for loc in locs]


# The page's width, and the first element that sticks out past the screen's right edge.
_OVERFLOW = """
const width = arguments[0];
const wide = Array.from(document.querySelectorAll('body *')).find(
  e => e.getBoundingClientRect().right > width + 1 && !e.closest('.md-typeset__scrollwrap'));
return [document.scrollingElement.scrollWidth,
        wide ? wide.tagName.toLowerCase() + (wide.className ? '.' + wide.className : '') : ''];
"""

# Each rendered figure text: its font size on screen (size in the SVG's units
# times the scale the page draws the SVG at), its glyph box's height, the text.
_FIGURE_TEXT = """
return Array.from(document.querySelectorAll('article svg text'), text => {
  const matrix = text.getScreenCTM();
  const box = text.getBoundingClientRect();
  if (!matrix || box.width === 0 || !text.textContent.trim()) return null;  // not rendered
  const scale = Math.hypot(matrix.a, matrix.b);
  return [parseFloat(getComputedStyle(text).fontSize) * scale,
          text.getBBox().height * scale, text.textContent.trim()];
}).filter(Boolean);
"""


def _check_phone(
    driver: webdriver.Chrome, base: str, pages: list[str], artifacts: Path
) -> list[str]:
    """On a phone, no page scrolls sideways and no figure text is under 9 px tall."""
    failures = []
    _screen(driver, PHONE, mobile=True)
    width = PHONE[0]
    smallest: dict[str, tuple[float, float, str]] = {}  # per page with figures
    for page in pages:
        _load(driver, base + page)
        # Not innerWidth: on a phone it grows to take in what sticks out.
        page_width, wide = driver.execute_script(_OVERFLOW, width)
        if page_width > width:
            failures.append(
                f"{page or 'home'} at {width} px: scrolls sideways ({page_width} px; {wide})"
            )
        texts = driver.execute_script(_FIGURE_TEXT)
        failures += [
            f"{page or 'home'} at {width} px: figure text {text!r} is {size:.1f} px tall"
            for size, _, text in texts
            if size < SMALLEST_TEXT_PX
        ]
        if texts:
            smallest[page] = min(map(tuple, texts))
        if page == SCREENSHOT_PAGE:
            driver.save_screenshot(str(artifacts / f"recipe-repeat-{width}.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    sideways = sum("scrolls sideways" in failure for failure in failures)
    print(f"phone: {len(pages)} sitemap pages at {width} px, {sideways} scroll sideways")
    for page, (size, box, text) in smallest.items():
        print(f"phone: smallest figure text on {page}: {size:.2f} px ({box:.2f} px box), {text!r}")
    return failures


# The first side-by-side's torch column: where its code and its output sit on screen.
_FIRST_ANSWER = """
const grid = document.querySelector('article .cookbook-compare.grid');
if (!grid) return null;
const column = Array.from(grid.children).find(
  c => /torch/i.test((c.querySelector('strong') || {}).textContent || ''));
if (!column) return null;
const place = pre => pre ? [pre.getBoundingClientRect().top,
                            pre.getBoundingClientRect().bottom, pre.textContent.trim()] : null;
return [innerHeight, place(column.querySelector('.highlight:not(.cookbook-output) pre')),
        place(column.querySelector('.cookbook-output pre'))];
"""
# How much of the output must show: about one line of it.
OUTPUT_SHOWN_PX = 24


def _check_first_screen(driver: webdriver.Chrome, base: str, artifacts: Path) -> list[str]:
    """Each recipe page shows a torch line and its output before any scrolling."""
    failures = []
    _screen(driver, DESKTOP, mobile=False)
    families = [family for family in FAMILIES if family.recipes]
    for family in families:
        page = f"recipes/{family.name}/"
        _load(driver, base + page)
        found = driver.execute_script(_FIRST_ANSWER)
        if found is None or found[1] is None or found[2] is None:
            failures.append(f"{page}: no side-by-side with a torch column, code and output")
            continue
        height, (code_top, code_bottom, code), (output_top, output_bottom, _) = found
        if code_top < 0 or code_bottom > height:
            failures.append(
                f"{page} at {DESKTOP}: the torch line {code!r} is not on the first screen "
                f"(top {code_top:.0f} px, bottom {code_bottom:.0f} px of {height} px)"
            )
        shown = min(OUTPUT_SHOWN_PX, output_bottom - output_top)
        if output_top < 0 or output_top + shown > height:
            failures.append(
                f"{page} at {DESKTOP}: the output of {code!r} is not on the first screen "
                f"(top {output_top:.0f} px of {height} px)"
            )
        if page == SCREENSHOT_PAGE:
            driver.save_screenshot(str(artifacts / f"recipe-repeat-{DESKTOP[0]}.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    skipped = [family.name for family in FAMILIES if not family.recipes]
    print(
        f"first screen: {len(families)} recipe pages at {DESKTOP[0]}x{DESKTOP[1]}, "
        f"{len({failure.split(':')[0] for failure in failures})} without a torch line and its "
        f"output on it (no recipes yet, not checked: {', '.join(skipped) or 'none'})"
    )
    return failures


def _check_metadata(site: Path) -> list[str]:
    """Canonical links, sitemap entries and meta descriptions, read from the built files."""
    failures = []
    descriptions: dict[str, str] = {}
    pages = sorted(site.rglob("index.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        name = str(page.relative_to(site))
        if "404" in name:
            continue
        canonical = re.search(r'<link rel="canonical" href="([^"]*)"', text)
        if canonical is None or re.search(r"//(localhost|127\.0\.0\.1)", canonical.group(1)):
            failures.append(f"{name}: canonical link {canonical and canonical.group(1)!r}")
        description = re.search(r'<meta name="description" content="([^"]*)"', text)
        if description is None:
            failures.append(f"{name}: no meta description")
        elif description.group(1) in descriptions:
            failures.append(
                f"{name}: meta description shared with {descriptions[description.group(1)]}"
            )
        else:
            descriptions[description.group(1)] = name
    failures += _check_titles(site)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    local = re.findall(r"<loc>(https?://(?:localhost|127\.0\.0\.1)[^<]*)</loc>", sitemap)
    failures += [f"sitemap.xml: {loc} points at this machine" for loc in local]
    print(
        f"metadata: {len(descriptions)} pages with distinct descriptions, canonical links checked"
    )
    return failures


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _h1(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    match = re.search(r"<h1[^>]*>(.*?)(?:<a class=\"headerlink\".*?)?</h1>", text, re.S)
    return _text(match.group(1)) if match else ""


def _check_titles(site: Path) -> list[str]:
    """Each navigation label equals its page's H1, and the <title> is that H1 too."""
    failures = []
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = re.findall(
        r'<a href="([^"#]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">(.*?)</span>',
        home,
        re.S,
    )
    for href, label in nav:
        page = site / href / "index.html" if href not in ("", ".", "./") else site / "index.html"
        if page.exists() and _text(label) != _h1(page):
            failures.append(f"nav label {_text(label)!r} differs from {href}'s H1 {_h1(page)!r}")
    for page in sorted(site.rglob("index.html")):
        title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
        h1 = _h1(page)
        shown = _text(title.group(1)) if title else ""
        if page.parent != site and h1 and shown != f"{h1} - tensor-cookbook":
            failures.append(f"{page.relative_to(site)}: <title> {shown!r}, H1 {h1!r}")
    print(f"titles: {len(nav)} navigation labels checked against their pages' H1")
    return failures


def _check_palette(driver: webdriver.Chrome, base: str) -> list[str]:
    driver.get(base)
    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    seen = []
    for _ in range(4):
        scheme = driver.find_element(By.TAG_NAME, "body").get_attribute("data-md-color-scheme")
        seen.append(scheme)
        if scheme == "slate":
            print(f"palette: schemes seen {seen}")
            return []
        toggles = [
            t
            for t in driver.find_elements(By.CSS_SELECTOR, "form[data-md-component=palette] label")
            if t.is_displayed()
        ]
        if not toggles:
            return ["palette: no visible toggle"]
        toggles[0].click()
        time.sleep(0.3)
    return [f"palette: never reached 'slate'; schemes seen {seen}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--artifacts", type=Path, default=Path("artifacts"))
    args = parser.parse_args()
    args.artifacts.mkdir(parents=True, exist_ok=True)
    failures = _check_metadata(args.site.resolve())
    failures += check(args.site.resolve(), args.artifacts)
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    print("browser check:", "FAILED" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
