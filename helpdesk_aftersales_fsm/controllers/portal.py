from odoo.addons.helpdesk_aftersales.controllers.portal import AftersalesTicketPortal


class AftersalesFsmPortal(AftersalesTicketPortal):
    def _aftersales_ticket_portal_documents(self, ticket):
        documents = super()._aftersales_ticket_portal_documents(ticket)
        documents["fsm_tasks"] = self._aftersales_portal_customer_documents(
            ticket, ticket.fsm_task_ids
        )
        return documents
