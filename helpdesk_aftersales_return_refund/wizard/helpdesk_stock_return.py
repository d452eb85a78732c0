import datetime
from collections import defaultdict

from odoo import Command, fields, models
from odoo.tools import float_compare, float_is_zero, format_list, formatLang


class HelpdeskStockReturn(models.TransientModel):
    """The Return dialog's third button, Return and Refund: the return as
    Return makes it, and a draft credit note per invoice for exactly the
    returned quantities at their invoiced prices."""

    _inherit = "helpdesk.stock.return"

    helpdesk_use_credit_notes = fields.Boolean(
        related="helpdesk_ticket_id.use_credit_notes", string="Team Offers Refunds"
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
        """What to credit for the dialog's lines: the invoices of their sales
        order lines, latest first, each for no more than what it invoiced
        minus what was already credited of it.

        Returns ``(plan, not_credited)``: ``plan`` maps each invoice to credit
        to ``[(invoice line, quantity in the sales order line's unit)]``;
        ``not_credited`` maps each product to what is returned but has nothing
        left to credit (in the product's unit). Read with sudo: which invoices
        are credited follows from the returned deliveries, not from what the
        agent may read (Sales / User: Own Documents Only)."""
        asked, not_credited = self._aftersales_returned_per_sale_line()
        plan = defaultdict(list)
        if not asked:
            return plan, not_credited
        invoice_lines = self._aftersales_invoice_lines_to_credit(asked)
        creditable = invoice_lines._aftersales_return_refund_creditable()
        by_sale_line = invoice_lines.grouped(lambda invoice_line: invoice_line.sale_line_ids[:1])
        for sale_line, quantity in asked.items():
            rounding = sale_line.product_uom.rounding
            candidates = by_sale_line.get(sale_line, invoice_lines.browse()).sorted(
                lambda invoice_line: (
                    invoice_line.move_id.invoice_date or datetime.date.min,
                    invoice_line.move_id.id,
                    invoice_line.id,
                ),
                reverse=True,
            )
            for invoice_line in candidates:
                take = min(quantity, creditable.get(invoice_line, 0.0))
                if float_compare(take, 0.0, precision_rounding=rounding) <= 0:
                    continue
                plan[invoice_line.move_id].append((invoice_line, take))
                quantity -= take
            if not float_is_zero(quantity, precision_rounding=rounding):
                not_credited[sale_line.product_id] += sale_line.product_uom._compute_quantity(
                    quantity, sale_line.product_id.uom_id
                )
        return plan, not_credited

    def _aftersales_returned_per_sale_line(self):
        """``(asked, not_credited)``: the returned quantity per sales order line
        (in its unit), and per product what was returned of no sales order
        line (nothing to credit)."""
        asked = defaultdict(float)
        not_credited = defaultdict(float)
        for line in self.line_ids:
            sale_line = line.move_id.sale_line_id
            if not sale_line:
                not_credited[line.product_id] += line.quantity
                continue
            asked[sale_line] += line.product_id.uom_id._compute_quantity(
                line.quantity, sale_line.product_uom, round=False
            )
        return asked, not_credited

    def _aftersales_invoice_lines_to_credit(self, sale_lines):
        """The posted invoice lines of ``sale_lines``, their invoices locked:
        another Return and Refund or Refund of the same invoices waits, then
        sees the first one's credit notes."""
        invoice_lines = (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("sale_line_ids", "in", self.env["sale.order.line"].concat(*sale_lines).ids),
                    ("move_id.move_type", "=", "out_invoice"),
                    ("parent_state", "=", "posted"),
                    ("display_type", "=", "product"),
                    ("company_id", "=", self.company_id.id),
                ]
            )
        )
        self._aftersales_lock(invoice_lines.move_id)
        return invoice_lines

    # ------------------------------------------------------------------
    # Documents
    # ------------------------------------------------------------------

    def _aftersales_create_credit_notes(self, plan):
        """One draft credit note per invoice of ``plan`` (latest first), made
        as core reverses an invoice (``_reverse_moves``: same journal, prices,
        discounts, taxes, fiscal position, currency), with only the returned
        quantities; each line keeps its sales order line, so the order's
        invoiced quantity goes down. Agents without invoicing rights prepare
        drafts (sudo) that never post themselves (``auto_post`` no)."""
        may_post = self.env.user.has_group("account.group_account_invoice")
        ticket = self.helpdesk_ticket_id
        reason = f"#{ticket.aftersales_reference}" if ticket.aftersales_reference else ticket.name
        today = fields.Date.context_today(self)
        credit_notes = self.env["account.move"]
        invoices = sorted(
            plan, key=lambda move: (move.invoice_date or datetime.date.min, move.id), reverse=True
        )
        for invoice in invoices:
            line_commands = []
            for invoice_line, quantity in plan[invoice]:
                sale_line = invoice_line.sale_line_ids[:1]
                [vals] = invoice_line.with_context(include_business_fields=True).copy_data(
                    {
                        "quantity": sale_line.product_uom._compute_quantity(
                            quantity, invoice_line.product_uom_id
                        )
                    }
                )
                vals.pop("move_id", None)
                line_commands.append(Command.create(vals))
            lang = invoice.partner_id.lang or self.env.lang
            defaults = {
                "ref": self.with_context(lang=lang).env._(
                    "Reversal of: %(move_name)s, %(reason)s", move_name=invoice.name, reason=reason
                ),
                "date": today,
                "invoice_date": today,
                "invoice_date_due": today,
                "journal_id": invoice.journal_id.id,
                "invoice_payment_term_id": False,
                "invoice_user_id": invoice.invoice_user_id.id,
                "auto_post": "no",
                "line_ids": line_commands,
            }
            source = invoice.with_env(self.env) if may_post else invoice.sudo()
            credit_notes |= source._reverse_moves([defaults]).with_env(self.env)
        return credit_notes

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
        plan, not_credited = self._aftersales_credit_plan()
        returns = self._aftersales_create_documents()
        credit_notes = self._aftersales_create_credit_notes(plan)
        ticket = self.helpdesk_ticket_id
        returns.sudo().helpdesk_ticket_id = ticket
        credit_notes.sudo().helpdesk_ticket_id = ticket
        if credit_notes:
            message = self.env._("Return and draft credit note created: %(documents)s")
        else:
            message = self.env._(
                "Return created, nothing to credit (not invoiced yet, or already "
                "credited): %(documents)s"
            )
        ticket._aftersales_post_documents([*returns, *credit_notes], message)
        action = ticket._aftersales_action_view("stock.action_picking_tree_all", returns)
        if not not_credited:
            return action
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
