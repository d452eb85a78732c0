from odoo.addons.helpdesk_aftersales.controllers.portal import AftersalesTicketPortal


class AftersalesCouponPortal(AftersalesTicketPortal):
    def _aftersales_ticket_portal_documents(self, ticket):
        documents = super()._aftersales_ticket_portal_documents(ticket)
        documents["coupons"] = self._aftersales_portal_customer_documents(ticket, ticket.coupon_ids)
        return documents
