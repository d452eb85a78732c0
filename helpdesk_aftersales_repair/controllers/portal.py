from odoo.addons.helpdesk_aftersales.controllers.portal import AftersalesTicketPortal


class AftersalesRepairPortal(AftersalesTicketPortal):
    def _aftersales_ticket_portal_documents(self, ticket):
        documents = super()._aftersales_ticket_portal_documents(ticket)
        documents["repairs"] = self._aftersales_portal_customer_documents(ticket, ticket.repair_ids)
        return documents
