from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP


@tagged("post_install", "-at_install")
class TestFsmPortal(AftersalesPortalCase, HelpdeskAftersalesCase, BaseCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_portal()
        cls.fsm_project = cls.env["project.project"].create(
            {"name": "Field Service", "is_fsm": True, "privacy_visibility": "portal"}
        )
        cls.aftersales_team.fsm_project_id = cls.fsm_project
        cls.planner = new_test_user(
            cls.env,
            login="portal_fsm_planner",
            groups=f"{USER_GROUP},project.group_project_user",
        )
        cls.ticket = cls.aftersales_ticket

    def _plan(self, name, user=None):
        # As the agent does: Plan Intervention on the ticket, a title, Create.
        dialog = self.open_ticket_wizard(
            self.ticket, "action_generate_fsm_task", user or self.planner
        )
        dialog.name = name
        dialog.save().action_generate_task()
        return self.ticket.fsm_task_ids

    def test_task_links_to_its_portal_page(self):
        task = self._plan("Replace the chair's leg")
        page = self.assertOnlyCustomerSees(
            self.ticket, 'id="aftersales_fsm_tasks"', "Replace the chair&#39;s leg"
        )
        link = f"/my/tasks/{task.id}?access_token={task.access_token}"
        self.assertPageShows(page, f'href="{link}"')
        # An open task shows its stage (as the project's portal does), if
        # any; a closed one done or cancelled; in coloured badges.
        self.assertStatusBadge(page, "aftersales_fsm_tasks", "In progress", "info")
        task.stage_id = self.env["project.task.type"].create(
            {"name": "Planned", "project_ids": self.fsm_project.ids}
        )
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertStatusBadge(page, "aftersales_fsm_tasks", "Planned", "info")
        task.state = "1_done"
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertStatusBadge(page, "aftersales_fsm_tasks", "Done", "success")
        # The customer opens it: as a follower of the task, and with the link.
        self.authenticate("portal_customer_a", "portal_customer_a")
        for url in (f"/my/tasks/{task.id}", link):
            task_page = self.url_open(url)
            self.assertEqual(task_page.status_code, 200)
            self.assertTrue(task_page.url.endswith(url), task_page.url)
            self.assertPageShows(task_page, "Replace the chair&#39;s leg")

    def test_task_of_an_unshared_project_has_no_link(self):
        self.fsm_project.privacy_visibility = "followers"
        # The project's followers plan its tasks: here, its manager.
        task = self._plan("Inspect the chair", user=self.env.user)
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertPageShows(page, 'id="aftersales_fsm_tasks"', "Inspect the chair")
        self.assertPageHides(page, f"/my/tasks/{task.id}")

    def test_block_in_german_and_chinese(self):
        self._plan("Replace the chair's leg")
        self._setup_portal_languages(core=["project"])
        self.assertPortalPageTranslated(
            f"/my/ticket/{self.ticket.id}", "portal_customer_a", region="ticket_aftersales"
        )
