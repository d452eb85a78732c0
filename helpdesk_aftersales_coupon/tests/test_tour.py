from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase

from .test_coupon import coupon_program


@tagged("post_install", "-at_install")
class TestCouponTour(HelpdeskAftersalesCase, HttpCase):
    """An agent gives the ticket's customer a coupon in a real browser:
    Coupon, choose the program, Generate; the Coupons smart button counts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.program = coupon_program(cls.env, "Tour Goodwill")

    def test_coupon_tour(self):
        self.start_ticket_tour("helpdesk_aftersales_coupon_tour")
        coupon = self.aftersales_ticket.coupon_ids
        self.assertEqual(coupon.program_id, self.program)
        self.assertEqual(coupon.partner_id, self.aftersales_customer)
