"""Translators' checks: complete, unfuzzy catalogues that keep placeholders and use
the official terms of i18n/glossary.csv, and templates in sync with the code."""

import csv
import os
import re
import subprocess

import polib
import pytest

from .conftest import ROOT, product_modules

LANGS = ("de", "zh_CN")
PLACEHOLDER = re.compile(r"%\([A-Za-z_0-9]+\)[sdf]|%[sdf]|\{[A-Za-z_0-9.]*\}")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>")


def glossary():
    with open(os.path.join(ROOT, "i18n", "glossary.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # Longest first: "Return Location" is checked before (and instead of) "Return".
    return sorted(rows, key=lambda r: -len(r["english"]))


def catalog(module, lang):
    path = os.path.join(ROOT, module, "i18n", f"{lang}.po")
    assert os.path.isfile(path), f"{module}: i18n/{lang}.po missing (run i18n/refresh.py)"
    return polib.pofile(path)


CASES = [(m, lang) for m in product_modules() for lang in LANGS]


@pytest.mark.parametrize("module", product_modules())
def test_template_exists(module):
    assert os.path.isfile(os.path.join(ROOT, module, "i18n", f"{module}.pot"))
    assert not os.path.exists(os.path.join(ROOT, module, "i18n", "en.po"))


@pytest.mark.parametrize(("module", "lang"), CASES)
def test_fully_translated_without_fuzzy(module, lang):
    po = catalog(module, lang)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{module}/{lang}.po untranslated: {untranslated}"
    assert not fuzzy, f"{module}/{lang}.po fuzzy: {fuzzy}"
    assert po.metadata.get("Language") == lang


@pytest.mark.parametrize(("module", "lang"), CASES)
def test_placeholders_and_tags_kept(module, lang):
    for entry in catalog(module, lang).translated_entries():
        for pattern in (PLACEHOLDER, TAG):
            source = sorted(pattern.findall(entry.msgid))
            target = sorted(pattern.findall(entry.msgstr))
            assert source == target, (
                f"{module}/{lang}.po: {entry.msgid!r} -> {entry.msgstr!r}: " f"{source} != {target}"
            )


@pytest.mark.parametrize(("module", "lang"), CASES)
def test_glossary_terms_used(module, lang):
    terms = glossary()
    problems = []
    for entry in catalog(module, lang).translated_entries():
        text = entry.msgid
        for term in terms:
            pattern = re.compile(rf"(?<![\w-]){re.escape(term['english'])}(?![\w-])")
            if not pattern.search(text):
                continue
            text = pattern.sub(" ", text)
            if term[lang].lower() not in entry.msgstr.lower():
                problems.append(
                    f"{entry.msgid!r}: {term['english']!r} -> {term[lang]!r} "
                    f"expected in {entry.msgstr!r}"
                )
    assert not problems, f"{module}/{lang}.po:\n" + "\n".join(problems)


def test_templates_in_sync_with_code(platform_env, suite_db):
    """Export every module from a database with the whole suite installed (from
    the current files) and compare with the committed .pot: a string in the
    code missing from it fails."""
    res = subprocess.run(
        ["python3", os.path.join(ROOT, "i18n", "refresh.py"), "--check", "--db", suite_db],
        capture_output=True,
        text=True,
        env=platform_env,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
