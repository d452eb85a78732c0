"""Translators' checks: complete, unfuzzy catalogues that keep placeholders and use
the terms of i18n/glossary.csv (never its forbidden variants), Odoo core's translation
of every string core already translates (unless the glossary says otherwise), Chinese
with full-width punctuation, a glossary whose sources are true, and templates in sync
with the code."""

import ast
import csv
import functools
import os
import re
import subprocess

import polib
import pytest

from .conftest import ROOT, module_path, platform_modules, product_modules, standin_modules

LANGS = ("de", "zh_CN")
PLACEHOLDER = re.compile(r"%\([A-Za-z_0-9]+\)[sdf]|%[sdf]|\{[A-Za-z_0-9.]*\}")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
ENTITY = re.compile(r"&[a-z]+;|&#[0-9]+;")
CJK = re.compile(r"[\u3400-\u9fff]")
HALF_WIDTH = re.compile(r"[,:;!?()]")
FULL_WIDTH_SPACE = re.compile(r"(?<=[\uff0c\u3002\uff1a\uff1b\uff01\uff1f\u3001\uff08\uff09]) +")
SOURCES = ("documentation", "suite")
# The documentation texts the glossary quotes (Odoo's official German and Chinese
# documentation of these features), in the project's shared/ folder beside the
# repository (where CI lays it too); checked when present on the machine.
DOC_SEEDS = os.environ.get("HA_DOC_SEEDS", os.path.join(ROOT, "..", "shared", "seeds"))
DOC_FILES = {"de": "aftersales_de.txt", "zh_CN": "aftersales_zh_CN.txt"}


