"""Template source rules that a rendered page would otherwise break in front of visitors."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["cms", "home", "publications", "lectures", "search", "translation"]


def project_templates():
    for app in APPS:
        yield from (ROOT / app).rglob("templates/**/*.html")
        yield from (ROOT / app).rglob("templates/**/*.txt")
        yield from (ROOT / app).rglob("templates/**/*.xml")


def test_the_project_has_templates_to_check():
    assert len(list(project_templates())) > 20


def test_no_template_comment_spans_lines():
    """Django's {# #} comments end at the line's end: a two-line one is sent to the browser."""
    broken = []
    for path in project_templates():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for start in re.finditer(r"\{#", line):
                if "#}" not in line[start.end():]:
                    broken.append(f"{path.relative_to(ROOT)}:{number}")
    assert broken == [], "use {% comment %} for comments longer than a line: " + ", ".join(broken)
