import csv
import glob
import os

import polib
import pytest
from lxml import etree

from .conftest import ROOT

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
