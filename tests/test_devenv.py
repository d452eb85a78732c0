"""The set-up's own behaviour: what it says when a Debian package is missing,
that the suite's addons are found by their manifest, what the template
database installs (read from the manifests) and how the cached databases are
keyed by the Odoo tree and dropped."""

import os
import shutil
import time

import pytest

from tools.devenv import debian, source, templates, wheelhouse
from tools.devenv.addons import addon_dirs, product_modules
from tools.devenv.common import ROOT, SetupError


def fake_machine(monkeypatch, installable):
    """A machine without wkhtmltopdf on PATH; apt-get installs it when
    ``installable`` (root with apt), else fails. Returns the apt calls."""
    installed = []

    def which(name):
        return f"/usr/bin/{name}" if name in installed else None

    def apt_install(*packages, **_kwargs):
        calls.append(packages)
        if installable:
            installed.extend(packages)
        return installable

    calls = []
    monkeypatch.setattr(debian.shutil, "which", which)
    monkeypatch.setattr(debian, "apt_install", apt_install)
    return calls


def test_missing_wkhtmltopdf_is_installed(monkeypatch, capsys):
    calls = fake_machine(monkeypatch, installable=True)
    assert debian.ensure_wkhtmltopdf() == "/usr/bin/wkhtmltopdf"
    assert calls == [("wkhtmltopdf",)]
    out = capsys.readouterr().out
    assert "installing Debian 'wkhtmltopdf'" in out
    assert "PDF reports" in out


def test_wkhtmltopdf_that_cannot_be_installed_says_how(monkeypatch):
    calls = fake_machine(monkeypatch, installable=False)
    with pytest.raises(SetupError) as exc:
        debian.ensure_wkhtmltopdf()
    assert calls == [("wkhtmltopdf",)]
    assert "wkhtmltopdf is needed" in str(exc.value)
    assert "sudo apt-get install wkhtmltopdf" in str(exc.value)


