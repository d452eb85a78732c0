from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_close import AftersalesCloseCase
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP


@tagged("post_install", "-at_install")
class TestRepairCloseWhenDone(AftersalesCloseCase, BaseCommon):
    """A repair order keeps the ticket open until repaired or cancelled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_close()
        cls.repair_user = new_test_user(
            cls.env,
            login="close_repair_user",
            groups=f"{USER_GROUP},stock.group_stock_user",
        )
        cls.chair = cls.env["product.product"].create({"name": "Office Chair", "type": "consu"})
        cls.ticket = cls.aftersales_ticket
        cls.ticket.write({"stage_id": cls.open_stage.id, "product_id": cls.chair.id})

    def _repair(self, ticket=None):
        """Click Repair on the ticket and save the repair form it opens."""
        action = (ticket or self.ticket).with_user(self.repair_user).action_repair()
        Repair = self.env["repair.order"].with_user(self.repair_user)
        return Form(Repair.with_context(**action["context"])).save()

    def test_repair_keeps_the_ticket_open_until_repaired(self):
        self.assertFalse(self.open_after_sales_line(self.ticket, self.repair_user))
        repair = self._repair()
        self.assertEqual(self.open_after_sales_line(self.ticket, self.repair_user), "Repairs: 1")
        message = self.assertCloseRefused(self.ticket, self.repair_user)
        self.assertIn(f"- Repairs: {repair.name}", message)
        # Confirm, start, end: the repair is done.
        repair.action_validate()
        repair.action_repair_start()
        self.assertEqual(self.open_after_sales_line(self.ticket, self.repair_user), "Repairs: 1")
        self.assertCloseRefused(self.ticket, self.repair_user)
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        # Repaired, not yet back with the customer (issue 29): still open.
        self.assertIn("Repairs: 1", self.open_after_sales_line(self.ticket, self.repair_user))
        message = self.assertCloseRefused(self.ticket, self.repair_user)
        self.assertIn(f"- Repairs: {repair.name}", message)
        delivery = repair.aftersales_delivery_ids.with_user(self.repair_user)
        delivery.move_ids.picked = True
        self.assertIs(delivery.button_validate(), True)
        self.assertFalse(self.open_after_sales_line(self.ticket, self.repair_user))
        self.assertCloseAllowed(self.ticket, self.repair_user)

    def test_cancelled_repair_is_done(self):
        repair = self._repair()
        repair.action_repair_cancel()
        self.assertCloseAllowed(self.ticket, self.repair_user)

    def test_without_the_setting_the_ticket_closes(self):
        self._repair()
        self.set_close_when_done(False)
        self.assertCloseAllowed(self.ticket, self.repair_user)

    def test_agent_without_repair_rights_is_refused_too(self):
        """A helpdesk agent reads the repairs of the tickets (the bridge's own
        rule): the refusal names it."""
        repair = self._repair()
        agent = self.helpdesk_agent
        self.assertEqual(self.open_after_sales_line(self.ticket, agent), "Repairs: 1")
        message = self.assertCloseRefused(self.ticket, agent)
        if repair.with_user(agent).has_access("read"):
            self.assertIn(f"- Repairs: {repair.name}", message)
        else:
            self.assertIn("- Repairs: 1 you cannot access", message)

    def test_open_documents_queries_independent_of_tickets(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    **TICKET_REQUIRED_VALUES,
                    "name": f"T{i}",
                    "team_id": self.aftersales_team.id,
                    "partner_id": self.aftersales_customer.id,
                    "product_id": self.chair.id,
                }
                for i in range(10)
            ]
        )
        for ticket in tickets:
            self._repair(ticket)
        self.assertOpenDocumentsQueriesIndependentOfTickets(tickets, user=self.repair_user)
        # Measured: one grouped query per service with an open notion.
        self.assertCountQueriesAtMost(
            tickets, ["aftersales_open_summary"], 4, user=self.repair_user
        )
