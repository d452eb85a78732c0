"""Returns and Refunds together gained ``helpdesk_aftersales_return_refund``
(Return and Refund), installed automatically, which Odoo does on an upgrade
only when one of its dependencies is being installed: install it when Refunds
are there (also when only this module is upgraded)."""

from odoo.addons.helpdesk_aftersales import upgrade


def migrate(cr, version):
    if not version:
        return
    upgrade.install_modules(
        cr,
        ["helpdesk_aftersales_return_refund"],
        ["helpdesk_aftersales_return", "helpdesk_aftersales_refund"],
    )
