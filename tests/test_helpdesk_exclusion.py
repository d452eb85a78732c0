"""The two helpdesks the suite runs on never meet in one database: each
platform's ``helpdesk_aftersales_platform`` excludes the other helpdesk (the
stand-in's excludes ``helpdesk_mgmt``, OCA's excludes ``helpdesk``), so Odoo
refuses the second one with its "incompatible" message, in either order.

The platforms' addons paths never show the other helpdesk, so the real one is
added, as an administrator would drop it in: on the stand-in platform, the
pinned helpdesk_mgmt wheel's addon (the folder the oca platform uses); on the
oca platform, ``standins/helpdesk``. Then *Update Apps List* and *Install*
are replayed in `odoo-bin shell` (test_enterprise_exclusion.run_shell), and
nothing is committed."""

import ast
import os

from tools.devenv.addons import PLATFORMS
from tools.devenv.helpdesks import wheels_dir

from .conftest import ROOT, STANDINS, product_modules
from .odoo_shell import OdooDatabase
from .test_enterprise_exclusion import platform_of, run_shell


def other_helpdesk(platform_env):
    """The helpdesk of the other platform: (module name, its folder)."""
    if platform_of(platform_env) == "oca":
        return "helpdesk", os.path.join(STANDINS, "helpdesk")
    wheels = wheels_dir("oca", platform_env["HA_PYTHON"])
    return "helpdesk_mgmt", os.path.join(wheels, "odoo", "addons", "helpdesk_mgmt")


def other_helpdesk_addons(platform_env, tmp_path):
    """A folder holding the other helpdesk only (a link to the real addon)."""
    name, folder = other_helpdesk(platform_env)
    os.symlink(folder, tmp_path / name)
    return name, str(tmp_path)


def manifest_name(folder):
    with open(os.path.join(folder, "__manifest__.py"), encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())["name"]


def expected_message(platform_env):
    """Odoo's message, as the administrator reads it: the suite's platform
    module (whose ``excludes`` refuses) and the other helpdesk, by their names."""
    own = os.path.join(ROOT, PLATFORMS[platform_of(platform_env)]["addons"][0])
    platform_module = manifest_name(os.path.join(own, "helpdesk_aftersales_platform"))
    other = manifest_name(other_helpdesk(platform_env)[1])
    return f'Modules "{platform_module}" and "{other}" are incompatible.'


def test_other_helpdesk_refused_where_the_suite_is_installed(platform_env, suite_db, tmp_path):
    """The suite is installed: installing the other helpdesk is refused (before
    any of its dependencies is installed), and it stays uninstalled."""
    name, addons = other_helpdesk_addons(platform_env, tmp_path)
    out = run_shell(platform_env, suite_db, addons, [], [name])
    assert set(product_modules()) <= set(out["installed"])
    assert out["refused"][name] == expected_message(platform_env)
    assert out["state_after"][name] == "uninstalled"


def test_suite_refused_where_the_other_helpdesk_is_installed(platform_env, tmp_path):
    """The other helpdesk is installed: installing the suite's base (or any of
    its modules, which depend on it) is refused; none is installed."""
    name, addons = other_helpdesk_addons(platform_env, tmp_path)
    db = OdooDatabase(platform_env, "ha_hdx", [], platform=platform_of(platform_env))
    try:
        out = run_shell(platform_env, db.name, addons, [name], ["helpdesk_aftersales"])
    finally:
        db.close()
    assert out["installed"] == [], out["installed"]
    assert out["refused"]["helpdesk_aftersales"] == expected_message(platform_env)
    assert out["state_after"]["helpdesk_aftersales"] == "uninstalled"
