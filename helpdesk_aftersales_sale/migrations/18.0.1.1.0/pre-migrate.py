"""The ticket's Lot/Serial Number moved to ``helpdesk_aftersales_sale_stock``
(this module no longer depends on Inventory; the glue is installed
automatically with Sales and Inventory).

Odoo would delete the field, its column and the lot of every ticket at the end
of the upgrade: the field goes to the glue first, which is installed in the
same run (Inventory is installed: before this version, this module depended
on it)."""

from odoo.addons.helpdesk_aftersales import upgrade


def migrate(cr, version):
    if not version:
        return
    if upgrade.install_modules(
        cr, ["helpdesk_aftersales_sale_stock"], ["helpdesk_aftersales_sale", "sale_stock"]
    ):
        upgrade.move_fields(
            cr,
            "helpdesk.ticket",
            ["lot_id", "tracking"],
            "helpdesk_aftersales_sale",
            "helpdesk_aftersales_sale_stock",
        )
