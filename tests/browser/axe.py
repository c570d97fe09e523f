"""axe-core in the browser tests: run it inside one frame, and read what it found.

axe does not look into iframes from the top page unless it is loaded in each
of them, so the tests run it in every frame themselves (``frames``). The
vendored file (``vendor/README.md``) goes in through Playwright's evaluate,
which the pages' Content-Security-Policy does not apply to; the app never
serves it.
"""

from dataclasses import dataclass
from pathlib import Path

AXE_VERSION = "4.14.1"
AXE_SOURCE = Path(__file__).parent / "vendor" / f"axe-core-{AXE_VERSION}.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
BEST_PRACTICE = "best-practice"
FAILING_IMPACTS = ("critical", "serious")

RUN = """async ([tags]) => {
    const results = await window.axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations", "incomplete"],
        iframes: false,
    });
    const brief = (items) => items.map((item) => ({
        rule: item.id,
        impact: item.impact,
        tags: item.tags,
        help: item.help,
        nodes: item.nodes.map((node) => ({
            target: node.target.join(" "),
            html: node.html.slice(0, 200),
            summary: (node.failureSummary || "").slice(0, 300),
            messages: [...node.any, ...node.all, ...node.none].map((check) => check.message).slice(0, 3),
        })),
    }));
    return {version: window.axe.version, violations: brief(results.violations), incomplete: brief(results.incomplete)};
}"""


@dataclass(frozen=True)
class Finding:
    """One rule that failed on one element of one frame."""

    frame: str
    rule: str
    impact: str | None
    best_practice: bool
    target: str
    help: str
    detail: str

    def __str__(self):
        return f"{self.frame}: {self.rule} ({self.impact}) on {self.target}: {self.help}. {self.detail}"


def load(frame):
    """axe in ``frame`` (once per document), and its version."""
    if not frame.evaluate("() => Boolean(window.axe)"):
        frame.evaluate(AXE_SOURCE.read_text() + "\n;undefined")
    return frame.evaluate("() => window.axe.version")


def scan(frame, name=None):
    """Every WCAG 2.1 A/AA and best-practice finding in ``frame``'s own document: violations, and the contrast
    checks axe could not decide ("incomplete"), which count as failures too."""
    load(frame)
    result = frame.evaluate(RUN, [[*WCAG_TAGS, BEST_PRACTICE]])
    name = name or frame.url
    findings = []
    for kind, items in (("violation", result["violations"]), ("incomplete", result["incomplete"])):
        for item in items:
            if kind == "incomplete" and item["rule"] != "color-contrast":
                continue  # only contrast: axe leaves other rules undecided for a person to check
            best_practice = BEST_PRACTICE in item["tags"] and not set(WCAG_TAGS) & set(item["tags"])
            for node in item["nodes"]:
                detail = "; ".join(node["messages"]) or node["summary"]
                if kind == "incomplete":
                    detail = "undecided contrast: " + detail
                findings.append(
                    Finding(name, item["rule"], item["impact"], best_practice, node["target"], item["help"], detail)
                )
    return findings


def failing(findings):
    """The findings that fail a page: WCAG violations that are critical or serious (undecided contrast among
    them), and every best-practice finding."""
    return [f for f in findings if f.best_practice or f.impact in FAILING_IMPACTS or f.detail.startswith("undecided")]
