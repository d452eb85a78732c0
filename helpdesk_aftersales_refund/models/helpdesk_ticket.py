from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    credit_note_ids = fields.One2many(
        "account.move",
        "helpdesk_ticket_id",
        string="Credit Notes",
        domain=[("move_type", "=", "out_refund")],
    )
    credit_note_count = fields.Integer(
        string="Number of Credit Notes", compute="_compute_credit_note_count"
    )

    @api.depends("credit_note_ids")
    @api.depends_context("uid")
    def _compute_credit_note_count(self):
        self._aftersales_set_count(
            "credit_note_count", "account.move", [("move_type", "=", "out_refund")]
        )

    def action_refund(self):
        return self._aftersales_open_dialog(
            "account.move.reversal",
            self.env._("Refund"),
            "helpdesk_aftersales_refund.account_move_reversal_view_form",
            needs=("account.move", "read"),
            refusal=self.env._(
                "Refunding needs read access to customer invoices (Sales or Invoicing "
                "rights): ask your administrator."
            ),
        )

    def action_view_credit_notes(self):
        self.ensure_one()
        credit_notes = self.env["account.move"].search(
            [("helpdesk_ticket_id", "=", self.id), ("move_type", "=", "out_refund")]
        )
        return self._aftersales_action_view("account.action_move_out_refund_type", credit_notes)

    def _aftersales_open_documents(self):
        # A credit note is open while it is a draft (not posted, not cancelled).
        return self._aftersales_add_open_documents(
            super()._aftersales_open_documents(),
            self.env._("Credit Notes"),
            "account.move",
            [("move_type", "=", "out_refund"), ("state", "=", "draft")],
        )

    def _aftersales_notify_templates(self):
        templates = super()._aftersales_notify_templates()
        templates.setdefault("credit_note_issued", {})["account.move"] = (
            "helpdesk_aftersales_refund.mail_template_credit_note_issued"
        )
        return templates

    def _aftersales_attach_documents(self, documents, message):
        # A credit note posted before it joins its ticket (the Refund dialog's
        # Reverse posts it at once) is issued when it joins.
        documents = super()._aftersales_attach_documents(documents, message)
        moves = [doc for doc in documents if doc._name == "account.move"]
        if moves:
            self.env["account.move"].union(*moves)._aftersales_notify_credit_notes()
        return documents
