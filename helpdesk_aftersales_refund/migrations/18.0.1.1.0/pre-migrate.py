"""Refunds no longer depend on Inventory: the refund dialog's Lot/Serial Number
filter moved to ``helpdesk_aftersales_refund_stock``, and Returns and Refunds
together gained ``helpdesk_aftersales_return_refund``. Both glue modules are new
and installed automatically, which Odoo does on an upgrade only when one of
their dependencies is being installed: install them when theirs are there."""

from odoo.addons.helpdesk_aftersales import upgrade


def migrate(cr, version):
    if not version:
        return
    # Inventory is there (this module depended on it before this version): the
    # glue and the one it stands on (the ticket's lot, in case the upgrade of
    # helpdesk_aftersales_sale ran before without installing it).
    if upgrade.install_modules(
        cr,
        ["helpdesk_aftersales_refund_stock"],
        ["helpdesk_aftersales_refund", "sale_stock"],
    ):
        upgrade.move_fields(
            cr,
            "account.move.reversal",
            ["helpdesk_lot_id", "helpdesk_tracking"],
            "helpdesk_aftersales_refund",
            "helpdesk_aftersales_refund_stock",
        )
    # The dialog's helpdesk_sale_order_id is sale_order_id now: Odoo drops the
    # old column (a dialog's, no data) but keeps the record of its foreign key.
    cr.execute(
        "DELETE FROM ir_model_constraint"
        " WHERE name = 'account_move_reversal_helpdesk_sale_order_id_fkey' AND type = 'f'"
    )
    upgrade.install_modules(
        cr,
        ["helpdesk_aftersales_return_refund"],
        ["helpdesk_aftersales_refund", "helpdesk_aftersales_return"],
    )
