"""i18n/refresh.py keeps translators' work: the merge of a fresh template into a
catalogue (i18n/pomerge.py), on small sample catalogues and on the suite's own."""

import importlib.util
import os
import subprocess
import sys

import polib
import pytest

from .conftest import ROOT, product_modules

spec = importlib.util.spec_from_file_location("pomerge", os.path.join(ROOT, "i18n", "pomerge.py"))
pomerge = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pomerge)

POT = r"""# Translation of Odoo Server.
# This file contains the translation of the following modules:
# 	* helpdesk_aftersales_return
#
msgid ""
msgstr ""
"Project-Id-Version: Odoo Server 18.0\n"
"POT-Creation-Date: 2026-12-01 10:00+0000\n"
"PO-Revision-Date: 2026-12-01 10:00+0000\n"
"Last-Translator: \n"
"Language-Team: \n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: \n"
"Plural-Forms: \n"

#. module: helpdesk_aftersales_return
#: model_terms:ir.ui.view,arch_db:helpdesk_aftersales_return.view
msgid "Return"
msgstr ""

#. module: helpdesk_aftersales_return
#: model_terms:ir.ui.view,arch_db:helpdesk_aftersales_return.view
msgid "Return for Exchange"
msgstr ""

#. module: helpdesk_aftersales_return
#: code:addons/helpdesk_aftersales_return/wizard/helpdesk_stock_return.py:0
msgid "Only done deliveries can be returned: %(picking)s is not done yet."
msgstr ""

#. module: helpdesk_aftersales_return
#: model:ir.model.fields,field_description:helpdesk_aftersales_return.field
msgid "Replacement Warehouse"
msgstr ""
"""

PO = r"""# Translation of Odoo Server.
# This file contains the translation of the following modules:
# 	* helpdesk_aftersales_return
# Reviewed by the German team.
#
msgid ""
msgstr ""
"Project-Id-Version: Odoo Server 18.0\n"
"POT-Creation-Date: 2026-11-22 18:09+0000\n"
"PO-Revision-Date: 2026-11-25 09:00+0000\n"
"Last-Translator: Anna Schmidt <anna@example.com>\n"
"Language-Team: German <de@example.com>\n"
"Language: de\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: \n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

# Term from the documentation: keep "Retoure".
#. module: helpdesk_aftersales_return
#: model_terms:ir.ui.view,arch_db:helpdesk_aftersales_return.view
msgid "Return"
msgstr "Retoure"

#. module: helpdesk_aftersales_return
#: model_terms:ir.ui.view,arch_db:helpdesk_aftersales_return.view
#, fuzzy
msgid "Return for Exchange"
msgstr "Zum Umtausch retournieren"

# Checked against the error in the Return dialog.
#. module: helpdesk_aftersales_return
#: code:addons/helpdesk_aftersales_return/wizard/helpdesk_stock_return.py:0
msgid "Only done deliveries can be returned: %(picking)s is not one."
msgstr ""
"Nur erledigte Lieferungen können retourniert werden: %(picking)s ist noch "
"nicht erledigt."

#. module: helpdesk_aftersales_return
#: model:ir.model.fields,field_description:helpdesk_aftersales_return.gone
msgid "Allowed Deliveries"
msgstr "Zulässige Lieferungen"
"""


@pytest.fixture
def merged():
    pot = polib.pofile(POT, wrapwidth=pomerge.WRAPWIDTH)
    old = polib.pofile(PO, wrapwidth=pomerge.WRAPWIDTH)
    return pomerge.merge_catalogs(pot, old, "de")


def entry(po, msgid):
    return po.find(msgid)


def test_unchanged_translation_kept_with_comment(merged):
    ret = entry(merged, "Return")
    assert ret.msgstr == "Retoure"
    assert ret.tcomment == 'Term from the documentation: keep "Retoure".'
    assert not ret.fuzzy
    assert ret.comment == "module: helpdesk_aftersales_return"


def test_fuzzy_flag_kept(merged):
    """An unreviewed translation stays unreviewed (the checks then refuse it)."""
    exchange = entry(merged, "Return for Exchange")
    assert exchange.msgstr == "Zum Umtausch retournieren"
    assert exchange.fuzzy
    assert [e.msgid for e in merged.fuzzy_entries()] == [
        "Return for Exchange",
        "Only done deliveries can be returned: %(picking)s is not done yet.",
    ]


