"""This module's pages extend those of the helpdesk stand-in of this version
(its My Tickets page, new in 18.0.1.1.0). Upgrading a database of 18.0.1.0.0
without the stand-in (``-u helpdesk_aftersales``) installs this module, a new
dependency of the suite's base, on the stand-in of 18.0.1.0.0: it stopped on a
view with a ``ParseError``. Stop first, with what to run instead."""

from odoo.exceptions import UserError
from odoo.tools.parse_version import parse_version

# The stand-in's version whose views this module extends.
STANDIN_VERSION = "18.0.1.1.0"


def pre_init_hook(env):
    env.cr.execute("SELECT latest_version, author FROM ir_module_module WHERE name = 'helpdesk'")
    installed, author = env.cr.fetchone()
    # Only the stand-in (on Odoo Enterprise, its own Helpdesk app is there).
    if "Helpdesk After-Sales" not in (author or ""):
        return
    if parse_version(installed or "0") < parse_version(STANDIN_VERSION):
        # Read in odoo-bin's log by the administrator upgrading, in no user's
        # language (as the migration scripts' messages).
        raise UserError(  # pylint: disable=translation-required
            f"Upgrade the helpdesk stand-in with the suite: run odoo-bin with -u helpdesk "
            f"(the stand-in and every module of the suite) instead. The stand-in is at "
            f"{installed}, the suite needs {STANDIN_VERSION}; nothing of the suite was changed."
        )
