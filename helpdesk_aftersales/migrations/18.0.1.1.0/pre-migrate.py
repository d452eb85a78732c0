"""The suite's pages extend those of the helpdesk stand-in of this version (the
ticket's portal page extends its My Tickets page): upgrading the suite without
the stand-in (``-u helpdesk_aftersales``) stopped on a view with a
``ParseError``. Stop first, with what to run instead."""

from odoo.exceptions import UserError
from odoo.tools.parse_version import parse_version

# The stand-in's version whose views this version of the suite extends.
STANDIN_VERSION = "18.0.1.1.0"


def migrate(cr, version):
    if not version:
        return
    cr.execute("SELECT latest_version, author FROM ir_module_module WHERE name = 'helpdesk'")
    installed, author = cr.fetchone()
    # Only the stand-in (on Odoo Enterprise, its own Helpdesk app is there).
    if "Helpdesk After-Sales" not in (author or ""):
        return
    if parse_version(installed or "0") < parse_version(STANDIN_VERSION):
        raise UserError(
            f"Upgrade the helpdesk stand-in with the suite: run odoo-bin with -u helpdesk "
            f"(the stand-in and every module of the suite) instead. The stand-in is at "
            f"{installed}, the suite needs {STANDIN_VERSION}; nothing of the suite was changed."
        )