def test_changed_english_keeps_old_translation_as_fuzzy_suggestion(merged):
    changed = entry(merged, "Only done deliveries can be returned: %(picking)s is not done yet.")
    assert changed.msgstr.startswith("Nur erledigte Lieferungen können retourniert werden")
    assert changed.fuzzy
    assert changed.previous_msgid == "Only done deliveries can be returned: %(picking)s is not one."
    assert changed.tcomment == "Checked against the error in the Return dialog."
    text = str(merged)
    assert '#| msgid "Only done deliveries can be returned: %(picking)s is not one."' in text


def test_new_entry_empty_and_vanished_entry_gone(merged):
    """'Replacement Warehouse' is no rewording of the vanished 'Allowed Deliveries'."""
    new = entry(merged, "Replacement Warehouse")
    assert new.msgstr == "" and not new.fuzzy and new.previous_msgid is None
    assert entry(merged, "Allowed Deliveries") is None
    assert [e.msgid for e in merged] == [e.msgid for e in polib.pofile(POT)]


def test_header_kept(merged):
    assert merged.metadata["Last-Translator"] == "Anna Schmidt <anna@example.com>"
    assert merged.metadata["Language-Team"] == "German <de@example.com>"
    assert merged.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert merged.metadata["PO-Revision-Date"] == "2026-11-25 09:00+0000"
    assert merged.metadata["Language"] == "de"
    assert merged.metadata["POT-Creation-Date"] == "2026-12-01 10:00+0000"
    assert "Reviewed by the German team." in merged.header


@pytest.mark.parametrize("lang", ["de", "zh_CN"])
def test_new_catalogue_gets_plural_forms(lang):
    new = pomerge.merge_catalogs(polib.pofile(POT), None, lang)
    assert new.metadata["Language"] == lang
    assert new.metadata["Plural-Forms"] == pomerge.PLURAL_FORMS[lang]
    assert all(e.msgstr == "" for e in new)


def test_merge_file_writes_the_catalogue(tmp_path):
    pot_path, po_path = tmp_path / "m.pot", tmp_path / "de.po"
    pot_path.write_text(POT, encoding="utf-8")
    po_path.write_text(PO, encoding="utf-8")
    pomerge.merge_file(str(pot_path), str(po_path), "de")
    po = polib.pofile(str(po_path))
    assert po.find("Return").msgstr == "Retoure"
    assert po.find("Return for Exchange").fuzzy


@pytest.mark.parametrize("module", product_modules())
@pytest.mark.parametrize("lang", ["de", "zh_CN"])
def test_refresh_of_an_up_to_date_catalogue_changes_nothing(module, lang):
    """Merging a module's own template into its catalogue gives the same file back,
    byte for byte: a refresh without code change leaves no diff to review."""
    i18n = os.path.join(ROOT, module, "i18n")
    path = os.path.join(i18n, f"{lang}.po")
    with open(path, encoding="utf-8") as fh:
        before = fh.read()
    pot = polib.pofile(os.path.join(i18n, f"{module}.pot"), wrapwidth=pomerge.WRAPWIDTH)
    old = polib.pofile(path, wrapwidth=pomerge.WRAPWIDTH)
    assert str(pomerge.merge_catalogs(pot, old, lang)) == before


def test_refresh_finds_the_stand_ins_and_refuses_unknown_names():
    """`--modules helpdesk` refreshes the stand-in's catalogues in standins/
    (it once wrote a stray ./helpdesk/i18n at the root); a name that is no
    addon of the suite is refused before anything is exported."""
    spec = importlib.util.spec_from_file_location(
        "refresh", os.path.join(ROOT, "i18n", "refresh.py")
    )
    refresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(refresh)
    assert refresh.pot_file("helpdesk") == os.path.join(
        ROOT, "standins", "helpdesk", "i18n", "helpdesk.pot"
    )
    assert refresh.module_dir("no_such_addon") is None
    res = subprocess.run(
        [sys.executable, os.path.join(ROOT, "i18n", "refresh.py"), "--modules", "no_such_addon"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 2
    assert "not an addon of the suite or a stand-in: no_such_addon" in res.stderr
    assert not os.path.exists(os.path.join(ROOT, "no_such_addon"))
