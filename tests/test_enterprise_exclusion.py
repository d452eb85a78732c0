"""On Odoo Enterprise the suite must not share a database with Odoo's own
after-sales modules (same team settings, same ``helpdesk.create.fsm.task``):
each manifest's ``excludes`` makes Odoo refuse the second one, in either order.

Enterprise is not available here, so modules with the Enterprise technical names
(``helpdesk_account``...) are made in a temporary addons directory, added to the
platform's addons path (the one `make run` serves: the suite's platform module is
in ``platforms/<platform>/``), and an administrator's steps are replayed in
`odoo-bin shell`: *Update Apps List*, then *Install*. Nothing of it is committed
to the suite tests' database."""

import json
import subprocess
import textwrap

from tools.devenv.addons import DEFAULT_PLATFORM, PLATFORMS
from tools.devenv.helpdesks import addons_dirs

from .conftest import ROOT, product_modules
from .odoo_shell import DEVENV, OdooDatabase
from .test_manifests import ENTERPRISE_AFTERSALES

SCRIPT = textwrap.dedent(
    """
    import json
    from odoo.exceptions import UserError

    Module = env["ir.module.module"]
    out = {"refused": {}, "state_after": {}}
    Module.update_list()
    to_install = %(install)r
    if to_install:
        Module.search([("name", "in", to_install)]).button_immediate_install()
        env = odoo.api.Environment(env.cr, env.uid, {})
        Module = env["ir.module.module"]
    out["installed"] = Module.search(
        [("name", "in", %(names)r), ("state", "=", "installed")]
    ).mapped("name")
    for name in %(attempts)r:
        # button_install is where Odoo checks the exclusions, for Apps' *Install*
        # (button_immediate_install) as for `odoo-bin -i`; each attempt is undone
        # (if it was not refused, nothing is committed either).
        env.cr.execute("SAVEPOINT attempt")
        try:
            Module.search([("name", "=", name)]).button_install()
            out["refused"][name] = None
        except UserError as exc:
            out["refused"][name] = str(exc)
        env.cr.execute("ROLLBACK TO SAVEPOINT attempt")
        env.invalidate_all()
        out["state_after"][name] = Module.search([("name", "=", name)]).state
    # Nothing of this test stays in the database (the apps list included).
    env.cr.rollback()
    print("RESULT:" + json.dumps(out))
    """
)


def platform_of(platform_env):
    """The platform of this run (`python3 -m tools.devenv pytest --platform P`)."""
    return platform_env.get("HA_PLATFORM", DEFAULT_PLATFORM)


def fake_enterprise_addons(platform_env, tmp_path):
    """Installable modules named as Odoo Enterprise's after-sales modules, on
    the platform's helpdesk: ``helpdesk`` as Enterprise's own; on the oca
    platform, whose addons path never shows ``helpdesk``, ``helpdesk_mgmt``
    (what refuses them is the suite's ``excludes`` all the same)."""
    helpdesk = PLATFORMS[platform_of(platform_env)]["platform_modules"][0]
    for name in sorted(ENTERPRISE_AFTERSALES):
        path = tmp_path / name
        path.mkdir()
        (path / "__init__.py").write_text("")
        title = "Enterprise " + name.replace("_", " ").title()
        (path / "__manifest__.py").write_text(
            repr(
                {
                    "name": title,
                    "version": "18.0.1.0.0",
                    "depends": [helpdesk],
                    "license": "OEEL-1",
                    "installable": True,
                }
            )
        )
    return str(tmp_path)


def run_shell(platform_env, db, extra_addons, install, attempts):
    # The platform's addons path (its own folder and wheels: without them the
    # suite is not loaded and nothing of it is really tried) + the fakes.
    platform = platform_of(platform_env)
    addons = addons_dirs(platform_env["HA_ODOO_SRC"], platform, platform_env["HA_PYTHON"])
    addons.append(extra_addons)
    script = SCRIPT % {
        "install": sorted(install),
        "names": sorted(ENTERPRISE_AFTERSALES | set(product_modules())),
        "attempts": sorted(attempts),
    }
    res = subprocess.run(
        [
            *DEVENV,
            "odoo",
            "--platform",
            platform,
            "--db",
            db,
            "--",
            "shell",
            "--log-level=warn",
            f"--addons-path={','.join(addons)}",
        ],
        input=script,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=platform_env,
        timeout=900,
        check=False,
    )
    lines = [line for line in res.stdout.splitlines() if line.startswith("RESULT:")]
    assert lines, res.stdout[-3000:] + res.stderr[-5000:]
    # Every module of the database loaded ("Some modules are not loaded" is an ERROR).
    assert " ERROR " not in res.stderr, res.stderr[-5000:]
    return json.loads(lines[-1][len("RESULT:") :])


def assert_refused(out, attempts, other):
    for name in attempts:
        message = out["refused"][name]
        assert message, f"{name}: installing it next to {other} was not refused"
        assert "are incompatible" in message, message
        assert out["state_after"][name] == "uninstalled", (name, out["state_after"][name])


def test_enterprise_modules_refused_where_the_suite_is_installed(platform_env, suite_db, tmp_path):
    """The suite is installed (the suite tests' database): installing any of
    Odoo's own after-sales modules is refused; nothing is kept (rolled back)."""
    db = suite_db
    out = run_shell(
        platform_env, db, fake_enterprise_addons(platform_env, tmp_path), [], ENTERPRISE_AFTERSALES
    )
    assert set(product_modules()) <= set(out["installed"]) | set(ENTERPRISE_AFTERSALES)
    assert not set(out["installed"]) & ENTERPRISE_AFTERSALES
    assert_refused(out, ENTERPRISE_AFTERSALES, "the suite")


def test_suite_refused_where_enterprise_modules_are_installed(platform_env, tmp_path):
    """Odoo's own after-sales modules are installed: installing the suite's base
    or any of its modules is refused, and none is installed."""
    db = OdooDatabase(platform_env, "ha_excl", [], platform=platform_of(platform_env))
    try:
        out = run_shell(
            platform_env,
            db.name,
            fake_enterprise_addons(platform_env, tmp_path),
            ENTERPRISE_AFTERSALES,
            product_modules(),
        )
    finally:
        db.close()
    assert set(out["installed"]) == ENTERPRISE_AFTERSALES, out["installed"]
    assert_refused(out, product_modules(), "Odoo's own after-sales modules")
    # The message names both sides, as Odoo shows it to the administrator.
    assert "Enterprise Helpdesk" in out["refused"]["helpdesk_aftersales_refund"]
