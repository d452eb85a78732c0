# helpdesk_mgmt's "Personal tickets" agents (group_helpdesk_user_own) serve the
# tickets its rules show them: the suite's agent group comes with theirs.
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES


@tagged("post_install", "-at_install")
class TestPersonalTickets(HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.own_agent = new_test_user(
            cls.env, login="own_agent", groups="helpdesk_mgmt.group_helpdesk_user_own"
        )
        cls.aftersales_ticket.user_id = cls.own_agent
        cls.other_ticket = cls.env["helpdesk.ticket"].create(
            {**TICKET_REQUIRED_VALUES, "name": "Not mine", "team_id": cls.aftersales_team.id}
        )

    def test_personal_agent_is_an_after_sales_agent(self):
        self.assertTrue(
            self.own_agent.has_group("helpdesk_aftersales_platform.group_helpdesk_user")
        )
        self.assertFalse(
            self.own_agent.has_group("helpdesk_aftersales_platform.group_helpdesk_manager")
        )

    def test_personal_agent_serves_own_tickets_only(self):
        ticket = self.aftersales_ticket.with_user(self.own_agent)
        # Their ticket: its form with what is still open, and the right to act on it.
        form = Form(ticket)
        self.assertFalse(form.aftersales_open_summary)
        ticket._aftersales_check_service(None)
        # Another agent's ticket: the helpdesk's rules hide it.
        with self.assertRaises(AccessError):
            self.other_ticket.with_user(self.own_agent).check_access("read")
