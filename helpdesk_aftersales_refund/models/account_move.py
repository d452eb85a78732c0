import datetime

from odoo import Command, api, fields, models
from odoo.tools import float_compare


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "helpdesk.aftersales.document.mixin"]

    def _aftersales_portal_status(self):
        # A posted credit note (the portal shows no draft): paid back, or
        # still to be paid back (or deducted from an invoice).
        self.ensure_one()
        _ = self.env._
        if self.state == "cancel" or self.payment_state == "reversed":
            return _("Cancelled"), "danger"
        if self.payment_state in ("paid", "in_payment"):
            return _("Refunded"), "success"
        return _("To be refunded"), "info"

    # Partial credit notes -------------------------------------------------

    @api.model
    def _aftersales_credit_partially(self, quantities, ticket):
        """Draft credit notes for some lines of customer invoices: the suite's
        one way to credit part of an invoice without a dialog.

        ``quantities``: ``{invoice line: quantity to credit, in the line's
        unit}``, lines of posted customer invoices (zero quantities are left
        out). One draft credit note per invoice, latest invoice first, made as
        core's Reverse makes it (``account.move.reversal``'s
        ``_prepare_default_reversal`` values, dated today, then
        ``_reverse_moves``: the invoice's journal, prices, discounts, taxes,
        fiscal position and currency), with only these lines and quantities
        (``_aftersales_credit_note_lines``); the lines keep their sales order
        lines, so the orders' invoiced quantities follow. Never more than
        invoiced minus already credited (``account.move.line.
        _aftersales_check_refundable``: a ``UserError``, nothing created): lock
        the invoices first (``_aftersales_lock``). A user without invoicing
        rights gets drafts, made with sudo, that never post themselves.

        Callers: Return and Refund (``helpdesk_aftersales_return_refund``,
        when the return is made or when it is received); they link the
        returned credit notes to ``ticket`` with
        ``ticket._aftersales_attach_documents``. The Refund dialog makes its
        credit notes through core's ``reverse_moves`` with the same lines
        (its ``_prepare_default_reversal``)."""
        quantities = {
            line: quantity
            for line, quantity in quantities.items()
            if float_compare(quantity, 0.0, precision_rounding=line.product_uom_id.rounding) > 0
        }
        if not quantities:
            return self.browse()
        # Read with sudo: a warehouse user validating a return credits what
        # it received without reading invoices.
        Line = self.env["account.move.line"].sudo()
        Line._aftersales_check_refundable(quantities)
        invoices = Line.union(*quantities).move_id.sorted(
            lambda move: (move.invoice_date or datetime.date.min, move.id), reverse=True
        )
        may_post = self.env.user.has_group("account.group_account_invoice")
        source = invoices.with_env(self.env) if may_post else invoices
        defaults_list = [
            {
                **invoice._aftersales_reversal_defaults(ticket),
                "line_ids": invoice._aftersales_credit_note_lines(quantities),
            }
            for invoice in source
        ]
        return source._reverse_moves(defaults_list).with_env(self.env)

    def _aftersales_reversal_defaults(self, ticket):
        """What core's Reverse dialog gives the credit note of this invoice
        (reference, dates, journal, salesperson), as if the agent reversed it
        today with the ticket's reference as reason, never posting itself."""
        self.ensure_one()
        reason = f"#{ticket.aftersales_reference}" if ticket.aftersales_reference else ticket.name
        reversal = self.env["account.move.reversal"].new(
            {
                "date": fields.Date.context_today(self),
                "reason": reason,
                "journal_id": self.journal_id.id,
                "company_id": self.company_id.id,
            }
        )
        return {**reversal._prepare_default_reversal(self), "auto_post": "no"}

    def _aftersales_credit_note_lines(self, quantities):
        """The lines of this invoice's credit note that credits ``quantities``
        (``{invoice line: quantity in the line's unit}``, lines of other
        invoices ignored): copies of its product lines, as core's reversal
        copies them (with their sales order lines), at those quantities."""
        self.ensure_one()
        lines = self.invoice_line_ids.filtered(lambda line: line in quantities).sorted(
            lambda line: (line.sequence, line.id)
        )
        vals_list = lines.with_context(include_business_fields=True).copy_data()
        commands = []
        for line, vals in zip(lines, vals_list, strict=True):
            vals.pop("move_id", None)
            vals.update(line._aftersales_credit_amounts(quantities[line]))
            commands.append(Command.create({**vals, "quantity": quantities[line]}))
        return commands
