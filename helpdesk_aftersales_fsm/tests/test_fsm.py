from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import (
    TEAM_MODEL,
    TICKET_REQUIRED_VALUES,
    USER_GROUP,
)


@tagged("post_install", "-at_install")
class TestHelpdeskFsm(AftersalesQueriesMixin, HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.fsm_project = cls.env["project.project"].create(
            {"name": "Field Service", "is_fsm": True, "privacy_visibility": "portal"}
        )
        cls.aftersales_team.fsm_project_id = cls.fsm_project
        cls.ticket = cls.aftersales_ticket
        cls.planner = new_test_user(
            cls.env,
            login="fsm_planner",
            groups=f"{USER_GROUP},project.group_project_user",
        )

    def _dialog(self, ticket=None):
        return self.open_ticket_wizard(
            ticket or self.ticket, "action_generate_fsm_task", self.planner
        )

    def _forged(self, **vals):
        ctx = {"active_model": "helpdesk.ticket", "active_id": self.ticket.id}
        Wizard = self.env["helpdesk.create.fsm.task"].with_user(self.planner)
        return Wizard.with_context(**ctx).create(vals)

    def test_defaults_from_ticket_and_team(self):
        dialog = self._dialog()
        self.assertEqual(dialog.name, self.ticket.name)
        self.assertEqual(dialog.project_id, self.fsm_project)

    def test_create_task_stays_on_ticket(self):
        dialog = self._dialog()
        dialog.name = "Replace the chair's leg"
        action = dialog.save().action_generate_task()
        self.assertEqual(action["type"], "ir.actions.act_window_close")
        task = self.ticket.fsm_task_ids
        self.assertEqual(task.name, "Replace the chair's leg")
        self.assertEqual(task.project_id, self.fsm_project)
        self.assertEqual(task.partner_id, self.aftersales_customer)
        self.assertTrue(task.is_fsm)
        self.assertIn(self.aftersales_customer, task.message_partner_ids)
        self.assertIn(f'data-oe-id="{task.id}"', self.ticket.message_ids[0].body)
        self.assertEqual(self.ticket.fsm_task_count, 1)

    def test_create_and_view_task_opens_it(self):
        action = self._dialog().save().action_generate_and_view_task()
        self.assertEqual(action["res_model"], "project.task")
        self.assertEqual(action["res_id"], self.ticket.fsm_task_ids.id)
        self.assertEqual(action["view_mode"], "form")

    def test_task_form_shows_its_ticket(self):
        self._dialog().save().action_generate_task()
        task = Form(self.ticket.fsm_task_ids.with_user(self.planner))
        self.assertEqual(task.helpdesk_ticket_id, self.ticket)

    def test_smart_button_lists_several_tasks(self):
        self._dialog().save().action_generate_task()
        self._dialog().save().action_generate_task()
        action = self.ticket.action_view_fsm_tasks()
        self.assertEqual(
            self.env["project.task"].search(action["domain"]), self.ticket.fsm_task_ids
        )
        self.assertEqual(self.ticket.fsm_task_count, 2)

    def test_bad_inputs(self):
        other_company = self.env["res.company"].create({"name": "Other Co"})
        not_fsm = self.env["project.project"].create({"name": "Internal"})
        foreign = self.env["project.project"].create(
            {"name": "Foreign FSM", "is_fsm": True, "company_id": other_company.id}
        )
        cases = {
            "not a Field Service project": {"project_id": not_fsm.id},
            "another company": {"project_id": foreign.id},
            "title": {"name": "   "},
            "Choose the Field Service project": {"project_id": False},
        }
        for message, vals in cases.items():
            with self.subTest(message), self.assertRaisesRegex(UserError, message):
                self._forged(**vals).action_generate_task()
        self.assertFalse(
            self.env["project.task"].search([("helpdesk_ticket_id", "=", self.ticket.id)])
        )

    def test_team_without_field_service(self):
        team = self.env[TEAM_MODEL].create({"name": "Front desk"})
        ticket = self.env["helpdesk.ticket"].create(
            {**TICKET_REQUIRED_VALUES, "name": "Hello", "team_id": team.id}
        )
        wizard = (
            self.env["helpdesk.create.fsm.task"]
            .with_user(self.planner)
            .with_context(active_model="helpdesk.ticket", active_id=ticket.id)
            .create({"project_id": self.fsm_project.id})
        )
        with self.assertRaisesRegex(UserError, "does not offer this after-sales service"):
            wizard.action_generate_task()
        self.assertFalse(ticket.fsm_task_ids)

    def test_team_form_shows_the_project_with_the_setting(self):
        team = Form(self.env[TEAM_MODEL].create({"name": "Front desk"}))
        self.assertTrue(team._get_modifier("fsm_project_id", "invisible"))
        team.use_fsm = True
        self.assertFalse(team._get_modifier("fsm_project_id", "invisible"))
        team.fsm_project_id = self.fsm_project
        self.assertEqual(team.save().fsm_project_id, self.fsm_project)

    def test_agent_without_project_rights(self):
        with self.assertRaisesRegex(UserError, "Project / User"):
            self.ticket.with_user(self.helpdesk_agent).action_generate_fsm_task()

    def test_portal_customer_follows_own_task_only(self):
        portal = new_test_user(
            self.env,
            login="portal_customer",
            groups="base.group_portal",
            partner_id=self.aftersales_customer.id,
        )
        self._dialog().save().action_generate_task()
        own_task = self.ticket.fsm_task_ids
        other_task = self.env["project.task"].create(
            {"name": "Someone else's", "project_id": self.fsm_project.id}
        )
        own_task.with_user(portal).check_access("read")
        self.assertEqual(own_task.with_user(portal).name, own_task.name)
        # What the customer's portal lists: their task, not the other one.
        self.assertEqual(self.env["project.task"].with_user(portal).search([]), own_task)
        with self.assertRaises(AccessError):
            other_task.with_user(portal).check_access("read")

    def test_count_queries_do_not_grow_with_tickets(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {**TICKET_REQUIRED_VALUES, "name": f"T{i}", "team_id": self.aftersales_team.id}
                for i in range(10)
            ]
        )

        self.assertQueriesIndependentOfTickets(tickets, ["fsm_task_count"])

    def test_nothing_left_when_the_last_step_fails(self):
        wizard = self._forged()
        self.assertLeavesNothingWhenLastStepFails(
            self.ticket, wizard.action_generate_task, "project.task"
        )
