from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestFsmTour(HelpdeskAftersalesCase, HttpCase):
    """An agent plans an intervention in a real browser: Plan Intervention,
    the team's Field Service project is proposed, Create Task; the Tasks smart
    button counts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.fsm_project = cls.env["project.project"].create(
            {"name": "Tour Field Service", "is_fsm": True, "privacy_visibility": "portal"}
        )
        cls.aftersales_team.fsm_project_id = cls.fsm_project

    def test_fsm_tour(self):
        self.start_ticket_tour("helpdesk_aftersales_fsm_tour")
        task = self.aftersales_ticket.fsm_task_ids
        self.assertEqual(task.project_id, self.fsm_project)
        self.assertEqual(task.name, "The chair is broken")