def test_installed_wkhtmltopdf_is_left_alone(monkeypatch):
    calls = []
    monkeypatch.setattr(debian.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(debian, "apt_install", lambda *p, **k: calls.append(p))
    assert debian.ensure_wkhtmltopdf() == "/usr/bin/wkhtmltopdf"
    assert calls == []


def test_addons_are_found_by_their_manifest():
    found = addon_dirs(product=True, standins=True)
    on_disk = [
        os.path.join(base, name)
        for base in (ROOT, os.path.join(ROOT, "standins"))
        for name in os.listdir(base)
        if os.path.isfile(os.path.join(base, name, "__manifest__.py"))
    ]
    assert sorted(found) == sorted(on_disk)
    assert "helpdesk_aftersales" in product_modules()
    assert "helpdesk" not in product_modules(), "stand-ins are not product modules"


# What the hand-kept list of the template's modules named before it was read
# from the manifests: every one of them is still installed.
OLD_BASE_DEPENDS = [
    "helpdesk",
    "industry_fsm",
    "industry_fsm_report",
    "account",
    "sale_management",
    "sale_stock",
    "sale_loyalty",
    "website_sale_loyalty",
    "repair",
    "project",
]


def test_the_template_installs_what_the_manifests_depend_on(platform_env):
    found = templates.dependencies(platform_env["HA_ODOO_SRC"])
    assert set(OLD_BASE_DEPENDS) <= set(found), sorted(set(OLD_BASE_DEPENDS) - set(found))
    # The stand-ins and, transitively, what Odoo installs with them: base, stock...
    assert found[:3] == ["helpdesk", "industry_fsm", "industry_fsm_report"]
    assert {"base", "mail", "stock", "website_sale"} <= set(found)
    # Never one of the suite's own addons: the tests install those.
    assert not set(found) & set(product_modules())
    assert len(found) == len(set(found))


def fake_odoo_tree(root):
    for rel in ("odoo/release.py", "odoo/addons/base/__manifest__.py", "addons/sale/models.py"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {rel}\n")
    return str(root)


def test_the_odoo_tree_key_follows_its_content(tmp_path):
    tree_key = source.tree_key.__wrapped__  # not the per-process cache
    odoo = fake_odoo_tree(tmp_path / "odoo-18.0")
    key = tree_key(odoo)
    assert tree_key(odoo) == key
    # Copied elsewhere with its times (cp -a): the same tree, the same databases.
    copy = tmp_path / "elsewhere"
    shutil.copytree(odoo, copy, copy_function=shutil.copy2)
    assert tree_key(str(copy)) == key
    # Updated in place: one file changed (as git pull or a patch does).
    sale = os.path.join(odoo, "addons", "sale", "models.py")
    with open(sale, "a") as fh:
        fh.write("# fixed\n")
    assert tree_key(odoo) != key
    # A file only touched (same size) counts too; __pycache__ does not.
    key = tree_key(odoo)
    os.utime(sale, ns=(1, 1))
    assert tree_key(odoo) != key
    key = tree_key(odoo)
    os.makedirs(os.path.join(odoo, "odoo", "__pycache__"))
    open(os.path.join(odoo, "odoo", "__pycache__", "release.cpython-311.pyc"), "w").close()
    assert tree_key(odoo) == key


def test_cached_databases_of_an_older_odoo_tree_are_dropped(monkeypatch, tmp_path):
    """The Odoo tree updated in place: the templates and suite databases built
    on it before are dropped at once; those of the same tree (other branches)
    only once unused for 6 hours; those named before the key was in names get
    their 6 hours from now."""
    existing = {
        "ha_tmpl_nodemo_aaaaaaaaaa_1111111111",  # the old tree
        "ha_cache_nodemo0a07_aaaaaaaaaa_2222222222",  # the old tree
        "ha_tmpl_nodemo_bbbbbbbbbb_3333333333",  # this tree, another branch
        "ha_cache_nodemo0a07_bbbbbbbbbb_4444444444",  # this tree
        "ha_tmpl_nodemo_604ad87b56",  # the names of before
        "ha_tmpl_nodemo_bbbbbbbbbb_5555555555_build",  # being built
    }
    dropped = []
    monkeypatch.setattr(templates, "STAMPS", str(tmp_path))
    monkeypatch.setattr(
        templates,
        "databases",
        lambda env, prefix: sorted(n for n in existing if n.startswith(prefix)),
    )

    def drop_db(env, name):
        existing.remove(name)
        dropped.append(name)

    monkeypatch.setattr(templates, "drop_db", drop_db)

    class FakePlatform:
        env = {}

    templates.drop_other_trees(FakePlatform(), "bbbbbbbbbb")
    assert sorted(dropped) == [
        "ha_cache_nodemo0a07_aaaaaaaaaa_2222222222",
        "ha_tmpl_nodemo_aaaaaaaaaa_1111111111",
    ]
    assert os.path.isfile(tmp_path / "ha_tmpl_nodemo_604ad87b56")
    # Six hours later, unused: the one of the names of before goes too.
    old = time.time() - templates.KEEP_SECONDS - 60
    os.utime(tmp_path / "ha_tmpl_nodemo_604ad87b56", (old, old))
    dropped.clear()
    templates.drop_other_trees(FakePlatform(), "bbbbbbbbbb")
    assert dropped == ["ha_tmpl_nodemo_604ad87b56"]


def test_wheelhouses_of_other_requirements_go_once_unused(monkeypatch, tmp_path):
    """A wheelhouse of another requirement set goes after a week unused; the
    one in use and the recent ones (another work tree's) stay."""
    monkeypatch.setattr(wheelhouse, "CACHE", str(tmp_path))
    week = wheelhouse.KEEP_DAYS * 86400
    ages = {"wheelhouse-current": 2 * week, "wheelhouse-old": 2 * week, "wheelhouse-recent": 3600}
    for name, age in ages.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.whl").write_text("")
        os.utime(tmp_path / name, (time.time() - age, time.time() - age))
    wheelhouse.drop_unused(keep=str(tmp_path / "wheelhouse-current"))
    assert sorted(os.listdir(tmp_path)) == ["wheelhouse-current", "wheelhouse-recent"]
