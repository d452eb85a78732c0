from collections import defaultdict

from odoo import models
from odoo.tools import float_round


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _aftersales_return_refund_creditable(self):
        """What is still creditable of these customer invoice lines.

        Returns ``{invoice line: quantity}`` in the unit of the line's sales
        order line: the invoiced quantity minus the credit note lines (draft or
        posted, not cancelled) that reverse the same invoice for the same sales
        order line. When an invoice has several lines of one sales order line,
        its credits are spread over them in order. Lines of no sales order
        line are left out. Two queries whatever the number of lines.
        """
        lines = self.filtered(
            lambda line: line.move_id.move_type == "out_invoice"
            and line.display_type == "product"
            and line.sale_line_ids
        ).sorted("id")
        if not lines:
            return {}
        credited = defaultdict(float)
        credit_lines = self.search(
            [
                ("move_id.move_type", "=", "out_refund"),
                ("move_id.reversed_entry_id", "in", lines.move_id.ids),
                ("parent_state", "!=", "cancel"),
                ("display_type", "=", "product"),
                ("sale_line_ids", "in", lines.sale_line_ids.ids),
            ]
        )
        for credit in credit_lines:
            for sale_line in credit.sale_line_ids:
                credited[credit.move_id.reversed_entry_id, sale_line] += (
                    credit.product_uom_id._compute_quantity(
                        credit.quantity, sale_line.product_uom, round=False
                    )
                )
        result = {}
        for line in lines:
            sale_line = line.sale_line_ids[:1]
            invoiced = line.product_uom_id._compute_quantity(
                line.quantity, sale_line.product_uom, round=False
            )
            key = line.move_id, sale_line
            used = min(invoiced, max(credited[key], 0.0))
            credited[key] -= used
            result[line] = float_round(
                invoiced - used, precision_rounding=sale_line.product_uom.rounding
            )
        return result
