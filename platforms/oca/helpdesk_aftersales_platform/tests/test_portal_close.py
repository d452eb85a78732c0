# What only this helpdesk has: the customer closes a ticket from the portal
# (/ticket/close). Run with the suite installed (post_install): the set-up is
# the suite's shared one.
from odoo.tests import HttpCase, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_close import AftersalesCloseCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestPortalClose(
    AftersalesPortalCase, AftersalesCloseCase, HelpdeskAftersalesCase, BaseCommon, HttpCase
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_close()
        cls._setup_aftersales_portal()
        cls.aftersales_ticket.partner_id = cls.aftersales_customer
        cls.aftersales_ticket.stage_id = cls.open_stage
        # Done: a closing stage the customer may pick on the ticket's page.
        cls.closing_stage.close_from_portal = True

    def close_from_portal(self, ticket):
        """The customer clicks the closing stage's button on the ticket's page."""
        self.authenticate("portal_customer_a", "portal_customer_a")
        page = self.ticket_page(ticket, "portal_customer_a")
        self.assertPageShows(page, 'action="/ticket/close"')
        return self.url_open(
            f"/ticket/close?ticket_id={ticket.id}&stage_id={self.closing_stage.id}"
        )

    def something_open(self, ticket):
        # What a bridge does: a document of the ticket is still open.
        Ticket = self.registry["helpdesk.ticket"]
        original = Ticket._aftersales_open_documents

        def open_documents(tickets):
            result = original(tickets)
            if ticket.id in tickets.ids:
                result.setdefault(ticket.id, {})["Contacts"] = self.aftersales_customer.sudo()
            return result

        self.patch(Ticket, "_aftersales_open_documents", open_documents)

    def test_customer_cannot_close_before_after_sales_is_done(self):
        ticket = self.aftersales_ticket
        self.something_open(ticket)
        page = self.close_from_portal(ticket)
        self.assertEqual(page.status_code, 200, "the ticket's page, not an error page")
        self.assertTrue(page.url.endswith(f"/my/ticket/{ticket.id}?aftersales_close_refused=1"))
        self.assertPageShows(page, "This ticket cannot be closed yet")
        self.env.invalidate_all()
        self.assertEqual(ticket.stage_id, self.open_stage)

    def test_customer_closes_once_after_sales_is_done(self):
        ticket = self.aftersales_ticket
        page = self.close_from_portal(ticket)
        self.assertEqual(page.status_code, 200)
        self.assertPageHides(page, "This ticket cannot be closed yet")
        self.env.invalidate_all()
        self.assertEqual(ticket.stage_id, self.closing_stage)

    def test_another_customer_cannot_close_the_ticket(self):
        # helpdesk_mgmt's /ticket/close closes any ticket id it is given (as
        # superuser); the suite's override answers "not found" to a ticket the
        # customer may not read.
        ticket = self.aftersales_ticket
        self.authenticate("portal_customer_b", "portal_customer_b")
        for query in (f"ticket_id={ticket.id}&stage_id={self.closing_stage.id}", "", "ticket_id=x"):
            with self.subTest(query=query):
                page = self.url_open(f"/ticket/close?{query}")
                self.assertEqual(page.status_code, 404)
        self.env.invalidate_all()
        self.assertEqual(ticket.stage_id, self.open_stage)
