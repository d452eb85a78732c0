from unittest.mock import patch

from odoo.tests import Form, HttpCase, tagged

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL, TICKET_ACTION

from .common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestHelpdeskAftersalesTour(HelpdeskAftersalesCase, HttpCase):
    """The newcomer's walk in a real browser: team settings, then a ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()

    def test_helpdesk_aftersales_tour(self):
        self.start_tour(
            f"/odoo/action-{TICKET_ACTION}",
            "helpdesk_aftersales_tour",
            login="admin",
        )

    def test_team_reloads_after_enabling_a_service(self):
        """Saving a team that switches a service on reloads the web client (as
        Settings does after an install): the module's views appear at once."""
        with Form(self.env[TEAM_MODEL]) as form:
            form.name = "Reloaded Team"
        team = form.save()
        self.assertFalse(team.use_credit_notes)
        # The install itself is not what the browser checks (it runs in a real
        # server in tests/test_workers.py): the save installs nothing here.
        with patch.object(
            type(self.env[TEAM_MODEL]),
            "_aftersales_modules_to_install",
            lambda team_model, vals: team_model.env["ir.module.module"],
        ):
            self.start_tour(
                f"/odoo/{TEAM_MODEL}/{team.id}",
                "helpdesk_aftersales_team_reload_tour",
                login="admin",
            )
        self.assertTrue(team.use_credit_notes)
