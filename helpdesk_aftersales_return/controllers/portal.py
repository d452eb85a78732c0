from odoo.addons.helpdesk_aftersales.controllers.portal import AftersalesTicketPortal


class AftersalesReturnPortal(AftersalesTicketPortal):
    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # A ticket opened by Request a Return links back to its order, and
        # thanks the customer right after they sent it.
        order = ticket.sale_order_id if ticket.return_request_line_ids else None
        customer = ticket.partner_id.commercial_partner_id
        if order and order.partner_id.commercial_partner_id != customer:
            order = None
        values["aftersales_return_order"] = order
        values["aftersales_return_requested"] = bool(order and kwargs.get("return_requested"))
        return values

    def _aftersales_ticket_portal_documents(self, ticket):
        documents = super()._aftersales_ticket_portal_documents(ticket)
        # The returns, and the delivery of an exchange, made from the ticket.
        documents["returns"] = self._aftersales_portal_customer_documents(
            ticket, ticket.picking_ids
        )
        return documents
