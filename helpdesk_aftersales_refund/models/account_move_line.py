from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _aftersales_credit_key(self):
        """What ties a credit note line to the invoice line it credits: core's
        reversal copies the product and the sales order lines, and the credit
        note's ``reversed_entry_id`` is the invoice."""
        move = self.move_id
        invoice = move.reversed_entry_id if move.move_type == "out_refund" else move
        return invoice.id, self.product_id.id, frozenset(self.sale_line_ids.ids)

    def _aftersales_refundable_quantity(self):
        """``{invoice line: quantity still refundable}`` for these customer
        invoice lines: the invoiced quantity minus what draft or posted credit
        notes reversing their invoice already credit (in the line's unit).
        Credit note lines match invoice lines by product and sales order lines;
        several invoice lines alike share what was credited, first line first.
        One search whatever the number of lines.

        The one owner of "how much of an invoice line may still be credited":
        the Refund dialog's proposal and check, Return and Refund, and the
        credit on receipt all ask it."""
        lines = self.filtered(lambda line: line.display_type == "product")
        credit_lines = self.sudo().search(
            [
                ("move_id.reversed_entry_id", "in", lines.move_id.ids),
                ("move_id.move_type", "=", "out_refund"),
                ("move_id.state", "in", ("draft", "posted")),
                ("display_type", "=", "product"),
            ]
        )
        credited = defaultdict(float)
        for credit_line in credit_lines:
            credited[credit_line._aftersales_credit_key()] += credit_line.quantity
        refundable = {}
        for line in lines.sorted(lambda line: (line.move_id.id, line.sequence, line.id)):
            key = line._aftersales_credit_key()
            used = min(credited[key], line.quantity)
            credited[key] -= used
            refundable[line] = line.quantity - used
        return refundable

    def _aftersales_credit_amounts(self, quantity):
        """The amounts of the credit note line crediting ``quantity`` of this
        invoice line: its own, reversed, in proportion. Core's tax sync
        recomputes every product line of the credit note and writes only the
        ones that differ: given the copied invoice amounts (core's Reverse),
        it rewrote each line, two queries a line; given these, it writes
        none when they are exact (a whole line, or a price that divides
        evenly) and corrects the others. The balance is given only in the
        company's currency: in another, it follows today's rate."""
        self.ensure_one()
        ratio = quantity / self.quantity if self.quantity else 0.0
        amounts = {"amount_currency": self.currency_id.round(-self.amount_currency * ratio)}
        if self.currency_id == self.company_currency_id:
            amounts["balance"] = amounts["amount_currency"]
        return amounts

    @api.model
    def _aftersales_check_refundable(self, quantities):
        """Refuse to credit more of an invoice line than is still refundable
        (``_aftersales_refundable_refusal``)."""
        refusal = self._aftersales_refundable_refusal(quantities)
        if refusal:
            raise UserError(refusal)

    @api.model
    def _aftersales_refundable_refusal(self, quantities):
        """Why not credit ``quantities`` (``{invoice line: quantity in the
        line's unit}``), more than is still refundable of a line, or nothing.
        Run after the invoices are locked, so that credit notes made meanwhile
        are counted."""
        lines = self.union(*quantities).sudo()
        refundable = lines._aftersales_refundable_quantity()
        for line in lines:
            available = refundable.get(line, 0.0)
            rounding = line.product_uom_id.rounding or 0.01
            if float_compare(quantities[line], available, precision_rounding=rounding) > 0:
                return self.env._(
                    "You cannot refund %(quantity)s %(uom)s of %(product)s from %(move)s: "
                    "only %(available)s %(uom)s can still be refunded (invoiced, minus "
                    "what its credit notes already refund).",
                    quantity=quantities[line],
                    available=available,
                    uom=line.product_uom_id.name,
                    product=line.product_id.display_name or line.name,
                    move=line.move_id.display_name,
                )
        return None
