from collections import defaultdict

from odoo import fields, models
from odoo.tools import format_list, formatLang


class HelpdeskStockReturn(models.TransientModel):
    """The Return dialog's third button, Return and Refund: the return as
    Return makes it, and a draft credit note per invoice for exactly the
    returned quantities at their invoiced prices: at once (the team's Credit
    the Customer: When Created), or for what is received when the return's
    receipt is validated (When Received)."""

    _inherit = "helpdesk.stock.return"

    helpdesk_use_credit_notes = fields.Boolean(
        # Through the team, not the ticket's own related flag (computed as
        # superuser): read with the user's rights.
        related="helpdesk_ticket_id.team_id.use_credit_notes",
        compute_sudo=False,
        string="Team Offers Refunds",
    )

    # ------------------------------------------------------------------
    # Checks: who may credit, and what is creditable (before anything is
    # created).
    # ------------------------------------------------------------------

    def _aftersales_check_may_refund(self):
        """Same rule as the ticket's Refund button: the team offers refunds,
        and the agent reads customer invoices (Sales or Invoicing rights)."""
        ticket = self._aftersales_check_ticket()
        ticket._aftersales_check_service("use_credit_notes")
        ticket._aftersales_check_may_use(
            ("account.move", "read"),
            self.env._(
                "Return and Refund needs read access to customer invoices (Sales or "
                "Invoicing rights): ask your administrator, or use Return."
            ),
        )

    def _aftersales_credit_plan(self):
        """What Return and Refund credits for the dialog's lines, as
        ``(quantities, not_credited)``: ``quantities`` maps invoice lines to
        the quantity to credit (in the line's unit: see
        ``account.move.line._aftersales_credit_returned``), ``not_credited``
        maps each product to what is returned but has nothing left to credit
        (in the product's unit)."""
        returned, not_credited = self._aftersales_returned_per_sale_line()
        if not returned:
            return {}, not_credited
        quantities, left = (
            self.env["account.move.line"]
            .sudo()
            ._aftersales_credit_returned(returned, self.company_id)
        )
        for sale_line, quantity in left.items():
            not_credited[sale_line.product_id] += sale_line.product_uom._compute_quantity(
                quantity, sale_line.product_id.uom_id
            )
        return quantities, not_credited

    def _aftersales_returned_per_sale_line(self):
        """``(returned, not_credited)``: the returned quantity per sales order
        line (in its unit), and per product what was returned of no sales
        order line (nothing to credit)."""
        returned = defaultdict(float)
        not_credited = defaultdict(float)
        for line in self.line_ids:
            sale_line = line.move_id.sale_line_id
            if not sale_line:
                not_credited[line.product_id] += line.quantity
                continue
            returned[sale_line] += line.product_id.uom_id._compute_quantity(
                line.quantity, sale_line.product_uom, round=False
            )
        return returned, not_credited

    # ------------------------------------------------------------------
    # Documents
    # ------------------------------------------------------------------

    def _aftersales_return_to_credit_on_receipt(self):
        """Return and Refund for a team that credits When Received: the
        return alone, marked to be credited when its receipt is validated
        (``stock.picking._aftersales_credit_received``)."""
        returns = self._aftersales_create_documents()
        returns.aftersales_credit_on_receipt = True
        self._aftersales_link_documents(
            returns,
            self.env._("Return created, to be credited when the goods are received: %(documents)s"),
        )
        return self.helpdesk_ticket_id._aftersales_action_view(
            "stock.action_picking_tree_all", returns
        )

    def _aftersales_not_credited_text(self, not_credited):
        return format_list(
            self.env,
            [
                self.env._(
                    "%(quantity)s %(uom)s of %(product)s",
                    quantity=formatLang(self.env, quantity, dp="Product Unit of Measure"),
                    uom=product.uom_id.name,
                    product=product.display_name,
                )
                for product, quantity in not_credited.items()
            ],
        )

    def action_create_returns_and_refunds(self):
        """Return and Refund: everything is checked first (the return's
        checks, then who may credit), then the returns and the credit notes
        are made in the one transaction of the click, linked to the ticket
        with one chatter message. When something returned had nothing left to
        credit, a notification tells the agent before the returns open."""
        self.ensure_one()
        self._aftersales_check_may_refund()
        self._aftersales_check_values()
        if self.helpdesk_ticket_id.team_id.return_credit_policy == "received":
            return self._aftersales_return_to_credit_on_receipt()
        quantities, not_credited = self._aftersales_credit_plan()
        returns = self._aftersales_create_documents()
        ticket = self.helpdesk_ticket_id
        credit_notes = self.env["account.move"]._aftersales_credit_partially(quantities, ticket)
        credit_notes._aftersales_link_returns(returns)
        if credit_notes:
            message = self.env._("Return and draft credit note created: %(documents)s")
        else:
            message = self.env._(
                "Return created, nothing to credit (not invoiced yet, or already "
                "credited): %(documents)s"
            )
        self._aftersales_link_documents([*returns, *credit_notes], message)
        action = ticket._aftersales_action_view("stock.action_picking_tree_all", returns)
        if not not_credited:
            return action
        return self._aftersales_not_credited_notification(not_credited, credit_notes, action)

    def _aftersales_not_credited_notification(self, not_credited, credit_notes, action):
        """The notification telling the agent what was returned with nothing
        to credit, then ``action``."""
        products = self._aftersales_not_credited_text(not_credited)
        if credit_notes:
            text = self.env._(
                "The return is made and credited, except %(products)s: not invoiced yet, "
                "or already credited.",
                products=products,
            )
        else:
            text = self.env._(
                "The return is made, but there was nothing to credit for %(products)s: "
                "not invoiced yet, or already credited.",
                products=products,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Return and Refund"),
                "message": text,
                "type": "warning",
                "sticky": True,
                "next": action,
            },
        }
