from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.controllers.portal import AftersalesTicketPortal

from .common import HelpdeskAftersalesCase
from .common_portal import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestAftersalesPortal(AftersalesPortalCase, HelpdeskAftersalesCase, BaseCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_portal()

    def test_ticket_without_aftersales_shows_no_block(self):
        page = self.ticket_page(self.aftersales_ticket, "portal_customer_a")
        self.assertPageShows(page, "The chair is broken")
        self.assertPageHides(page, 'id="ticket_aftersales"', 'id="nav-aftersales"')

    def test_block_shows_when_a_bridge_has_something(self):
        # What a bridge does: add its documents to the page's values.
        def documents(controller, ticket):
            return {"something": ticket}

        with patch.object(AftersalesTicketPortal, "_aftersales_ticket_portal_documents", documents):
            page = self.ticket_page(self.aftersales_ticket, "portal_customer_a")
        self.assertPageShows(page, 'id="ticket_aftersales"', 'href="#ticket_aftersales"')
        self.assertPageShows(page, "After-Sales")
