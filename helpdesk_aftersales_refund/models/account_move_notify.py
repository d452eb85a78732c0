from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        # A ticket's credit note posted: the customer is told (once, see
        # helpdesk.ticket._aftersales_notify_customer), the credit note attached.
        posted = super()._post(soft=soft)
        posted._aftersales_notify_credit_notes()
        return posted

    def _aftersales_notify_credit_notes(self):
        credit_notes = self.filtered(
            lambda move: move.move_type == "out_refund"
            and move.state == "posted"
            and move.helpdesk_ticket_id
        )
        for ticket, moves in credit_notes.grouped("helpdesk_ticket_id").items():
            ticket._aftersales_notify_customer("credit_note_issued", moves)
