from freezegun import freeze_time

from odoo import Command


def sell_and_deliver(env, partner, product, lot=None, when="2026-01-15 10:00:00"):
    """A confirmed sales order of one ``product`` (the serial or lot ``lot``,
    put in stock first) for ``partner``, delivered on ``when`` (UTC).
    Returns the order."""
    if lot:
        warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        env["stock.quant"]._update_available_quantity(
            product, warehouse.lot_stock_id, 1, lot_id=lot
        )
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 1})],
        }
    )
    order.action_confirm()
    with freeze_time(when):
        deliveries = order.picking_ids
        deliveries.action_assign()
        if lot:
            deliveries.move_ids.move_line_ids.lot_id = lot
        deliveries.move_ids.picked = True
        # True, not a wizard: nothing is left to decide (backorder, ...).
        if deliveries.button_validate() is not True or {*deliveries.mapped("state")} != {"done"}:
            raise AssertionError(f"the deliveries {deliveries.mapped('name')} are not done")
    return order
