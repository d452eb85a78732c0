from collections import defaultdict

from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_credit_on_receipt = fields.Boolean(
        string="Credit on Receipt",
        copy=False,
        readonly=True,
        help="Made by Return and Refund for a team that credits the customer when the goods "
        "are received: validating this return drafts the credit note for the quantities "
        "received.",
    )

    def _aftersales_receipt_marks(self):
        return [*super()._aftersales_receipt_marks(), "aftersales_credit_on_receipt"]

    def _aftersales_after_receipt(self, moves):
        # Draft the credit note of what was received.
        result = super()._aftersales_after_receipt(moves)
        if self.aftersales_credit_on_receipt:
            self._aftersales_credit_received(moves)
        return result

    def _aftersales_credit_received(self, moves):
        """Draft the credit note of the goods ``moves`` (done moves of this
        return) received, at the invoiced prices, never more than invoiced
        minus already credited (``account.move.line._aftersales_credit_returned``,
        ``account.move._aftersales_credit_partially``); linked to the ticket
        with a message on its chatter, and to the return made from the ticket
        (this one, or the one it is a backorder of). Drafts are not issued:
        the customer is told when an accountant posts them."""
        self.ensure_one()
        origin = self._aftersales_ticket_return()
        ticket = origin.helpdesk_ticket_id.sudo()
        returned = self._aftersales_received_per_sale_line(moves)
        if not ticket or not returned:
            return
        quantities, _not_credited = (
            self.env["account.move.line"]
            .sudo()
            ._aftersales_credit_returned(returned, self.company_id)
        )
        credit_notes = self.env["account.move"]._aftersales_credit_partially(quantities, ticket)
        if credit_notes:
            credit_notes._aftersales_link_returns(origin)
            ticket._aftersales_attach_documents(
                credit_notes.sudo(),
                self.env._("Returned goods received, draft credit note created: %(documents)s"),
            )
        else:
            ticket._aftersales_post_documents(
                self.sudo(),
                self.env._(
                    "Returned goods received on %(documents)s, nothing to credit (not "
                    "invoiced yet, or already credited)."
                ),
            )

    @staticmethod
    def _aftersales_received_per_sale_line(moves):
        """``{sales order line: quantity}`` received by the done ``moves``, in
        the line's unit (``stock.move._aftersales_received_quantity``)."""
        returned = defaultdict(float)
        for move in moves.filtered("sale_line_id"):
            sale_line = move.sale_line_id
            returned[sale_line] += move.product_uom._compute_quantity(
                move._aftersales_received_quantity(), sale_line.product_uom, round=False
            )
        return returned

    def _aftersales_ticket_return(self):
        """The return of a ticket this is: itself, or the one it is a
        backorder of."""
        picking = self
        while picking and not picking.helpdesk_ticket_id:
            picking = picking.backorder_id
        return picking

    def _aftersales_loop_after_receipt(self, steps):
        # A received return is credited once a credit note made for it is
        # posted (a replacement or a shipment back, told first, wins).
        steps = super()._aftersales_loop_after_receipt(steps)
        received = self.filtered(lambda picking: steps[picking.id] == "received")
        if not received:
            return steps
        groups = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    "|",
                    ("aftersales_return_picking_id", "in", received.ids),
                    "&",
                    ("aftersales_return_picking_id", "=", False),
                    ("helpdesk_ticket_id", "in", received.helpdesk_ticket_id.ids),
                    ("move_type", "=", "out_refund"),
                    ("state", "=", "posted"),
                ],
                ["aftersales_return_picking_id", "helpdesk_ticket_id"],
            )
        )
        # A credit note of no return was made by the Refund dialog, which
        # credits invoices, not returns: it still credits every received
        # return of its ticket (the ticket-level rule of before).
        credited_returns = {picking.id for picking, _ticket in groups if picking}
        credited_tickets = {ticket.id for picking, ticket in groups if not picking}
        for picking in received:
            if picking.id in credited_returns or picking.helpdesk_ticket_id.id in credited_tickets:
                steps[picking.id] = "credited"
        return steps
