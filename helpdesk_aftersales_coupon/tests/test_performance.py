from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES

from .test_coupon import CouponCase


@tagged("post_install", "-at_install")
class TestCouponPerformance(AftersalesQueriesMixin, CouponCase):
    def _customer_with_coupons(self, size):
        """A ticket of a new customer who already holds ``size`` coupons."""
        customer = self.env["res.partner"].create({"name": f"Customer with {size} coupons"})
        # Coupons of past orders: sales orders make them without the
        # program's creation email (which would only slow the set-up).
        self.env["loyalty.card"].with_context(loyalty_no_mail=True).create(
            [{"program_id": self.program.id, "partner_id": customer.id, "points": 1}] * size
        )
        return self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Sorry",
                "team_id": self.aftersales_team.id,
                "partner_id": customer.id,
            }
        )

    def _generate(self, ticket):
        dialog = self.open_ticket_wizard(ticket, "action_generate_coupon", self.agent)
        dialog.program_id = self.program
        dialog.save().action_generate()
        self.assertEqual(ticket.coupon_count, 1)

    def test_coupon_independent_of_coupon_history(self):
        self.assertQueriesIndependentOfHistory(self._customer_with_coupons, self._generate)

    def test_coupon_count_query_ceiling(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {**TICKET_REQUIRED_VALUES, "name": f"T{i}", "team_id": self.aftersales_team.id}
                for i in range(10)
            ]
        )
        # Measured: 2 queries for 10 tickets, as for one.
        self.assertCountQueriesAtMost(tickets, ["coupon_count"], 2, user=self.agent)
