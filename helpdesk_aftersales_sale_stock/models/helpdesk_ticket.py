from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )

    @api.onchange("product_id")
    def _onchange_product_id(self):
        # sudo: lots are Inventory records, which a salesperson may not read.
        if self.lot_id and self.lot_id.sudo().product_id != self.product_id:
            self.lot_id = False

    def write(self, vals):
        res = super().write(vals)
        if "product_id" in vals and "lot_id" not in vals:
            # Also when the form does not show the lot (agents without
            # Inventory rights): the lot of another product goes.
            self.sudo().filtered(
                lambda ticket: ticket.lot_id and ticket.lot_id.product_id != ticket.product_id
            ).lot_id = False
        return res