@functools.cache
def glossary():
    with open(os.path.join(ROOT, "i18n", "glossary.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    # Longest first: "Return Location" is checked before (and instead of) "Return".
    return tuple(sorted(rows, key=lambda r: -len(r["english"])))


def term_pattern(english):
    return re.compile(rf"(?<![\w-]){re.escape(english)}(?![\w-])")


def catalog(module, lang):
    path = os.path.join(module_path(module), "i18n", f"{lang}.po")
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


# The catalogues checked against Odoo core's: the suite's (the default platform's
# module too) and the stand-in's that has any (the helpdesk's portal pages are the
# customer's too).
CORE_CASES = [
    (m, lang)
    for m in product_modules() + platform_modules() + standin_modules()
    if os.path.isdir(os.path.join(module_path(m), "i18n"))
    for lang in LANGS
]


def core_module_dir(odoo, name):
    for path in (os.path.join(odoo, "addons", name), os.path.join(odoo, "odoo", "addons", name)):
        if os.path.isfile(os.path.join(path, "__manifest__.py")):
            return path
    return None


@functools.cache
def core_dependencies(odoo, module):
    """The Odoo modules ``module`` depends on, directly or through other modules
    (of the suite, a stand-in or Odoo), base included: the catalogues Odoo loads
    with it."""
    ours = set(product_modules() + standin_modules() + platform_modules())
    path = module_path(module) if module in ours else core_module_dir(odoo, module)
    with open(os.path.join(path, "__manifest__.py"), encoding="utf-8") as fh:
        depends = ast.literal_eval(fh.read()).get("depends", [])
    found = set() if module in ours else {module}
    for name in {*depends, "base"} - {module}:
        found |= core_dependencies(odoo, name)
    return frozenset(found)


@functools.cache
def core_catalog(odoo, module, lang):
    """``{msgid: msgstr}`` of a core module's catalogue (its translated entries)."""
    path = os.path.join(core_module_dir(odoo, module), "i18n", f"{lang}.po")
    if not os.path.isfile(path):
        return {}
    return {e.msgid: e.msgstr for e in polib.pofile(path).translated_entries()}


def core_translations(odoo, module, lang, msgid):
    """``{msgstr: [core modules]}``: core's translations of ``msgid`` among the
    modules ``module`` depends on (some strings have two)."""
    found = {}
    for core in sorted(core_dependencies(odoo, module)):
        msgstr = core_catalog(odoo, core, lang).get(msgid)
        if msgstr:
            found.setdefault(msgstr, []).append(core)
    return found


def suite_rules_allow(msgid, msgstr, lang):
    """Whether ``msgstr`` keeps the suite's rules (the checks of this file): the
    glossary's terms for those of ``msgid``, none of its forbidden variants, and
    full-width punctuation in Chinese."""
    if lang == "zh_CN" and half_width(msgstr):
        return False
    text = msgid
    for term in glossary():
        pattern = term_pattern(term["english"])
        if pattern.search(text):
            text = pattern.sub(" ", text)
            if term[lang].lower() not in msgstr.lower():
                return False
    return not any(
        variant and variant in msgstr
        for term in glossary()
        for variant in term[f"forbidden_{lang}"].split("|")
    )


def glossary_row(msgid):
    return next((row for row in glossary() if row["english"] == msgid), None)


def core_exception(msgid, lang):
    """The glossary row that names ``msgid`` as a knowing difference from core's
    translation in ``lang`` (column ``differs_from_core``), or None."""
    row = glossary_row(msgid)
    return row if row and lang in row["differs_from_core"].split("|") else None


def core_difference(odoo, module, lang, entry):
    """Why ``entry`` breaks the rule of i18n/README.md (a string Odoo core already
    translates gets core's translation: the glossary first, then core), or None."""
    found = core_translations(odoo, module, lang, entry.msgid)
    if entry.msgstr in found or core_exception(entry.msgid, lang):
        return None
    # Core's msgstr equal to the English is core's choice where it is a word of
    # the language (German "Transfer", "Powered by"), no reference for another.
    found = {s: m for s, m in found.items() if s != entry.msgid}
    if lang == "zh_CN" and entry.msgstr in {FULL_WIDTH_SPACE.sub("", s) for s in found}:
        return None  # core's, without its stray space after a full-width sign
    if not glossary_row(entry.msgid):
        # The glossary and the style first: core's translations that miss the
        # glossary's terms, use a forbidden variant or half-width punctuation in
        # Chinese are no reference.
        found = {s: m for s, m in found.items() if suite_rules_allow(entry.msgid, s, lang)}
    if not found:
        return None
    core = " or ".join(f"{s!r} ({', '.join(m)})" for s, m in found.items())
    return f"{module}/{lang}.po: {entry.msgid!r}: suite {entry.msgstr!r}, core {core}"


@pytest.mark.parametrize(("module", "lang"), CORE_CASES)
def test_core_translations_followed(platform_env, module, lang):
    """Where Odoo core (the modules this one depends on) already translates a
    string, the suite says it the same way: one field, one wording on a screen.
    Glossary terms come first; a knowing difference is a glossary row with the
    language in ``differs_from_core`` and the why in ``note``."""
    odoo = platform_env["HA_ODOO_SRC"]
    problems = [
        problem
        for entry in catalog(module, lang).translated_entries()
        if (problem := core_difference(odoo, module, lang, entry))
    ]
    assert not problems, (
        "translated otherwise than Odoo core (take core's, or name the exception in "
        "i18n/glossary.csv: differs_from_core and note):\n" + "\n".join(problems)
    )


def test_core_exceptions_needed(platform_env):
    """Each exception the glossary names is still one: some catalogue of the suite
    translates that string otherwise than core does."""
    odoo = platform_env["HA_ODOO_SRC"]
    named = {(row["english"], lang) for row in glossary() for lang in LANGS}
    named = {(msgid, lang) for msgid, lang in named if core_exception(msgid, lang)}
    used = {
        (entry.msgid, lang)
        for module, lang in CORE_CASES
        for entry in catalog(module, lang).translated_entries()
        if (entry.msgid, lang) in named
        and set(core_translations(odoo, module, lang, entry.msgid)) - {entry.msgstr}
    }
    stale = sorted(named - used)
    assert not stale, f"glossary.csv: differs_from_core names no difference for {stale}"


def half_width(msgstr):
    """Whether Chinese ``msgstr`` has half-width punctuation (placeholders, tags
    and entities aside)."""
    text = msgstr
    for pattern in (PLACEHOLDER, TAG, ENTITY):
        text = pattern.sub(" ", text)
    return bool(CJK.search(text) and HALF_WIDTH.search(text))


@pytest.mark.parametrize("module", product_modules())
def test_chinese_full_width_punctuation(module):
    """Chinese text uses full-width punctuation (U+FF0C, U+FF1A, U+FF08...), never
    , : ; ! ? ( ) - placeholders such as %(name)s, tags and entities aside."""
    problems = [
        f"{entry.msgid!r} -> {entry.msgstr!r}"
        for entry in catalog(module, "zh_CN").translated_entries()
        if half_width(entry.msgstr)
    ]
    assert not problems, f"{module}/zh_CN.po half-width punctuation:\n" + "\n".join(problems)


def test_glossary_rows_are_used():
    """Every glossary row names a term some catalogue actually has."""
    msgids = [
        entry.msgid
        for module in {module for module, _lang in CORE_CASES}
        for entry in polib.pofile(os.path.join(module_path(module), "i18n", f"{module}.pot"))
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
