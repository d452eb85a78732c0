from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_close import AftersalesCloseCase
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP


@tagged("post_install", "-at_install")
class TestFsmCloseWhenDone(AftersalesCloseCase, BaseCommon):
    """A Field Service task keeps the ticket open until it is done or
    cancelled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_close()
        cls.fsm_project = cls.env["project.project"].create(
            {"name": "Field Service", "is_fsm": True}
        )
        cls.aftersales_team.fsm_project_id = cls.fsm_project
        cls.planner = new_test_user(
            cls.env,
            login="close_planner",
            groups=f"{USER_GROUP},project.group_project_user",
        )
        cls.ticket = cls.aftersales_ticket
        cls.ticket.stage_id = cls.open_stage

    def _plan(self, ticket=None):
        ticket = ticket or self.ticket
        dialog = self.open_ticket_wizard(ticket, "action_generate_fsm_task", self.planner)
        dialog.name = "Fix the chair on site"
        dialog.save().action_generate_task()
        return ticket.fsm_task_ids

    def _set_task_state(self, task, state):
        with Form(task.with_user(self.planner)) as form:
            form.state = state

    def test_task_keeps_the_ticket_open_until_done(self):
        self.assertFalse(self.open_after_sales_line(self.ticket, self.planner))
        task = self._plan()
        self.assertEqual(self.open_after_sales_line(self.ticket, self.planner), "Tasks: 1")
        message = self.assertCloseRefused(self.ticket, self.planner)
        self.assertIn("- Tasks: Fix the chair on site", message)
        self._set_task_state(task, "02_changes_requested")
        self.assertCloseRefused(self.ticket, self.planner)
        self._set_task_state(task, "1_done")
        self.assertFalse(self.open_after_sales_line(self.ticket, self.planner))
        self.assertCloseAllowed(self.ticket, self.planner)

    def test_cancelled_task_is_done(self):
        task = self._plan()
        self._set_task_state(task, "1_canceled")
        self.assertCloseAllowed(self.ticket, self.planner)

    def test_without_the_setting_the_ticket_closes(self):
        self._plan()
        self.set_close_when_done(False)
        self.assertCloseAllowed(self.ticket, self.planner)

    def test_agent_without_project_rights_is_refused_too(self):
        """Odoo lets every internal user read tasks (Project's own access
        rights): the agent is refused with the task's name."""
        task = self._plan()
        agent = self.helpdesk_agent
        self.assertFalse(agent.has_group("project.group_project_user"))
        self.assertTrue(task.with_user(agent).has_access("read"))
        self.assertEqual(self.open_after_sales_line(self.ticket, agent), "Tasks: 1")
        message = self.assertCloseRefused(self.ticket, agent)
        self.assertIn("- Tasks: Fix the chair on site", message)
        # A task of another company is counted, not named (the agent
        # cannot read it).
        other_company = self.env["res.company"].create({"name": "Other Services"})
        self.env["project.task"].create(
            {
                "name": "Secret visit",
                "company_id": other_company.id,
                "helpdesk_ticket_id": self.ticket.id,
            }
        )
        message = self.assertCloseRefused(self.ticket, agent)
        self.assertIn("- Tasks: Fix the chair on site, 1 you cannot access", message)
        self.assertNotIn("Secret visit", message)

    def test_open_documents_queries_independent_of_tickets(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    **TICKET_REQUIRED_VALUES,
                    "name": f"T{i}",
                    "team_id": self.aftersales_team.id,
                    "partner_id": self.aftersales_customer.id,
                }
                for i in range(10)
            ]
        )
        self.env["project.task"].create(
            [
                {"name": t.name, "project_id": self.fsm_project.id, "helpdesk_ticket_id": t.id}
                for t in tickets
            ]
        )
        self.assertOpenDocumentsQueriesIndependentOfTickets(tickets, user=self.planner)
        # Measured: one grouped query per service with an open notion.
        self.assertCountQueriesAtMost(tickets, ["aftersales_open_summary"], 4, user=self.planner)
