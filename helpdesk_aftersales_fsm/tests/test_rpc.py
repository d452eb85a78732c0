from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common_rpc import AftersalesRpcCase

from .test_access import FsmAccessCase


@tagged("post_install", "-at_install")
class TestFsmRpc(AftersalesRpcCase, FsmAccessCase, HttpCase):
    rpc_model = "helpdesk.create.fsm.task"
    rpc_confirm = "action_generate_task"
    rpc_role = "planner"

    def test_malformed_values(self):
        ticket = self.aftersales_ticket
        project = self.fsm_project.id
        # Values no web client sends: the ORM refuses them (the column's type,
        # its foreign key) before anything is created.
        forged = {
            "wrong id": {"project_id": 2_000_000_000},
            "id of another model": {"project_id": self.rpc_foreign_id("project.project")},
            "string for an id": {"project_id": "abc"},
            "list for an id": {"project_id": [project, project]},
            "negative id": {"project_id": -1},
        }
        for case, values in forged.items():
            with self.subTest(case):
                self.assertRpcFails(ticket, values)
        self.assertRpcRefused(ticket, {"project_id": project, "name": "  "})
        self.assertRpcAccepted(ticket, {"project_id": project, "name": "Fix it"})
