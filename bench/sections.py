"""docs/BENCHMARKS.md by sections ("## N. ..."): `--write` replaces only the
sections of the parts it ran, `make bench` writes the whole file."""

import os
import re
import time

BENCHMARKS = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs", "BENCHMARKS.md"
)
SECTION_RE = re.compile(r"^## (\d+)\. ", re.MULTILINE)


def replace_sections(text, sections):
    """``text`` with each of ``sections`` (lists of lines starting with
    "## N. ...") in place of its section of the same number, or inserted in
    number order; a section "# Benchmarks" is the header."""
    for section in sections:
        if section[0] == "# Benchmarks":  # the header: all before the first section
            first = SECTION_RE.search(text)
            text = "\n".join(section) + "\n" + (text[first.start() :] if first else "")
            continue
        number = int(SECTION_RE.match(section[0]).group(1))
        found = [(int(m.group(1)), m.start()) for m in SECTION_RE.finditer(text)]
        same = [start for n, start in found if n == number]
        if same:
            later = [start for _, start in found if start > same[0]]
            start, end = same[0], (later[0] if later else len(text))
        else:
            later = [start for n, start in found if n > number]
            start = end = later[0] if later else len(text)
        head = text[:start]
        if not head.endswith("\n\n"):
            head = head.rstrip("\n") + "\n\n"
        text = head + "\n".join(section) + "\n" + text[end:]
    return text


def write(sections, command=None):
    """Replace ``sections`` in docs/BENCHMARKS.md, each saying which run it comes from."""
    if command:
        note = (
            f"This section comes from a run of its own, {command}, on {time.strftime('%Y-%m-%d')}."
        )
        sections = [[section[0], "", note, *section[1:]] for section in sections]
    text = open(BENCHMARKS).read() if os.path.exists(BENCHMARKS) else "# Benchmarks\n"
    with open(BENCHMARKS, "w") as fh:
        fh.write(replace_sections(text, sections))
