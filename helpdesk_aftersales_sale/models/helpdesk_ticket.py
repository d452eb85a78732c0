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
        domain="[('id', 'in', sale_order_product_ids)] if sale_order_id"
        " else [('type', '!=', 'service')]",
        help="The product the customer's request is about.",
    )
    sale_order_product_ids = fields.Many2many(
        "product.product",
        string="Products of the Sales Order",
        compute="_compute_sale_order_product_ids",
    )

    @api.constrains("sale_order_id", "product_id")
    def _check_aftersales_sale_company(self):
        # check_company=True is only enforced on write by models with
        # _check_company_auto, which the ticket is not.
        self._check_company(["sale_order_id", "product_id"])

    @api.depends("sale_order_id")
    def _compute_sale_order_product_ids(self):
        # sudo: agents without Sales rights open tickets that have an order too;
        # they get the order's products (readable to them), not the order.
        for ticket in self:
            order = ticket.sale_order_id.sudo()
            ticket.sale_order_product_ids = order.order_line.product_id.filtered(
                lambda product: product.type != "service"
            ).sudo(False)

    @api.onchange("partner_id")
    def _onchange_partner_id_sale_order(self):
        # An order of the previous customer is not this customer's.
        order_customer = self.sale_order_id.sudo().partner_id.commercial_partner_id
        if order_customer and order_customer != self.partner_id.commercial_partner_id:
            self.sale_order_id = False

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id_product(self):
        if self.sale_order_id and self.product_id not in self.sale_order_product_ids:
            self.product_id = False
