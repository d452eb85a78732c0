from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestCouponTour(HelpdeskAftersalesCase, HttpCase):
    """An agent gives the ticket's customer a coupon in a real browser:
    Coupon, choose the program, Generate; the Coupons smart button counts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Tour Goodwill",
                "program_type": "coupons",
                "trigger": "with_code",
                "applies_on": "current",
                "rule_ids": [Command.create({"reward_point_mode": "order", "minimum_qty": 0})],
                "reward_ids": [
                    Command.create(
                        {"reward_type": "discount", "discount": 10, "required_points": 1}
                    )
                ],
            }
        )

    def test_coupon_tour(self):
        self.start_ticket_tour("helpdesk_aftersales_coupon_tour")
        coupon = self.aftersales_ticket.coupon_ids
        self.assertEqual(coupon.program_id, self.program)
        self.assertEqual(coupon.partner_id, self.aftersales_customer)
