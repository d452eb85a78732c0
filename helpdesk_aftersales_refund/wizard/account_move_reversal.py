from odoo import api, fields, models
from odoo.exceptions import UserError

PAID_STATES = ("paid", "in_payment", "partial")


class AccountMoveReversal(models.TransientModel):
    """The core reversal dialog, opened from a ticket: it offers only the
    ticket customer's posted invoices (narrowed by order and product; by lot
    with helpdesk_aftersales_refund_stock) and links the credit notes back to
    the ticket."""

    _name = "account.move.reversal"
    _inherit = ["account.move.reversal", "helpdesk.aftersales.wizard.mixin"]
    _aftersales_service_field = "use_credit_notes"

    # The choices of the filters and of the invoices are domains evaluated by
    # the web client from the dialog's values (the view's ``move_ids``
    # domain repeats ``_aftersales_invoice_domain``): never a list of the
    # customer's documents, whose length would grow with their history.
    helpdesk_commercial_partner_id = fields.Many2one(
        related="helpdesk_ticket_id.commercial_partner_id", string="Customer"
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
                reason=f"#{ticket.ticket_ref}" if ticket.ticket_ref else ticket.name,
                sale_order_id=ticket.sale_order_id.id,
                helpdesk_product_id=ticket.product_id.id,
            )
        return res

    @api.constrains("journal_id", "move_ids")
    def _check_journal_type(self):
        # With no invoice chosen yet, the action says "Choose the invoices"
        # rather than core's journal-type message.
        wizards = self.filtered(lambda w: w.move_ids or not w.helpdesk_ticket_id)
        return super(AccountMoveReversal, wizards)._check_journal_type()

    def _aftersales_invoice_domain(self):
        """Invoices the ticket may refund, narrowed by the dialog's filters."""
        ticket = self.helpdesk_ticket_id
        domain = [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "!=", "reversed"),
            ("commercial_partner_id", "=", ticket.commercial_partner_id.id),
            ("company_id", "=", ticket.company_id.id),
        ]
        if self.sale_order_id:
            domain.append(("line_ids.sale_line_ids.order_id", "=", self.sale_order_id.id))
        if self.helpdesk_product_id:
            domain.append(("invoice_line_ids.product_id", "=", self.helpdesk_product_id.id))
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

    @api.depends("move_ids")
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
            else:
                wizard.helpdesk_modify_unavailable_reason = False

    # ------------------------------------------------------------------
    # Checks: everything the dialog received, before anything is created
    # (the values may come from a forged RPC call, not only from the
    # dialog's domains).
    # ------------------------------------------------------------------

    def _aftersales_check_values(self):
        moves = self.move_ids
        if not moves:
            raise UserError(self.env._("Choose the invoices to refund."))
        # Serialize two refunds of the same invoice.
        self._aftersales_lock(moves)
        moves.invalidate_recordset(["payment_state", "state"])
        for move in moves:
            self._aftersales_check_invoice(move)
            self._aftersales_check_date(move)
        self._aftersales_check_journal()

    def _aftersales_check_invoice(self, move):
        """A posted customer invoice of the ticket's customer and company, not
        fully reversed yet. (The invoices are core's ``move_ids``, without
        ``check_company``: the company is checked here.)"""
        ticket = self.helpdesk_ticket_id
        if move.move_type != "out_invoice":
            raise UserError(
                self.env._(
                    "%(move)s is not a customer invoice: only customer invoices can be "
                    "refunded from a ticket.",
                    move=move.display_name,
                )
            )
        if move.state != "posted":
            raise UserError(
                self.env._(
                    "The invoice %(move)s is not posted: invoices must be posted "
                    "before a credit note can be issued.",
                    move=move.display_name,
                )
            )
        if move.commercial_partner_id != ticket.commercial_partner_id:
            raise UserError(
                self.env._(
                    "The invoice %(move)s is not an invoice of the ticket's customer.",
                    move=move.display_name,
                )
            )
        if move.company_id != ticket.company_id:
            raise UserError(
                self.env._(
                    "The invoice %(move)s belongs to another company than the ticket.",
                    move=move.display_name,
                )
            )
        if move.payment_state == "reversed":
            raise UserError(
                self.env._("The invoice %(move)s is already fully reversed.", move=move.display_name)
            )

    def _aftersales_check_date(self, move):
        # Core accepts any date for the draft; a credit note older than its
        # invoice is a typo or a forged value (e.g. year 1).
        if self.date and move.invoice_date and self.date < move.invoice_date:
            raise UserError(
                self.env._(
                    "The credit note cannot be dated before the invoice %(move)s it "
                    "reverses: choose a later Reversal Date.",
                    move=move.display_name,
                )
            )

    def _aftersales_check_journal(self):
        # The journal's check_company compares it with the dialog's company_id,
        # which a forged call sends too: compare with the ticket's.
        if (
            self.journal_id.type != "sale"
            or self.journal_id.company_id != self.helpdesk_ticket_id.company_id
        ):
            raise UserError(
                self.env._("Choose a sales journal of the ticket's company for the credit note.")
            )

    def _aftersales_check_modify(self):
        """Reverse and Create Invoice posts: not for paid invoices, nor for
        agents without invoicing rights (see its reason)."""
        if self.helpdesk_modify_unavailable_reason:
            raise UserError(self.helpdesk_modify_unavailable_reason)

    def _prepare_default_reversal(self, move):
        values = super()._prepare_default_reversal(move)
        if self.helpdesk_ticket_id and not self.env.user.has_group("account.group_account_invoice"):
            # With a Reversal Date in the future, core marks the credit note
            # to post itself on that date (auto-post scheduled action), with
            # no accountant involved: an agent without invoicing rights
            # prepares a draft that stays a draft whatever the date.
            values["auto_post"] = "no"
        return values

    def reverse_moves(self, is_modify=False):
        if not self.helpdesk_ticket_id:
            return super().reverse_moves(is_modify=is_modify)
        self.ensure_one()
        # The steps of ``_aftersales_deliver``, spelled out: the documents are
        # core's (credit notes, and with is_modify the replacing invoices,
        # each told apart on the chatter) and so is the action returned.
        self._aftersales_check_ticket()
        self._aftersales_check_values()
        if is_modify:
            self._aftersales_check_modify()
        before = self.move_ids.reversal_move_ids
        may_post = self.env.user.has_group("account.group_account_invoice")
        # Agents without invoicing rights prepare drafts only (checked above):
        # the accountant reviews and posts them.
        wizard = self if may_post else self.sudo()
        action = super(AccountMoveReversal, wizard).reverse_moves(is_modify=is_modify)
        credit_notes = self.sudo().move_ids.reversal_move_ids - before.sudo()
        # "Reverse and Create Invoice" also makes the draft invoices that
        # replace the reversed ones: they belong to the ticket too.
        new_invoices = wizard.new_move_ids - credit_notes
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
