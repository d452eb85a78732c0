from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_access import AftersalesAccessCase
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP


class FsmAccessCase(AftersalesAccessCase, BaseCommon):
    """Users and documents of the access tests (also used by test_rpc)."""

    access_header_button = "action_generate_fsm_task"
    access_smart_button = "action_view_fsm_tasks"
    access_document_model = "project.task"
    access_extra_roles = {
        "planner": [USER_GROUP, "project.group_project_user"],
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_access()
        # Shared with portal users: customers follow their tasks there.
        cls.fsm_project = cls.env["project.project"].create(
            {"name": "Field Service", "is_fsm": True, "privacy_visibility": "portal"}
        )
        cls.aftersales_team.fsm_project_id = cls.fsm_project

    def _access_run_wizard(self, ticket, user):
        dialog = self.open_ticket_wizard(ticket, "action_generate_fsm_task", user)
        dialog.save().action_generate_task()


@tagged("post_install", "-at_install")
class TestFsmAccess(FsmAccessCase):
    def test_access_matrix(self):
        self.assertAccessMatrix(
            {
                # Planning needs Project / User. Every employee reads the
                # tasks of projects not restricted to followers (core rule:
                # the chatter link opens), without the smart button. The
                # customer reads the tasks of their own tickets in the portal
                # (next test), not through the back-end ticket.
                "agent": (False, UserError, False, True),
                "manager": (False, UserError, False, True),
                "salesman": (False, UserError, False, True),
                "accountant": (False, UserError, False, True),
                "stock_user": (False, UserError, False, True),
                "planner": (True, True, True, True),
                "portal": (False, UserError, False, False),
                "public": (False, UserError, False, False),
            }
        )

    def test_portal_customer_reads_own_tickets_tasks_only(self):
        self._access_run_wizard(self.aftersales_ticket, self.env.user)
        own_task = self.aftersales_ticket.fsm_task_ids
        other_customer = self.env["res.partner"].create({"name": "Someone else"})
        other_ticket = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Not yours",
                "team_id": self.aftersales_team.id,
                "partner_id": other_customer.id,
            }
        )
        self._access_run_wizard(other_ticket, self.env.user)
        portal = self.access_users["portal"]
        Task = self.env["project.task"].with_user(portal)
        self.assertEqual(Task.search([("project_id", "=", self.fsm_project.id)]), own_task)
        with self.assertRaises(AccessError):
            other_ticket.fsm_task_ids.with_user(portal).read(["name"])
        with self.assertRaises(AccessError):
            other_ticket.with_user(portal).action_view_fsm_tasks()

    def test_ticket_of_another_company(self):
        planner = self.access_users["planner"]
        ticket_b = self._aftersales_company_b_ticket(planner)
        company_b = ticket_b.company_id
        project_b = self.env["project.project"].create(
            {"name": "B Field Service", "is_fsm": True, "company_id": company_b.id}
        )
        project_a = self.env["project.project"].create(
            {"name": "A Field Service", "is_fsm": True, "company_id": self.env.company.id}
        )
        Wizard = ticket_b.env["helpdesk.create.fsm.task"].with_context(
            active_model="helpdesk.ticket", active_id=ticket_b.id
        )
        wizard = Wizard.create({"project_id": project_b.id})
        offered = self.assertNotOffered(wizard, "project_id", project_a)
        self.assertIn(project_b, offered)
        self.assertRefusedAndNothingCreated(
            ticket_b,
            lambda: Wizard.create({"project_id": project_a.id}).action_generate_task(),
            "another company",
        )
