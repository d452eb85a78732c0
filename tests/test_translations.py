"""Translators' checks: complete, unfuzzy catalogues that keep placeholders and use
the terms of i18n/glossary.csv (never its forbidden variants), Chinese with full-width
punctuation, a glossary whose sources are true, and templates in sync with the code."""

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
ENTITY = re.compile(r"&[a-z]+;|&#[0-9]+;")
CJK = re.compile(r"[\u3400-\u9fff]")
HALF_WIDTH = re.compile(r"[,:;!?()]")
SOURCES = ("documentation", "suite")
# The documentation texts the glossary quotes (Odoo's official German and Chinese
# documentation of these features), in the project's shared/ folder beside the
# repository (where CI lays it too); checked when present on the machine.
DOC_SEEDS = os.environ.get("HA_DOC_SEEDS", os.path.join(ROOT, "..", "shared", "seeds"))
DOC_FILES = {"de": "aftersales_de.txt", "zh_CN": "aftersales_zh_CN.txt"}


def glossary():
    with open(os.path.join(ROOT, "i18n", "glossary.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # Longest first: "Return Location" is checked before (and instead of) "Return".
    return sorted(rows, key=lambda r: -len(r["english"]))


def term_pattern(english):
    return re.compile(rf"(?<![\w-]){re.escape(english)}(?![\w-])")


def catalog(module, lang):
    path = os.path.join(ROOT, module, "i18n", f"{lang}.po")
    assert os.path.isfile(path), f"{module}: i18n/{lang}.po missing (run i18n/refresh.py)"
    return polib.pofile(path)


CASES = [(m, lang) for m in product_modules() for lang in LANGS]


@pytest.mark.parametrize("module", product_modules())
def test_template_exists(module):
    assert os.path.isfile(os.path.join(ROOT, module, "i18n", f"{module}.pot"))
    assert not os.path.exists(os.path.join(ROOT, module, "i18n", "en.po"))


@pytest.mark.parametrize(
    ("module", "lang"), [(m, lang) for m in product_modules() for lang in (m, *LANGS)]
)
def test_entries_whole(module, lang):
    """Every entry is one block: its ``#. module:`` line, references, msgid and
    msgstr. A bad merge of two catalogues can leave a block without its msgid or
    msgstr; polib then glues its references to the next entry, and Odoo, which
    merges the .pot's references into each .po, loads that translation onto the
    wrong records (a menu named after a portal column) and drops the code's."""
    ext = "pot" if lang == module else "po"
    with open(os.path.join(ROOT, module, "i18n", f"{lang}.{ext}"), encoding="utf-8") as fh:
        blocks = fh.read().strip().split("\n\n")[1:]  # the header first
    broken = [
        block.splitlines()[0]
        for block in blocks
        if not block.startswith(f"#. module: {module}\n")
        or "\nmsgid " not in block
        or "\nmsgstr " not in block
    ]
    assert not broken, f"{module}/{lang}.{ext}: entries cut apart (run i18n/refresh.py): {broken}"


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
            pattern = term_pattern(term["english"])
            if not pattern.search(text):
                continue
            text = pattern.sub(" ", text)
            if term[lang].lower() not in entry.msgstr.lower():
                problems.append(
                    f"{entry.msgid!r}: {term['english']!r} -> {term[lang]!r} "
                    f"expected in {entry.msgstr!r}"
                )
    assert not problems, f"{module}/{lang}.po:\n" + "\n".join(problems)


@pytest.mark.parametrize(("module", "lang"), CASES)
def test_forbidden_variants_absent(module, lang):
    """The variants the glossary rules out (Programmtyp, 过账, 退回, 交货...) never
    come back, in any entry."""
    forbidden = {
        variant: term["english"]
        for term in glossary()
        for variant in term[f"forbidden_{lang}"].split("|")
        if variant
    }
    problems = [
        f"{entry.msgid!r} -> {entry.msgstr!r}: {variant!r} is forbidden "
        f"(glossary: {english!r} -> {glossary_term(english, lang)!r})"
        for entry in catalog(module, lang).translated_entries()
        for variant, english in forbidden.items()
        if variant in entry.msgstr
    ]
    assert not problems, f"{module}/{lang}.po:\n" + "\n".join(problems)


def glossary_term(english, lang):
    return next(term[lang] for term in glossary() if term["english"] == english)


@pytest.mark.parametrize("module", product_modules())
def test_chinese_full_width_punctuation(module):
    """Chinese text uses full-width punctuation (U+FF0C, U+FF1A, U+FF08...), never
    , : ; ! ? ( ) - placeholders such as %(name)s, tags and entities aside."""
    problems = []
    for entry in catalog(module, "zh_CN").translated_entries():
        text = entry.msgstr
        for pattern in (PLACEHOLDER, TAG, ENTITY):
            text = pattern.sub(" ", text)
        if CJK.search(text) and HALF_WIDTH.search(text):
            problems.append(f"{entry.msgid!r} -> {entry.msgstr!r}")
    assert not problems, f"{module}/zh_CN.po half-width punctuation:\n" + "\n".join(problems)


def test_glossary_rows_are_used():
    """Every glossary row names a term some catalogue actually has."""
    msgids = [
        entry.msgid
        for module in product_modules()
        for entry in polib.pofile(os.path.join(ROOT, module, "i18n", f"{module}.pot"))
    ]
    unused = [
        term["english"]
        for term in glossary()
        if not any(
            re.search(term_pattern(term["english"]).pattern, msgid, re.IGNORECASE)
            for msgid in msgids
        )
    ]
    assert not unused, f"glossary rows matching no string of the suite: {unused}"


def test_glossary_sources_are_true(platform_env):
    """Each term's source is true: `core:<module>` is that module's translation of the
    same English in Odoo's catalogue; `documentation` is in the documentation text."""
    odoo = platform_env["HA_ODOO_SRC"]
    seeds = {
        lang: open(os.path.join(DOC_SEEDS, name), encoding="utf-8").read()
        for lang, name in DOC_FILES.items()
        if os.path.isfile(os.path.join(DOC_SEEDS, name))
    }
    problems = []
    for term in glossary():
        for lang in LANGS:
            source, word = term[f"source_{lang}"], term[lang]
            if source.startswith("core:"):
                path = os.path.join(odoo, "addons", source[5:], "i18n", f"{lang}.po")
                core = {e.msgid.lower(): e.msgstr for e in polib.pofile(path) if e.msgstr}
                if word.lower() not in core.get(term["english"].lower(), "").lower():
                    problems.append(f"{term['english']!r}: {word!r} is not {source}'s {lang}")
            elif source not in SOURCES:
                problems.append(f"{term['english']!r}: unknown source {source!r} for {lang}")
            elif source == "documentation" and lang in seeds and word not in seeds[lang]:
                problems.append(f"{term['english']!r}: {word!r} is not in the {lang} documentation")
    assert not problems, "glossary.csv:\n" + "\n".join(problems)


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
