"""Screenshots for the README: the workspace, its Inspector and one guide page, from the app as deployed.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png
    .venv/bin/python scripts/screenshots.py --smoke --out /tmp/shots   # what `make test` runs

It starts gunicorn on a free port, opens headless Chromium (Debian's, as the
tests do), waits until every embedded app is connected, makes one Sum
invocation on each page so the pictures show interop working, and saves PNGs.
"""

import argparse
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

import ids
from harness.browser import CHROMIUM_FLAGS, CONNECT_TIMEOUT_MS, ROOT, LiveServer, Shell, chromium_path

OUT = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1440, "height": 900}  # a laptop's screen: the Workspace is laid out to fit it
PAGES = (
    # (path, apps to wait for, target of the Sum, pictures: (file name, "Inspector" scrolled to the top, or None))
    ("/", Shell.DEFAULT_APPS, "all", (("workspace.png", None), ("inspector.png", "Inspector"))),
    ("/guide/targeting", ("Caller", "Sum Server 1", "Sum Server 2"), "all", (("guide-targeting.png", None),)),
)


def take(page, url, path, apps, target, shots, out):
    """Open ``path``, make one Sum, and take each of ``shots`` of the same page, one after another."""
    shell = Shell(page, url)
    page.goto(url + path)
    shell.wait_connected(*apps)
    shell.sum(37, 5, target=target)
    expect(shell.caller.locator(f"#{ids.SUM_RESULT} div")).to_have_count(2)
    if "Inspector" in apps:  # its log, at its top, with the Sum and both servers' own records
        summary = shell.app("Inspector").locator(f"#{ids.LOG_SUMMARY}")
        expect(summary).to_have_text("1 invocation · 2 handled records", timeout=CONNECT_TIMEOUT_MS)
    written = []
    for file_name, scroll_to in shots:
        if scroll_to == "Inspector":
            # Its log is what the picture is for: at the Inspector's top, its grid draws its rows once on screen.
            shell.card("Inspector").evaluate("card => card.scrollIntoView()")
            answered = lambda row: row["target"] == "all" and row["servers"].count(" ms)") == 2  # noqa: E731
            shell.wait_for_log_row(answered, CONNECT_TIMEOUT_MS)
            shell.card("Inspector").evaluate("card => card.scrollIntoView()")
        page.mouse.move(0, 0)  # no hover effects in the picture
        page.screenshot(path=str(out / file_name))
        written.append(out / file_name)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder for the PNGs (default {OUT.relative_to(ROOT)})")
    parser.add_argument("--smoke", action="store_true", help="smaller pictures, for the test suite")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    viewport = {"width": 1000, "height": 700} if args.smoke else VIEWPORT
    server = LiveServer(args.out / "gunicorn.log")
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport=viewport)
            for path, apps, target, shots in PAGES:
                written += take(page, server.url, path, apps, target, shots, args.out)
            browser.close()
    finally:
        server.stop()
        (args.out / "gunicorn.log").unlink(missing_ok=True)
    for path in written:
        print(path)
    return written


if __name__ == "__main__":
    main()
