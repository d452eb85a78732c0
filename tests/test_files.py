import csv
import glob
import os
import struct

import polib
import pytest
from lxml import etree

from .conftest import ROOT, module_path, product_modules, standin_modules

XML_FILES = sorted(
    p for p in glob.glob(f"{ROOT}/**/*.xml", recursive=True) if "/node_modules/" not in p
)
PO_FILES = sorted(glob.glob(f"{ROOT}/**/i18n/*.po", recursive=True)) + sorted(
    glob.glob(f"{ROOT}/**/i18n/*.pot", recursive=True)
)


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: os.path.relpath(p, ROOT))
def test_xml_parses(path):
    etree.parse(path)


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: os.path.relpath(p, ROOT))
def test_po_parses(path):
    catalog = polib.pofile(path)
    assert len(catalog), f"{path} has no entry"


def test_glossary_is_complete():
    with open(os.path.join(ROOT, "i18n", "glossary.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 20
    for row in rows:
        assert row["english"] and row["de"] and row["zh_CN"], row


ADDONS = product_modules() + standin_modules()


def icon_path(module):
    return os.path.join(module_path(module), "static", "description", "icon.png")


@pytest.mark.parametrize("module", ADDONS)
def test_addon_has_its_icon(module):
    """The Apps list shows static/description/icon.png (tools/make_icons.py)."""
    path = icon_path(module)
    assert os.path.isfile(path), f"{module}: no icon (add it to tools/make_icons.py and run it)"
    with open(path, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{module}: icon.png is no PNG"
    width, height = struct.unpack(">II", head[16:24])
    assert width == height and 64 <= width <= 256, f"{module}: icon of {width}x{height}"
    assert os.path.getsize(path) < 50_000, f"{module}: icon.png is heavy"


def test_icons_tell_the_addons_apart():
    icons = {}
    for module in ADDONS:
        with open(icon_path(module), "rb") as fh:
            icons.setdefault(fh.read(), []).append(module)
    same = [modules for modules in icons.values() if len(modules) > 1]
    assert not same, f"the same icon for {same}"


@pytest.mark.parametrize("module", ADDONS)
def test_addon_names_its_contributors(module):
    """OCA layout: readme/CONTRIBUTORS.md, rendered into README.rst's Credits."""
    path = os.path.join(module_path(module), "readme", "CONTRIBUTORS.md")
    assert os.path.isfile(path), f"{module}: readme/CONTRIBUTORS.md missing"
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh.read().splitlines() if line.strip()]
    assert lines and all(
        line.startswith("- ") for line in lines
    ), f"{module}: CONTRIBUTORS.md is a list, one '- ' line per contributor"
    with open(os.path.join(module_path(module), "README.rst"), encoding="utf-8") as fh:
        readme = fh.read()
    assert "Contributors\n------------" in readme, f"{module}: run tools/render_readme.py"
