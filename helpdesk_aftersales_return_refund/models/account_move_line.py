from odoo import models
from odoo.tools import float_round


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _aftersales_return_refund_creditable(self):
        """What is still creditable of these customer invoice lines, as
        ``{invoice line: quantity}`` in the unit of the line's sales order line
        (what the return counts in). The refund bridge's
        ``_aftersales_refundable_quantity`` tells what is left (the invoiced
        quantity minus draft or posted credit notes reversing the invoice);
        lines of no sales order line are left out."""
        lines = self.filtered(
            lambda line: line.move_id.move_type == "out_invoice" and line.sale_line_ids
        )
        result = {}
        for line, quantity in lines._aftersales_refundable_quantity().items():
            sale_uom = line.sale_line_ids[:1].product_uom
            result[line] = float_round(
                line.product_uom_id._compute_quantity(quantity, sale_uom, round=False),
                precision_rounding=sale_uom.rounding,
            )
        return result
