from odoo.addons.helpdesk_aftersales_platform.controllers.portal import TicketPortal


class AftersalesTicketPortal(TicketPortal):
    """The After-Sales block of a ticket's portal page: what was done for the
    ticket. Each bridge extends ``_aftersales_ticket_portal_documents`` with its
    own documents and inherits ``helpdesk_aftersales.portal_my_ticket`` to
    render them; the block shows only when some bridge has something."""

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # ``ticket`` passed ``_document_check_access``: the visitor may see it.
        documents = self._aftersales_ticket_portal_documents(ticket)
        values["aftersales_documents"] = documents
        values["aftersales_shown"] = any(documents.values())
        return values

    def _aftersales_ticket_portal_documents(self, ticket):
        """``{key: records}``, the documents of ``ticket`` (sudo) the customer
        sees on its page. A bridge adds its key with ``super()`` and
        ``_aftersales_portal_customer_documents``; its template reads only the
        fields the customer is meant to see."""
        return {}

    def _aftersales_portal_customer_documents(self, ticket, documents):
        """Of ``documents``, read with sudo (portal users may not read stock
        transfers, repairs or coupons), those linked to ``ticket`` and made
        out to its customer's company: nothing of another customer shows,
        whatever was linked by mistake."""
        customer = ticket.partner_id.commercial_partner_id
        if not customer:
            return documents.browse()
        return documents.sudo().filtered(
            lambda document: document.helpdesk_ticket_id == ticket
            and document.partner_id.commercial_partner_id == customer
        )
