from odoo import Command


def sell_and_deliver(env, partner, quantities, validate=True, count=1):
    """What a customer has before asking for a return: ``count`` sales orders
    of ``quantities`` (``{product: quantity}``) for ``partner`` in ``env``'s
    company, confirmed, their deliveries done unless ``validate`` is False.
    Returns the orders."""
    orders = env["sale.order"].create(
        [
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": quantity})
                    for product, quantity in quantities.items()
                ],
            }
        ]
        * count
    )
    orders.action_confirm()
    if validate:
        deliveries = orders.picking_ids
        deliveries.move_ids.picked = True
        # True, not a wizard: nothing is left to decide (backorder, ...).
        if deliveries.button_validate() is not True or {*deliveries.mapped("state")} != {"done"}:
            raise AssertionError(f"the deliveries {deliveries.mapped('name')} are not done")
    return orders


def storable_products(env, names, quantity=100):
    """Storable products named ``names``, ``quantity`` of each in stock in the
    warehouse of ``env``'s company (what a delivery takes from)."""
    stock = (
        env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1).lot_stock_id
    )
    products = env["product.product"].create(
        [{"name": name, "type": "consu", "is_storable": True} for name in names]
    )
    for product in products:
        env["stock.quant"]._update_available_quantity(product, stock, quantity)
    return products
