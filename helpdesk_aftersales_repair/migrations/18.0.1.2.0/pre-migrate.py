"""Repairs and Refunds together gained ``helpdesk_aftersales_repair_refund``
(the Refund button of the hint of a product that cannot be repaired), installed
automatically, which Odoo does on an upgrade only when one of its dependencies
is being installed: install it when Refunds are there."""

from odoo.addons.helpdesk_aftersales import upgrade


def migrate(cr, version):
    if not version:
        return
    upgrade.install_modules(
        cr,
        ["helpdesk_aftersales_repair_refund"],
        ["helpdesk_aftersales_repair", "helpdesk_aftersales_refund"],
    )
