from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class HelpdeskRefundLine(models.TransientModel):
    """A line of the Refund dialog's Products to Refund: how much of an
    invoice line the credit note refunds."""

    _name = "helpdesk.refund.line"
    _inherit = ["helpdesk.aftersales.company.mixin"]
    _description = "Product to refund from a helpdesk ticket"
    _check_company_auto = True
    _aftersales_company_field = "wizard_id"
    _rec_name = "product_id"

    wizard_id = fields.Many2one("account.move.reversal", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="wizard_id.company_id", compute_sudo=False)
    invoice_line_id = fields.Many2one(
        "account.move.line", string="Invoice Line", required=True, check_company=True
    )
    # Read with the user's rights: the dialog shows only what its user may read.
    move_id = fields.Many2one(
        related="invoice_line_id.move_id", string="Invoice", compute_sudo=False
    )
    product_id = fields.Many2one(
        related="invoice_line_id.product_id", string="Product", compute_sudo=False
    )
    price_unit = fields.Float(
        related="invoice_line_id.price_unit", string="Unit Price", compute_sudo=False
    )
    uom_id = fields.Many2one(
        related="invoice_line_id.product_uom_id", string="Unit of Measure", compute_sudo=False
    )
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

    @api.constrains("invoice_line_id", "wizard_id")
    def _check_aftersales_invoice_line(self):
        # When the line is saved, not only at Reverse: a line shows its
        # invoice line's product, price and quantity.
        for line in self:
            refusal = line._aftersales_invoice_line_refusal()
            if refusal:
                raise UserError(refusal)

    def _aftersales_invoice_line_refusal(self):
        """A product line of the invoices the dialog refunds."""
        invoice_line = self.invoice_line_id.sudo()
        if (
            invoice_line.move_id not in self.wizard_id.sudo().move_ids
            or invoice_line.display_type != "product"
        ):
            return self.env._("This line is not a line of the invoices to refund.")
        return None

    def _aftersales_line_refusal(self):
        """A positive quantity of a product line of the invoices to refund."""
        invoice_line = self.invoice_line_id
        rounding = invoice_line.product_uom_id.rounding or 0.01
        refusal = self._aftersales_invoice_line_refusal()
        if refusal or float_compare(self.quantity, 0.0, precision_rounding=rounding) > 0:
            return refusal
        return self.env._(
            "The quantity to refund of %(product)s must be positive. Remove the "
            "line to not refund it.",
            product=invoice_line.display_name,
        )
