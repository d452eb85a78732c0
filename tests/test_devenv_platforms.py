"""The set-up of the two helpdesk platforms (tools/devenv/addons.py
PLATFORMS): helpdesk_mgmt's pinned wheel installed without dependencies
outside the shared virtualenv, an addons path on which the two helpdesks never
meet, a template database per platform, `make test` running the bridges' Odoo
tests on both, and one demo database per platform. A faked machine where the
real one would install or run Odoo."""

import os
import re
import types

import pytest

from tools.devenv import addons, demo, helpdesks, templates, testrun
from tools.devenv.addons import (
    DEFAULT_PLATFORM,
    PLATFORMS,
    addon_dirs,
    hidden_modules,
    product_modules,
)
from tools.devenv.common import ROOT, STANDINS, SetupError


def visible_modules(folders):
    """Technical name → folders holding it, over an addons path."""
    found = {}
    for folder in folders:
        for name in os.listdir(folder):
            if os.path.isfile(os.path.join(folder, name, "__manifest__.py")):
                found.setdefault(name, []).append(folder)
    return found


def fake_pip(monkeypatch, tmp_path):
    """pip install --target makes ``odoo/addons/<name>`` of each wheel given;
    returns the commands run."""
    calls = []

    def run(cmd, **_kwargs):
        calls.append(cmd)
        target = cmd[cmd.index("--target") + 1]
        for spec in cmd[cmd.index(target) + 1 :]:
            name = spec.split("==")[0].removeprefix("odoo-addon-")
            os.makedirs(os.path.join(target, "odoo", "addons", name))
            with open(os.path.join(target, "odoo", "addons", name, "__manifest__.py"), "w") as fh:
                fh.write("{}")
        return types.SimpleNamespace(returncode=0, stderr="")

    monkeypatch.setattr(helpdesks, "CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(helpdesks, "VIEWS", str(tmp_path / "cache" / "addons-views"))
    monkeypatch.setattr(helpdesks.subprocess, "run", run)
    return calls


def test_helpdesk_mgmt_is_pinned_to_one_wheel():
    (wheel,) = PLATFORMS["oca"]["wheels"]
    assert re.fullmatch(r"odoo-addon-helpdesk_mgmt==18\.0\.1\.19\.\d+", wheel)
    assert "helpdesk_mgmt" in PLATFORMS["oca"]["platform_modules"]
    assert "helpdesk" in PLATFORMS[DEFAULT_PLATFORM]["platform_modules"]


def test_the_wheel_is_installed_once_without_dependencies_outside_the_venv(monkeypatch, tmp_path):
    """``--no-deps`` (it requires odoo==18.0.*, which no index holds for a
    source tree), into a cached folder of its own: never the shared
    virtualenv's site-packages, whose odoo/addons every platform would see."""
    calls = fake_pip(monkeypatch, tmp_path)
    folder = helpdesks.wheels_dir("oca", "/venv/bin/python")
    assert folder.startswith(str(tmp_path / "cache" / "platform-oca-"))
    assert os.path.isdir(os.path.join(folder, "odoo", "addons", "helpdesk_mgmt"))
    ((python, *pip),) = calls
    assert python == "/venv/bin/python"
    assert pip[:4] == ["-m", "pip", "install", "-q"]
    assert "--no-deps" in pip and PLATFORMS["oca"]["wheels"][0] in pip
    # Installed: the next run uses it as it is.
    assert helpdesks.wheels_dir("oca", "/venv/bin/python") == folder
    assert len(calls) == 1
    assert helpdesks.wheels_dir(DEFAULT_PLATFORM, "/venv/bin/python") is None


def test_a_wheel_pip_cannot_install_says_so_and_is_tried_again(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(helpdesks, "CACHE", str(tmp_path))
    monkeypatch.setattr(
        helpdesks.subprocess,
        "run",
        lambda cmd, **kw: calls.append(cmd)
        or types.SimpleNamespace(returncode=1, stderr="No matching distribution"),
    )
    for attempt in (1, 2):
        with pytest.raises(SetupError) as exc:
            helpdesks.wheels_dir("oca", "/venv/bin/python")
        assert "odoo-addon-helpdesk_mgmt==" in str(exc.value)
        assert "No matching distribution" in str(exc.value)
        assert len(calls) == attempt


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_the_two_helpdesks_never_meet_on_an_addons_path(monkeypatch, tmp_path, platform):
    """On oca: helpdesk_mgmt from the wheel, no stand-in ``helpdesk`` (the
    stand-ins of Field Service still there) and no folder of another platform;
    on the stand-in: no helpdesk_mgmt. Each module in one folder only."""
    fake_pip(monkeypatch, tmp_path)
    odoo = str(tmp_path / "odoo")
    for folder in ("odoo/addons/base", "addons/mail"):
        os.makedirs(os.path.join(odoo, folder))
        open(os.path.join(odoo, folder, "__manifest__.py"), "w").close()
    folders = helpdesks.addons_dirs(odoo, platform, "/venv/bin/python")
    visible = visible_modules(folders)
    own = set(PLATFORMS[platform]["platform_modules"])
    assert not hidden_modules(platform) & set(visible)
    assert {"helpdesk", "helpdesk_mgmt"} & set(visible) <= own
    assert {"industry_fsm", "industry_fsm_report", "base", "mail"} <= set(visible)
    assert set(product_modules(platform)) <= set(visible)
    assert all(len(where) == 1 for where in visible.values()), visible
    for other in set(PLATFORMS) - {platform}:
        for path in PLATFORMS[other].get("addons", ()):
            assert os.path.join(ROOT, path) not in folders
    if platform == DEFAULT_PLATFORM:
        assert folders[2] == STANDINS  # as before the platforms: the cached databases stay
        assert folders[-1] == ROOT


def test_a_view_of_a_folder_follows_its_addons(monkeypatch, tmp_path):
    """The links of a folder's view follow the folder: an addon added or
    removed there is added or removed in the view."""
    monkeypatch.setattr(helpdesks, "VIEWS", str(tmp_path / "views"))
    folder = tmp_path / "standins"
    for name in ("helpdesk", "industry_fsm"):
        (folder / name).mkdir(parents=True)
        (folder / name / "__manifest__.py").write_text("{}")
    view = helpdesks.addons_view("oca", str(folder))
    assert sorted(os.listdir(view)) == ["industry_fsm"]
    (folder / "other_standin").mkdir()
    (folder / "other_standin" / "__manifest__.py").write_text("{}")
    os.rename(folder / "industry_fsm", folder / "industry_fsm_renamed")
    assert helpdesks.addons_view("oca", str(folder)) == view
    assert sorted(os.listdir(view)) == ["industry_fsm_renamed", "other_standin"]
    assert os.path.realpath(os.path.join(view, "other_standin")) == str(folder / "other_standin")
    # A folder without another platform's module is used as it is.
    assert helpdesks.addons_view(DEFAULT_PLATFORM, str(folder)) == str(folder)


def test_each_platform_has_its_template_and_suite_databases():
    """Other names, other locks, other eviction: the stand-in's keep the names
    of before (its cached databases stay valid)."""
    depends = ["helpdesk", "base"]
    assert templates.template_kind(DEFAULT_PLATFORM, False) == "nodemo"
    assert templates.template_kind(DEFAULT_PLATFORM, True) == "demo"
    assert templates.template_kind("oca", False) == "nodemooca"
    assert templates.template_key(depends, False) == templates.template_key(
        depends, False, DEFAULT_PLATFORM
    )
    assert templates.template_key(depends, False, "oca") != templates.template_key(depends, False)
    # The Odoo tree's key stays the fourth part of the name: dropped with its tree.
    assert templates.odoo_key_of("ha_tmpl_nodemooca_c4f5377b96_6b4c8ed503") == "c4f5377b96"


class FakePlatform:
    def __init__(self, name=DEFAULT_PLATFORM):
        self.name, self.env = name, {}


def fake_test_run(monkeypatch):
    """`make test` on a faked machine: every Odoo run passes 3 tests; returns
    the (platform, modules) of each Odoo run and the suite-level test starts."""
    runs, suites = [], []
    monkeypatch.setattr(testrun, "ensure_chromium", lambda: None)
    monkeypatch.setattr(testrun, "ensure_wkhtmltopdf", lambda: None)
    monkeypatch.setattr(testrun, "Platform", FakePlatform)
    monkeypatch.setattr(testrun, "template", lambda platform: f"ha_tmpl_{platform.name}")
    monkeypatch.setattr(testrun, "drop_db", lambda env, db: None)

    def odoo_tests(platform, modules, db, source):
        assert source == f"ha_tmpl_{platform.name}"
        runs.append((platform.name, modules, db))
        return 3, 0, [], 0

    def finish_suite_tests(platform, threads, totals):
        totals.add("suite tests", 10, 0, 1.0)

    monkeypatch.setattr(testrun, "odoo_tests", odoo_tests)
    monkeypatch.setattr(testrun, "start_suite_tests", lambda p, m: suites.append(p.name) or [])
    monkeypatch.setattr(testrun, "finish_suite_tests", finish_suite_tests)
    return runs, suites


def test_make_test_runs_the_bridges_on_every_platform(monkeypatch, capsys):
    """The default platform: the product modules and the tested stand-ins,
    with the suite-level tests alongside; the other platforms: their product
    modules only (may grow, not double)."""
    runs, suites = fake_test_run(monkeypatch)
    args = types.SimpleNamespace(modules=None, platform=None, keep=False)
    assert testrun.cmd_test(args) == 0
    assert suites == [DEFAULT_PLATFORM]
    expected = [(DEFAULT_PLATFORM, product_modules() + addons.tested_standins())]
    expected += [(name, product_modules(name)) for name in PLATFORMS if name != DEFAULT_PLATFORM]
    assert [(name, modules) for name, modules, _db in runs] == expected
    oca = product_modules("oca")
    assert "helpdesk_aftersales" in oca and "helpdesk_aftersales_refund" in oca
    assert not set(oca) & ({"helpdesk"} | set(addons.tested_standins()))
    assert len({db for _name, _modules, db in runs}) == len(runs)
    out = capsys.readouterr().out
    assert re.search(r"Odoo tests on oca \(\d+ modules: install \+ tests\) +[\d.]+ min", out)
    assert out.splitlines()[-1] == f"{3 * len(runs) + 10} passed, 0 failed"


def test_the_fast_loop_runs_some_modules_on_one_platform(monkeypatch, capsys):
    runs, suites = fake_test_run(monkeypatch)
    args = types.SimpleNamespace(modules="helpdesk_aftersales_refund", platform="oca", keep=False)
    assert testrun.cmd_test(args) == 0
    assert [(name, modules) for name, modules, _db in runs] == [
        ("oca", ["helpdesk_aftersales_refund"])
    ]
    assert suites == []
    assert capsys.readouterr().out.splitlines()[-1] == "3 passed, 0 failed"


def test_no_odoo_test_run_on_a_platform_fails(monkeypatch, capsys):
    fake_test_run(monkeypatch)
    monkeypatch.setattr(testrun, "odoo_tests", lambda platform, modules, db, source: (0, 0, [], 0))
    args = types.SimpleNamespace(modules=None, platform="oca", keep=False)
    assert testrun.cmd_test(args) == 1
    out = capsys.readouterr().out
    assert "PROBLEM: oca: no Odoo test ran on oca" in out
    assert out.splitlines()[-1] == "0 passed, 1 failed"


def test_each_platform_has_its_demo_database(monkeypatch):
    """`make run PLATFORM=oca` serves its own database; a database of the
    other helpdesk is refused rather than opened without its modules."""
    assert demo.demo_db(DEFAULT_PLATFORM) == "helpdesk_aftersales_demo"
    assert demo.demo_db("oca") == "helpdesk_aftersales_demo_oca"
    assert set(demo.TICKETS_ACTION) == set(PLATFORMS)
    installed = {"helpdesk", "helpdesk_aftersales"}
    monkeypatch.setattr(demo, "installed_modules", lambda env, db, names: installed & set(names))
    with pytest.raises(SetupError) as exc:
        demo.check_db_platform(FakePlatform("oca"), "helpdesk_aftersales_demo")
    assert "helpdesk_aftersales_demo has helpdesk installed" in str(exc.value)
    demo.check_db_platform(FakePlatform(DEFAULT_PLATFORM), "helpdesk_aftersales_demo")


def test_platform_folders_are_addons_of_the_repository():
    """Every platform's own folders hold addons of the suite (listed by
    ``addon_dirs(platforms=True)`` for lint, dist and the manifest tests)."""
    own = addon_dirs(product=False, platforms=True)
    for name in PLATFORMS:
        for path in PLATFORMS[name].get("addons", ()):
            assert not os.path.isabs(path) and not path.startswith(".."), path
    assert all(path.startswith(os.path.join(ROOT, "platforms")) for path in own)


def test_the_oca_template_installs_helpdesk_mgmt_not_the_standin(platform_env):
    """Read by manifestoo on the oca platform's addons path (the wheel
    installed by the set-up): helpdesk_mgmt and what the suite depends on,
    the Field Service stand-ins, never the stand-in helpdesk nor the suite's
    own modules (the tests install those)."""
    found = templates.dependencies(platform_env["HA_ODOO_SRC"], "oca", platform_env["HA_PYTHON"])
    assert "helpdesk_mgmt" in found and "helpdesk" not in found
    assert found[:2] == ["industry_fsm", "industry_fsm_report"]
    assert {"sale_management", "sale_stock", "repair", "website_sale_loyalty"} <= set(found)
    assert not set(found) & set(product_modules("oca"))
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("db", "platform", "expected"),
    [("", "oca", ""), (None, "oca", "helpdesk_aftersales_demo_oca"), ("x", "standin", "x")],
)
def test_odoo_command_opens_the_platform_s_database(monkeypatch, db, platform, expected):
    """``odoo --db ""``: no database (an Odoo shell without one); no --db: the
    platform's demo database."""
    from tools.devenv import cli

    opened = []

    class Platform(FakePlatform):
        def odoo_cmd(self, name, *args, command=None):
            opened.append(name)
            return ["true"]

    monkeypatch.setattr(cli, "Platform", Platform)
    monkeypatch.setattr(cli, "db_exists", lambda env, name: False)
    args = types.SimpleNamespace(platform=platform, db=db, rest=["--", "shell"])
    assert cli.cmd_odoo(args) == 0
    assert opened == [expected]
