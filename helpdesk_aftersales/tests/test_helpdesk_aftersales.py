from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.models.helpdesk_team import AFTERSALES_MODULES
from odoo.addons.helpdesk_aftersales_platform.platform import (
    MANAGER_GROUP,
    TEAM_MODEL,
    TICKET_REQUIRED_VALUES,
)

from .common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestHelpdeskAftersales(HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.helpdesk_manager = cls.env["res.users"].create(
            {
                "name": "Helpdesk Manager",
                "login": "helpdesk_manager",
                "groups_id": [(6, 0, cls.env.ref(MANAGER_GROUP).ids)],
            }
        )

    def test_team_form_shows_the_five_settings(self):
        with Form(self.env[TEAM_MODEL]) as team_form:
            team_form.name = "Level 2"
            for field in AFTERSALES_MODULES:
                self.assertFalse(team_form[field], f"{field} is off on a new team")
        labels = {field: self.env[TEAM_MODEL]._fields[field].string for field in AFTERSALES_MODULES}
        self.assertEqual(
            labels,
            {
                "use_credit_notes": "Refunds",
                "use_coupons": "Coupons",
                "use_product_returns": "Returns",
                "use_product_repairs": "Repairs",
                "use_fsm": "Field Service",
            },
        )

    def test_ticket_follows_team_settings(self):
        ticket = self.aftersales_ticket
        team = self.aftersales_team
        # Work on flags directly in the database: it is the related field, not
        # the install mechanism, that is under test here.
        table = team._table
        for field in AFTERSALES_MODULES:
            team.invalidate_recordset()
            self.env.cr.execute(f"UPDATE {table} SET {field} = true WHERE id = %s", [team.id])
            self.env.invalidate_all()
            self.assertTrue(ticket[field], f"{field} is on for a team offering it")
            self.env.cr.execute(f"UPDATE {table} SET {field} = false WHERE id = %s", [team.id])
            self.env.invalidate_all()
            self.assertFalse(ticket[field], f"disabling {field} hides it on the team's tickets")

    def test_disabling_keeps_bridges_installed(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", list(AFTERSALES_MODULES.values())), ("state", "=", "installed")]
        )
        self.aftersales_team.write({field: False for field in AFTERSALES_MODULES})
        self.assertTrue(all(state == "installed" for state in modules.mapped("state")))

    def test_enabling_an_installed_service_needs_no_admin(self):
        # Mark the refund bridge installed: there is then nothing to install.
        module = self.env["ir.module.module"].search([("name", "=", "helpdesk_aftersales_refund")])
        module.state = "installed"
        team = self.aftersales_team.with_user(self.helpdesk_manager)
        team.use_credit_notes = False
        team.use_credit_notes = True
        self.assertTrue(self.aftersales_team.use_credit_notes)

    def test_non_admin_cannot_install_a_missing_bridge(self):
        # Pretend the refund bridge is not installed (in this transaction only)
        # to exercise the refusal path; the real install flow is tested at suite
        # level (tests/test_install_flow.py) since module installs are not
        # allowed inside Odoo tests.
        module = self.env["ir.module.module"].search([("name", "=", "helpdesk_aftersales_refund")])
        module.state = "uninstalled"
        team = self.env[TEAM_MODEL].create({"name": "Level 1"})
        with self.assertRaisesRegex(UserError, "helpdesk_aftersales_refund"):
            team.with_user(self.helpdesk_manager).write({"use_credit_notes": True, "name": "X"})
        self.assertFalse(team.use_credit_notes)
        self.assertEqual(team.name, "Level 1", "nothing is written when the install is refused")
        with self.assertRaisesRegex(UserError, "helpdesk_aftersales_refund"):
            self.env[TEAM_MODEL].with_user(self.helpdesk_manager).create(
                {"name": "Level 3", "use_credit_notes": True}
            )
        self.assertFalse(self.env[TEAM_MODEL].search([("name", "=", "Level 3")]))

    def test_ticket_company_follows_team(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        team_b = self.env[TEAM_MODEL].create({"name": "B team", "company_id": company_b.id})
        ticket = self.env["helpdesk.ticket"].create(
            {**TICKET_REQUIRED_VALUES, "name": "B ticket", "team_id": team_b.id}
        )
        self.assertEqual(ticket.company_id, company_b)
