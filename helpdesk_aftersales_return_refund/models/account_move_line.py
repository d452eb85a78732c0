import datetime

from odoo import api, models
from odoo.tools import float_compare, float_is_zero, float_round


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    @api.model
    def _aftersales_credit_returned(self, returned, company):
        """What to credit for goods returned of sales order lines.

        ``returned``: ``{sales order line: quantity returned, in its unit}``.
        Returns ``(quantities, not_credited)``: ``quantities`` is
        ``{invoice line: quantity to credit, in the line's unit}``, for
        ``account.move._aftersales_credit_partially``: the posted invoices of
        those sales order lines, latest first, each for no more than it may
        still credit (``_aftersales_refundable_quantity``); ``not_credited`` is
        ``{sales order line: quantity, in its unit}``, what was returned with
        nothing left to credit (not invoiced yet, or already credited).

        Read with sudo: which invoices are credited follows from the returned
        goods, not from what the agent may read (Sales / User: Own Documents
        Only). The invoices are locked: another credit of the same invoices
        waits, then sees this one's credit notes."""
        invoice_lines = self._aftersales_invoice_lines_to_credit(returned, company)
        refundable = invoice_lines._aftersales_refundable_quantity()
        by_sale_line = invoice_lines.grouped(lambda line: line.sale_line_ids[:1])
        quantities, not_credited = {}, {}
        for sale_line, quantity in returned.items():
            uom = sale_line.product_uom
            candidates = by_sale_line.get(sale_line, invoice_lines.browse()).sorted(
                lambda line: (
                    line.move_id.invoice_date or datetime.date.min,
                    line.move_id.id,
                    line.id,
                ),
                reverse=True,
            )
            for line in candidates:
                available = refundable.get(line, 0.0)
                in_sale_uom = line.product_uom_id._compute_quantity(available, uom, round=False)
                take = min(quantity, float_round(in_sale_uom, precision_rounding=uom.rounding))
                if float_compare(take, 0.0, precision_rounding=uom.rounding) <= 0:
                    continue
                quantities[line] = min(uom._compute_quantity(take, line.product_uom_id), available)
                quantity -= take
            if not float_is_zero(quantity, precision_rounding=uom.rounding):
                not_credited[sale_line] = quantity
        return quantities, not_credited

    @api.model
    def _aftersales_invoice_lines_to_credit(self, sale_lines, company):
        """The posted customer invoice lines of ``sale_lines`` in ``company``,
        their invoices locked (``_aftersales_lock``)."""
        invoice_lines = self.sudo().search(
            [
                ("sale_line_ids", "in", self.env["sale.order.line"].union(*sale_lines).ids),
                ("move_id.move_type", "=", "out_invoice"),
                ("parent_state", "=", "posted"),
                ("display_type", "=", "product"),
                ("company_id", "=", company.id),
            ]
        )
        self.env["helpdesk.aftersales.wizard.mixin"]._aftersales_lock(invoice_lines.move_id)
        return invoice_lines
