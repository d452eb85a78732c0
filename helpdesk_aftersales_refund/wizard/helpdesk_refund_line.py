from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class HelpdeskRefundLine(models.TransientModel):
    """A line of the Refund dialog's Products to Refund: how much of an
    invoice line the credit note refunds."""

    _name = "helpdesk.refund.line"
    _description = "Product to refund from a helpdesk ticket"
    _rec_name = "product_id"

    wizard_id = fields.Many2one("account.move.reversal", required=True, ondelete="cascade")
    invoice_line_id = fields.Many2one("account.move.line", string="Invoice Line", required=True)
    move_id = fields.Many2one(related="invoice_line_id.move_id", string="Invoice")
    product_id = fields.Many2one(related="invoice_line_id.product_id", string="Product")
    price_unit = fields.Float(related="invoice_line_id.price_unit", string="Unit Price")
    uom_id = fields.Many2one(related="invoice_line_id.product_uom_id", string="Unit of Measure")
    quantity = fields.Float(digits="Product Unit of Measure", required=True)
    max_quantity = fields.Float(
        string="Refundable Quantity",
        digits="Product Unit of Measure",
        compute="_compute_max_quantity",
        help="Invoiced, minus what draft or posted credit notes already refund.",
    )

    @api.depends("invoice_line_id")
    def _compute_max_quantity(self):
        refundable = self.invoice_line_id.sudo()._aftersales_refundable_quantity()
        for line in self:
            line.max_quantity = refundable.get(line.invoice_line_id.sudo(), 0.0)

    def _aftersales_check_line(self):
        """A positive quantity of a product line of the invoices to refund."""
        invoice_line = self.invoice_line_id
        if (
            invoice_line.move_id not in self.wizard_id.move_ids
            or invoice_line.display_type != "product"
        ):
            raise UserError(
                self.env._(
                    "The line %(product)s is not a line of the invoices to refund.",
                    product=invoice_line.display_name,
                )
            )
        rounding = invoice_line.product_uom_id.rounding or 0.01
        if float_compare(self.quantity, 0.0, precision_rounding=rounding) <= 0:
            raise UserError(
                self.env._(
                    "The quantity to refund of %(product)s must be positive. Remove the "
                    "line to not refund it.",
                    product=invoice_line.display_name,
                )
            )
