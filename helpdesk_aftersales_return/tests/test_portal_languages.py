from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalLanguagesCase

from .common import sell_and_deliver, storable_products


@tagged("post_install", "-at_install")
class TestPortalLanguages(AftersalesPortalLanguagesCase, HelpdeskAftersalesCase, HttpCase):
    """Every portal page the suite adds or extends, in German and Chinese, as a
    customer reads it once the language is installed: the portal home's Tickets,
    My Tickets, a ticket's page with its After-Sales block, a delivered order's
    Request a Return and its form (with an error). No English string of the
    suite is left, and the page chrome is core's, in the language too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_portal_languages()
        # Not "After-Sales": a team's name is the company's data, not the suite's words.
        cls.aftersales_team.name = "Deco Service Desk"
        with Form(cls.aftersales_team) as team:
            team.receives_portal_returns = True
        cls.customer = cls.aftersales_customer
        cls.login = "portal_deco_addict"
        new_test_user(
            cls.env, login=cls.login, groups="base.group_portal", partner_id=cls.customer.id
        )
        cls.chair = storable_products(cls.env, ["Office Chair"])
        cls.order = sell_and_deliver(cls.env, cls.customer, {cls.chair: 3})
        cls.pending_order = sell_and_deliver(cls.env, cls.customer, {cls.chair: 1}, validate=False)
        cls.ticket = cls.aftersales_ticket
        cls.ticket.sale_order_id = cls.order

    def test_portal_home_and_my_tickets(self):
        self.assertPortalPageTranslated("/my", self.login)
        self.assertPortalPageTranslated("/my/tickets", self.login)

    def test_ticket_page_with_after_sales(self):
        # The agent's Return on the ticket: the ticket's page shows its block.
        form = self.open_ticket_wizard(self.ticket, "action_return")
        with form.line_ids.edit(0) as line:
            line.quantity = 1
        form.save().action_create_returns()
        self.assertTrue(self.ticket.picking_ids, "a return to show")
        self.assertPortalPageTranslated(f"/my/ticket/{self.ticket.id}", self.login)

    def test_order_page_and_return_request(self):
        # The order's page is sale's: its browser title is core's.
        self.assertPortalPageTranslated(f"/my/orders/{self.order.id}", self.login, title=False)
        self.assertPortalPageTranslated(f"/my/orders/{self.order.id}/return", self.login)
        # The form's error, for an order not delivered yet.
        self.assertPortalPageTranslated(f"/my/orders/{self.pending_order.id}/return", self.login)

    def test_powered_by_is_cores(self):
        """The footer's "Powered by" is core's (web): translated in Chinese by
        core's catalogue; core's German catalogue keeps it in English."""
        chinese = self.portal_text("/my", self.login, "zh_CN")
        self.assertIn("提供支持", chinese)
        self.assertNotIn("Powered by", chinese)
