from collections import defaultdict

from odoo import Command, models
from odoo.tools import float_is_zero


class StockMove(models.Model):
    _inherit = "stock.move"

    def _aftersales_replace(self, quantities):
        # With Refunds, the replacement's price difference is settled when
        # the replacement is made: a draft invoice (the customer pays more) or
        # credit note (less), one per sales order.
        documents = super()._aftersales_replace(quantities)
        return documents + list(self._aftersales_price_difference_documents(quantities))

    def _aftersales_price_differences(self, quantities):
        """``{sales order: [(replacement, quantity, unit difference)]}`` for
        the return moves of ``quantities`` replaced by another product at
        another price (``stock.move._aftersales_replacement_unit_difference``,
        what the Return dialog showed)."""
        differences = defaultdict(list)
        for move, quantity in quantities.items():
            replacement = move.aftersales_replacement_product_id
            delivered = move.origin_returned_move_id
            if not replacement or not delivered.sale_line_id:
                continue
            order = delivered.sale_line_id.order_id
            unit = delivered._aftersales_replacement_unit_difference(replacement)
            if not float_is_zero(unit * quantity, precision_rounding=order.currency_id.rounding):
                differences[order].append((replacement, quantity, unit))
        return differences

    def _aftersales_price_difference_documents(self, quantities):
        """The draft invoices and credit notes of the price differences.

        Made as a customer invoice of the order is (its invoicing partner,
        currency, fiscal position, salesperson; the line's taxes and account
        from the product), not through the order: a new order line would be
        delivered and would change what the order invoiced, and core's
        Reverse credits invoiced lines, which the difference is not. As
        superuser, a draft that never posts itself: the warehouse agent who
        receives may not read invoices, an accountant posts it."""
        Move = self.env["account.move"].sudo()
        documents = Move
        for order, lines in self.sudo()._aftersales_price_differences(quantities).items():
            total = sum(quantity * unit for _product, quantity, unit in lines)
            sign = 1 if total > 0 else -1
            documents |= Move.with_company(order.company_id).create(
                {
                    "move_type": "out_invoice" if sign > 0 else "out_refund",
                    "partner_id": order.partner_invoice_id.id,
                    "currency_id": order.currency_id.id,
                    "fiscal_position_id": order.fiscal_position_id.id,
                    "invoice_user_id": order.user_id.id,
                    "invoice_origin": order.name,
                    "auto_post": "no",
                    "invoice_line_ids": [
                        Command.create(self._aftersales_difference_line(*line, sign))
                        for line in lines
                    ],
                }
            )
        return documents

    def _aftersales_difference_line(self, replacement, quantity, unit, sign):
        return {
            "product_id": replacement.id,
            "name": self.env._(
                "Price difference of the replacement %(product)s",
                product=replacement.display_name,
            ),
            "quantity": quantity,
            "price_unit": sign * unit,
        }
