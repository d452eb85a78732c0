from odoo.addons.helpdesk_aftersales.controllers.portal import AftersalesTicketPortal


class AftersalesRefundPortal(AftersalesTicketPortal):
    def _aftersales_ticket_portal_documents(self, ticket):
        documents = super()._aftersales_ticket_portal_documents(ticket)
        # Posted credit notes only: a draft is still the agent's work (a
        # partial refund is edited there) and may change or be deleted.
        credit_notes = self._aftersales_portal_customer_documents(ticket, ticket.credit_note_ids)
        documents["credit_notes"] = credit_notes.filtered(
            lambda move: move.move_type == "out_refund" and move.state == "posted"
        )
        return documents
