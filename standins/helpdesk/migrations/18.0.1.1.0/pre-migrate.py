"""``-u helpdesk`` upgrades the stand-in and every installed module on it
(docs/DEPLOY.md), also those that now reach it only through a module new in
this version: the After-Sales suite's base depends on
``helpdesk_aftersales_platform`` (which depends on this module), no longer on
``helpdesk``. Odoo follows only the installed modules that depend on the
upgraded one: the base would stay behind, not loaded ("Some modules are not
loaded"), its new dependency not installed.

As Odoo does for ``-u base`` (``ir.module.module.button_upgrade``): upgrade
those modules too; their new dependency is installed in the same run, before
them (``load_modules`` loops on the modules to install and to upgrade)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    installed = env["ir.module.module"].search([("state", "=", "installed")])
    installed.filtered(_reaches_helpdesk_through_new_module).button_upgrade()


def _reaches_helpdesk_through_new_module(module):
    """Whether ``module`` depends on a module not installed that depends on
    ``helpdesk``."""
    return any(
        dependency.state == "uninstalled"
        and "helpdesk" in dependency.depend_id.dependencies_id.mapped("name")
        for dependency in module.dependencies_id
    )
