from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
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
        open, and its page says why instead of an error page. helpdesk_mgmt
        closes any ticket id it is given (as superuser): only a ticket the
        customer may read is closed here, another answers "not found"."""
        if not self._aftersales_may_close(kw.get("ticket_id")):
            return request.not_found()
        try:
            with request.env.cr.savepoint():
                return super().support_ticket_close(**kw)
        except UserError:
            return request.redirect(
                f"/my/ticket/{int(kw.get('ticket_id'))}?aftersales_close_refused=1"
            )

    def _aftersales_may_close(self, ticket_id):
        """Whether the user may read the ticket ``ticket_id`` (a posted string)."""
        try:
            ticket = request.env["helpdesk.ticket"].browse(int(ticket_id)).exists()
            ticket.check_access("read")
        except (TypeError, ValueError, AccessError, MissingError):
            return False
        return bool(ticket)


class AftersalesTicketPortal(TicketPortal):
    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        values["aftersales_close_refused"] = bool(kwargs.get("aftersales_close_refused"))
        return values
