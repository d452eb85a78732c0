from odoo.tests import HttpCase, tagged

from .common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestHelpdeskAftersalesTour(HelpdeskAftersalesCase, HttpCase):
    """The newcomer's walk in a real browser: team settings, then a ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()

    def test_helpdesk_aftersales_tour(self):
        self.start_tour(
            "/odoo/action-helpdesk.helpdesk_ticket_action",
            "helpdesk_aftersales_tour",
            login="admin",
        )
