from odoo import api, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.depends("credit_note_ids.state")
    def _compute_aftersales_repair_impossible(self):
        # A credit note made from the ticket clears the hint.
        return super()._compute_aftersales_repair_impossible()

    def _aftersales_compensated_since(self, since):
        # A refund: a credit note of the ticket, draft or posted, not
        # cancelled (a draft is the agent's decision, posted by Invoicing).
        return super()._aftersales_compensated_since(since) | (
            self._aftersales_tickets_with_documents_since(
                "account.move",
                [("move_type", "=", "out_refund"), ("state", "!=", "cancel")],
                since,
            )
        )
