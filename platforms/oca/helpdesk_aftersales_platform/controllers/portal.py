from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController

# The helpdesk's portal controller (My Tickets, a ticket's page), which the
# suite's portal controllers extend: ``TicketPortal._ticket_get_page_view_values``.
from odoo.addons.helpdesk_mgmt.controllers.myaccount import (
    CustomerPortalHelpdesk as TicketPortal,
)

__all__ = ["TicketPortal"]


class AftersalesTicketClose(HelpdeskTicketController):
    @http.route()
    def support_ticket_close(self, **kw):
        """The customer closes their ticket from the portal: a ticket the
        suite may not close yet (*Close Only When After-Sales Is Done*) stays
        open, and its page says why instead of an error page."""
        try:
            with request.env.cr.savepoint():
                return super().support_ticket_close(**kw)
        except UserError:
            return request.redirect(
                f"/my/ticket/{int(kw.get('ticket_id'))}?aftersales_close_refused=1"
            )


class AftersalesTicketPortal(TicketPortal):
    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        values["aftersales_close_refused"] = bool(kwargs.get("aftersales_close_refused"))
        return values
