# The helpdesk's portal controller (My Tickets, a ticket's page), which the
# suite's portal controllers extend: ``TicketPortal._ticket_get_page_view_values``.
from odoo.addons.helpdesk.controllers.portal import HelpdeskCustomerPortal as TicketPortal

__all__ = ["TicketPortal"]
