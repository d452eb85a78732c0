from odoo.addons.helpdesk_aftersales.controllers.portal import AftersalesTicketPortal


class AftersalesReturnPortal(AftersalesTicketPortal):
    def _aftersales_ticket_portal_documents(self, ticket):
        documents = super()._aftersales_ticket_portal_documents(ticket)
        # The returns, and the delivery of an exchange, made from the ticket.
        documents["returns"] = self._aftersales_portal_customer_documents(
            ticket, ticket.picking_ids
        )
        return documents
