from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP


@tagged("post_install", "-at_install")
class TestRepairPerformance(AftersalesQueriesMixin, HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.repair_user = new_test_user(
            cls.env,
            login="perf_repair_user",
            groups=f"{USER_GROUP},stock.group_stock_user",
        )
        cls.chair = cls.env["product.product"].create({"name": "Office Chair", "type": "consu"})

    def _customer_with_repairs(self, size):
        """A ticket about a chair of a new customer who already has ``size``
        repair orders."""
        customer = self.env["res.partner"].create({"name": f"Customer with {size} repairs"})
        self.env["repair.order"].create(
            [{"partner_id": customer.id, "product_id": self.chair.id}] * size
        )
        return self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Broken chair",
                "team_id": self.aftersales_team.id,
                "partner_id": customer.id,
                "product_id": self.chair.id,
            }
        )

    def _repair(self, ticket):
        # The Repair button opens the Repairs app's form, filled in from the
        # ticket; saving it is the confirmation.
        action = ticket.with_user(self.repair_user).action_repair()
        Repair = self.env["repair.order"].with_user(self.repair_user)
        Form(Repair.with_context(**action["context"])).save()
        self.assertEqual(ticket.repair_count, 1)

    def test_repair_independent_of_repair_history(self):
        self.assertQueriesIndependentOfHistory(self._customer_with_repairs, self._repair)

    def test_repair_count_query_ceiling(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {**TICKET_REQUIRED_VALUES, "name": f"T{i}", "team_id": self.aftersales_team.id}
                for i in range(10)
            ]
        )
        # Measured: 1 query for 10 tickets, as for one (one grouped count of the repairs).
        self.assertCountQueriesAtMost(tickets, ["repair_count"], 1, user=self.repair_user)
