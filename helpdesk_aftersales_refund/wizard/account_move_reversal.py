from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

PAID_STATES = ("paid", "in_payment", "partial")


class AccountMoveReversal(models.TransientModel):
    """The core reversal dialog, opened from a ticket: it offers only the
    ticket customer's posted invoices (narrowed by order and product; by lot
    with helpdesk_aftersales_refund_stock), refunds the lines and quantities
    of its Products to Refund and links the credit notes back to the ticket."""

    _name = "account.move.reversal"
    _inherit = ["account.move.reversal", "helpdesk.aftersales.wizard.mixin"]
    _aftersales_service_field = "use_credit_notes"

    # The choices of the filters and of the invoices are domains evaluated by
    # the web client from the dialog's values (the view's ``move_ids``
    # domain repeats ``_aftersales_invoice_domain``): never a list of the
    # customer's documents, whose length would grow with their history.
    helpdesk_commercial_partner_id = fields.Many2one(
        related="helpdesk_ticket_id.commercial_partner_id", compute_sudo=False, string="Customer"
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        check_company=True,
        domain="[('partner_id.commercial_partner_id', '=', helpdesk_commercial_partner_id),"
        " ('company_id', '=', company_id), ('state', '=', 'sale')]"
        " + ([('order_line.product_id', '=', helpdesk_product_id)]"
        " if helpdesk_product_id else [])",
    )
    helpdesk_product_id = fields.Many2one(
        "product.product",
        string="Product",
        check_company=True,
        help="Only the sales orders and invoices containing this product are offered.",
    )
    helpdesk_has_invoice = fields.Boolean(
        string="Has an invoice to refund", compute="_compute_helpdesk_has_invoice"
    )
    helpdesk_line_ids = fields.One2many(
        "helpdesk.refund.line",
        "wizard_id",
        string="Products to Refund",
        compute="_compute_helpdesk_line_ids",
        store=True,
        readonly=False,
    )
    helpdesk_modify_unavailable_reason = fields.Char(
        string="Why Reverse and Create Invoice is unavailable",
        compute="_compute_helpdesk_modify_unavailable_reason",
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        ticket = self.env["helpdesk.ticket"].browse(res.get("helpdesk_ticket_id"))
        if ticket:
            res.update(
                company_id=ticket.company_id.id,
                reason=f"#{ticket.aftersales_reference}"
                if ticket.aftersales_reference
                else ticket.name,
                sale_order_id=ticket.sale_order_id.id,
                helpdesk_product_id=ticket.product_id.id,
            )
            if ticket.sale_order_id and "move_ids" in fields_list:
                res["move_ids"] = self._aftersales_default_invoices(ticket)
        return res

    @api.model
    def _aftersales_default_invoices(self, ticket):
        """The order's invoice when it has exactly one to refund (for the
        ticket's product, when set): the agent need not choose it."""
        invoices = self.env["account.move"].search(
            self._aftersales_ticket_invoice_domain(ticket, ticket.sale_order_id, ticket.product_id),
            limit=2,
        )
        return [Command.set(invoices.ids)] if len(invoices) == 1 else []

    # The journal is required (NOT NULL): a forged save of a ticket's dialog
    # without one would fail in the database (an ERROR in the server log)
    # before the confirm button's checks (``_aftersales_journal_refusal``) run.
    # One look at the values, whatever the number of dialogs.
    @api.model_create_multi
    def create(self, vals_list):
        self._aftersales_check_journal_kept(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._aftersales_check_journal_kept([vals])
        return super().write(vals)

    def _aftersales_check_journal_kept(self, vals_list):
        if any(self._aftersales_clears_journal(vals) for vals in vals_list):
            raise UserError(self._aftersales_journal_message())

    def _aftersales_clears_journal(self, vals):
        return (
            "journal_id" in vals
            and not vals["journal_id"]
            and self._aftersales_is_ticket_dialog(vals)
        )

    def _aftersales_journal_message(self):
        return self.env._("Choose a sales journal of the ticket's company for the credit note.")

    @api.constrains("journal_id", "move_ids")
    def _check_journal_type(self):
        # With no invoice chosen yet, the action says "Choose the invoices"
        # rather than core's journal-type message.
        wizards = self.filtered(lambda w: w.move_ids or not w.helpdesk_ticket_id)
        return super(AccountMoveReversal, wizards)._check_journal_type()

    def _aftersales_invoice_domain(self):
        """Invoices the ticket may refund, narrowed by the dialog's filters."""
        return self._aftersales_ticket_invoice_domain(
            self.helpdesk_ticket_id, self.sale_order_id, self.helpdesk_product_id
        )

    @api.model
    def _aftersales_ticket_invoice_domain(self, ticket, order, product):
        """Invoices ``ticket`` may refund, of ``order`` and ``product`` when set."""
        domain = [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "!=", "reversed"),
            ("commercial_partner_id", "=", ticket.commercial_partner_id.id),
            ("company_id", "=", ticket.company_id.id),
        ]
        if order:
            domain.append(("line_ids.sale_line_ids.order_id", "=", order.id))
        if product:
            domain.append(("invoice_line_ids.product_id", "=", product.id))
        return domain

    @api.depends("helpdesk_ticket_id", "sale_order_id", "helpdesk_product_id")
    def _compute_helpdesk_has_invoice(self):
        Move = self.env["account.move"]
        for wizard in self:
            wizard.helpdesk_has_invoice = bool(
                wizard.helpdesk_commercial_partner_id
                and Move.search_count(wizard._aftersales_invoice_domain(), limit=1)
            )

    @api.onchange("sale_order_id", "helpdesk_product_id")
    def _onchange_aftersales_filters(self):
        """Drop the chosen invoices that no longer match the filters (a search
        among the chosen ones only)."""
        if self.helpdesk_ticket_id and self.move_ids:
            self.move_ids = self.env["account.move"].search(
                [("id", "in", self.move_ids._origin.ids), *self._aftersales_invoice_domain()]
            )

    @api.depends("move_ids", "helpdesk_product_id")
    def _compute_helpdesk_line_ids(self):
        for wizard in self:
            commands = [Command.clear()]
            if wizard.helpdesk_ticket_id:
                commands += [Command.create(vals) for vals in wizard._aftersales_line_vals()]
            wizard.helpdesk_line_ids = commands

    def _aftersales_invoice_lines(self):
        """The product lines of the invoices to refund."""
        return self.move_ids._origin.invoice_line_ids.filtered(
            lambda line: line.display_type == "product"
        )

    def _aftersales_line_vals(self):
        """Everything still refundable of the invoices' lines (of the product
        when one is chosen)."""
        product = self.helpdesk_product_id._origin
        invoice_lines = self._aftersales_invoice_lines().filtered(
            lambda line: not product or line.product_id == product
        )
        refundable = invoice_lines.sudo()._aftersales_refundable_quantity()
        return [
            {"invoice_line_id": line.id, "quantity": quantity}
            for line, quantity in refundable.items()
            if float_compare(quantity, 0.0, precision_rounding=line.product_uom_id.rounding) > 0
        ]

    def _aftersales_asked_quantities(self):
        """``{invoice line: quantity to refund}`` from Products to Refund."""
        asked = defaultdict(float)
        for line in self.helpdesk_line_ids:
            asked[line.invoice_line_id._origin] += line.quantity
        return asked

    def _aftersales_is_whole_refund(self, moves=None):
        """Whether Products to Refund is every line of the invoices (or of
        ``moves`` only), with all its invoiced quantity."""
        asked = self._aftersales_asked_quantities()
        invoice_lines = self._aftersales_invoice_lines()
        if moves is not None:
            invoice_lines = invoice_lines.filtered(lambda line: line.move_id in moves)
            asked = {line: qty for line, qty in asked.items() if line.move_id in moves}
        return set(asked) <= set(invoice_lines) and all(
            float_compare(
                asked.get(line, 0.0), line.quantity, precision_rounding=line.product_uom_id.rounding
            )
            == 0
            for line in invoice_lines
        )

    @api.depends("move_ids", "helpdesk_line_ids.quantity", "helpdesk_line_ids.invoice_line_id")
    def _compute_helpdesk_modify_unavailable_reason(self):
        may_post = self.env.user.has_group("account.group_account_invoice")
        for wizard in self:
            if not wizard.helpdesk_ticket_id:
                wizard.helpdesk_modify_unavailable_reason = False
            elif not may_post:
                wizard.helpdesk_modify_unavailable_reason = self.env._(
                    "Reverse and Create Invoice posts the credit note: it needs invoicing "
                    "rights. Use Reverse to prepare a draft credit note for an accountant."
                )
            elif any(move.payment_state in PAID_STATES for move in wizard.move_ids._origin):
                wizard.helpdesk_modify_unavailable_reason = self.env._(
                    "Reverse and Create Invoice is not available for paid invoices: use "
                    "Reverse, then reconcile the credit note with the payment."
                )
            elif not wizard._aftersales_is_whole_refund():
                wizard.helpdesk_modify_unavailable_reason = self.env._(
                    "Reverse and Create Invoice is for whole invoices only: to refund "
                    "some products or quantities, use Reverse."
                )
            else:
                wizard.helpdesk_modify_unavailable_reason = False

    # ------------------------------------------------------------------
    # Checks: everything the dialog received, before anything is created
    # (the values may come from a forged RPC call, not only from the
    # dialog's domains).
    # ------------------------------------------------------------------

    def _aftersales_check_values(self):
        # Serialize two refunds of the same invoice, then read what the other
        # one changed: the refusals see the invoices as they are now.
        self._aftersales_lock(self.move_ids)
        self.move_ids.invalidate_recordset(["payment_state", "state"])
        return super()._aftersales_check_values()

    def _aftersales_refusals(self):
        yield from super()._aftersales_refusals()
        if not self.move_ids:
            yield self.env._("Choose the invoices to refund.")
        for move in self.move_ids:
            yield self._aftersales_invoice_refusal(move)
            yield self._aftersales_date_refusal(move)
        yield self._aftersales_journal_refusal()
        yield from self._aftersales_lines_refusals()

    def _aftersales_invoice_refusal(self, move):
        """A posted customer invoice of the ticket's customer and company, not
        fully reversed yet. (The invoices are core's ``move_ids``, without
        ``check_company``: the company is checked here.)"""
        ticket = self.helpdesk_ticket_id
        if move.move_type != "out_invoice":
            return self.env._(
                "%(move)s is not a customer invoice: only customer invoices can be "
                "refunded from a ticket.",
                move=move.display_name,
            )
        if move.state != "posted":
            return self.env._(
                "The invoice %(move)s is not posted: invoices must be posted "
                "before a credit note can be issued.",
                move=move.display_name,
            )
        if move.commercial_partner_id != ticket.commercial_partner_id:
            return self.env._(
                "The invoice %(move)s is not an invoice of the ticket's customer.",
                move=move.display_name,
            )
        if move.company_id != ticket.company_id:
            return self.env._(
                "The invoice %(move)s belongs to another company than the ticket.",
                move=move.display_name,
            )
        if move.payment_state == "reversed":
            return self.env._(
                "The invoice %(move)s is already fully reversed.", move=move.display_name
            )
        return None

    def _aftersales_date_refusal(self, move):
        # Core accepts any date for the draft; a credit note older than its
        # invoice is a typo or a forged value (e.g. year 1).
        if self.date and move.invoice_date and self.date < move.invoice_date:
            return self.env._(
                "The credit note cannot be dated before the invoice %(move)s it "
                "reverses: choose a later Reversal Date.",
                move=move.display_name,
            )
        return None

    def _aftersales_journal_refusal(self):
        # The journal's check_company compares it with the dialog's company_id,
        # which a forged call sends too: compare with the ticket's.
        if (
            self.journal_id.type != "sale"
            or self.journal_id.company_id != self.helpdesk_ticket_id.company_id
        ):
            return self._aftersales_journal_message()
        return None

    def _aftersales_lines_refusals(self):
        """Products to Refund: lines of the chosen invoices, at least one per
        invoice, with no more than what is still refundable."""
        for line in self.helpdesk_line_ids:
            yield line._aftersales_line_refusal()
        asked = self._aftersales_asked_quantities()
        for move in self.move_ids:
            if not any(line.move_id == move for line in asked):
                yield self.env._(
                    "There is no product to refund on the invoice %(move)s: add one to "
                    "Products to Refund or remove the invoice from Invoices to Refund.",
                    move=move.display_name,
                )
        # After the lock: what credit notes made meanwhile refund is counted.
        yield self.env["account.move.line"]._aftersales_refundable_refusal(asked)

    def _aftersales_check_modify(self):
        """Reverse and Create Invoice posts: not for paid invoices, nor for
        agents without invoicing rights (see its reason)."""
        if self.helpdesk_modify_unavailable_reason:
            raise UserError(self.helpdesk_modify_unavailable_reason)

    def _prepare_default_reversal(self, move):
        values = super()._prepare_default_reversal(move)
        if not self.helpdesk_ticket_id:
            return values
        if not self.env.user.has_group("account.group_account_invoice"):
            # With a Reversal Date in the future, core marks the credit note
            # to post itself on that date (auto-post scheduled action), with
            # no accountant involved: an agent without invoicing rights
            # prepares a draft that stays a draft whatever the date.
            values["auto_post"] = "no"
        if not self._aftersales_is_whole_refund(move):
            # Products to Refund, from the start: core copies only these lines
            # (rather than the whole invoice, trimmed afterwards).
            values["line_ids"] = move._aftersales_credit_note_lines(
                self._aftersales_asked_quantities()
            )
        return values

    def reverse_moves(self, is_modify=False):
        if not self.helpdesk_ticket_id:
            return super().reverse_moves(is_modify=is_modify)
        self.ensure_one()
        # The steps of ``_aftersales_check_create_attach``, spelled out: the documents are
        # core's (credit notes, and with is_modify the replacing invoices,
        # each told apart on the chatter) and so is the action returned.
        self._aftersales_check_ticket()
        self._aftersales_check_values()
        if is_modify:
            self._aftersales_check_modify()
        before = self.move_ids.reversal_move_ids if is_modify else None
        may_post = self.env.user.has_group("account.group_account_invoice")
        # Agents without invoicing rights prepare drafts only (checked above):
        # the accountant reviews and posts them.
        wizard = self if may_post else self.sudo()
        action = super(AccountMoveReversal, wizard).reverse_moves(is_modify=is_modify)
        # Core's reverse_moves tells the credit notes (Reverse) or the draft
        # invoices that replace the reversed ones (Reverse and Create
        # Invoice): they belong to the ticket too.
        if is_modify:
            credit_notes = self.sudo().move_ids.reversal_move_ids - before.sudo()
            new_invoices = wizard.new_move_ids
        else:
            credit_notes, new_invoices = wizard.new_move_ids, self.env["account.move"]
        self._aftersales_link_documents(
            credit_notes, self.env._("Credit notes created from this ticket: %(documents)s")
        )
        if new_invoices:
            self._aftersales_link_documents(
                new_invoices,
                self.env._("Draft invoices created to replace the reversed ones: %(documents)s"),
            )
        if not may_post:
            return {"type": "ir.actions.act_window_close"}
        return action
