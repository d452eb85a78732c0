from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        check_company=True,
        domain="[('partner_id', 'child_of', commercial_partner_id or []),"
        " ('state', '=', 'sale')]",
        help="The order the customer's request is about.",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        check_company=True,
        domain="[('type', '!=', 'service')]",
        help="The product the customer's request is about.",
    )
    tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.lot_id.product_id != self.product_id:
            self.lot_id = False
