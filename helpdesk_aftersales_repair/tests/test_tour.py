from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestRepairTour(HelpdeskAftersalesCase, HttpCase):
    """An agent sends the ticket's product to repair in a real browser:
    Repair opens the prefilled repair order, save it; the Repairs smart button
    counts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.chair = cls.env["product.product"].create({"name": "Tour Chair", "type": "consu"})
        cls.aftersales_ticket.product_id = cls.chair

    def test_repair_tour(self):
        self.start_ticket_tour("helpdesk_aftersales_repair_tour")
        repair = self.aftersales_ticket.repair_ids
        self.assertEqual(len(repair), 1)
        self.assertEqual(repair.product_id, self.chair)
        self.assertEqual(repair.partner_id, self.aftersales_customer)
