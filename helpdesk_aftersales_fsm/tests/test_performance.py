from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP


@tagged("post_install", "-at_install")
class TestFsmPerformance(AftersalesQueriesMixin, HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.fsm_project = cls.env["project.project"].create(
            {"name": "Field Service", "is_fsm": True}
        )
        cls.aftersales_team.fsm_project_id = cls.fsm_project
        cls.planner = new_test_user(
            cls.env,
            login="perf_planner",
            groups=f"{USER_GROUP},project.group_project_user",
        )

    def _customer_with_tasks(self, size):
        """A ticket of a new customer who already has ``size`` tasks."""
        customer = self.env["res.partner"].create({"name": f"Customer with {size} tasks"})
        self.env["project.task"].create(
            [
                {"name": f"Visit {i}", "project_id": self.fsm_project.id, "partner_id": customer.id}
                for i in range(size)
            ]
        )
        return self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Come and fix",
                "team_id": self.aftersales_team.id,
                "partner_id": customer.id,
            }
        )

    def _plan(self, ticket):
        dialog = self.open_ticket_wizard(ticket, "action_generate_fsm_task", self.planner)
        dialog.save().action_generate_task()
        self.assertEqual(ticket.fsm_task_count, 1)

    def test_task_independent_of_task_history(self):
        self.assertQueriesIndependentOfHistory(self._customer_with_tasks, self._plan)

    def test_fsm_task_count_query_ceiling(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {**TICKET_REQUIRED_VALUES, "name": f"T{i}", "team_id": self.aftersales_team.id}
                for i in range(10)
            ]
        )
        # Measured: 1 query for 10 tickets, as for one (one grouped count of the tasks).
        self.assertCountQueriesAtMost(tickets, ["fsm_task_count"], 1, user=self.planner)
