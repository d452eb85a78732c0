from odoo.tests import Form, new_test_user

from odoo.addons.helpdesk_aftersales.models.helpdesk_team import AFTERSALES_MODULES
from odoo.addons.helpdesk_aftersales_platform.platform import (
    MANAGER_GROUP,
    TEAM_MODEL,
    TICKET_ACTION,
    TICKET_REQUIRED_VALUES,
    USER_GROUP,
)


class HelpdeskAftersalesCase:
    """Mixin for the suite's test classes: a team with every after-sales
    service on, a customer, a ticket and a helpdesk agent. Combine it with the
    core test base a bridge needs (``BaseCommon``, ``AccountTestInvoicingCommon``,
    …) and call ``cls._setup_aftersales()`` from ``setUpClass``."""

    @classmethod
    def _setup_aftersales(cls):
        # Some core bases (e.g. AccountTestInvoicingCommon) run as a user
        # without helpdesk rights: the set-up is the helpdesk manager's work.
        cls.env.user.groups_id += cls.env.ref(MANAGER_GROUP)
        # A company has an email, as its administrator sets it up: the
        # helpdesk's ticket mails are sent from it (OCA helpdesk_mgmt's stage
        # templates); without one the test database has no sender at all.
        if not cls.env.company.email:
            cls.env.company.sudo().email = "info@yourcompany.example.com"
        # Only the services whose bridge is installed: enabling another one
        # would install a module, which Odoo forbids inside tests.
        installed = set(
            cls.env["ir.module.module"]
            .search(
                [("name", "in", list(AFTERSALES_MODULES.values())), ("state", "=", "installed")]
            )
            .mapped("name")
        )
        cls.aftersales_services = [f for f, m in AFTERSALES_MODULES.items() if m in installed]
        cls.aftersales_team = cls.env[TEAM_MODEL].create(
            {"name": "After-Sales", **{field: True for field in cls.aftersales_services}}
        )
        cls.aftersales_customer = cls.env["res.partner"].create(
            {"name": "Deco Addict", "email": "deco.addict@example.com"}
        )
        cls.aftersales_ticket = cls.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "The chair is broken",
                "team_id": cls.aftersales_team.id,
                "partner_id": cls.aftersales_customer.id,
            }
        )
        cls.helpdesk_agent = new_test_user(
            cls.env,
            login="helpdesk_agent",
            name="Helpdesk Agent",
            groups=USER_GROUP,
        )

    @classmethod
    def _load_aftersales_languages(cls, modules, langs=("de_DE", "zh_CN")):
        """Activate German and Chinese and load the catalogues of ``modules``
        (what a user switching language gets)."""
        for lang in langs:
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(list(modules), list(langs))

    def open_ticket_wizard(self, ticket, method, user=None):
        """Click the ticket button ``method`` (as ``user``) and return the
        dialog as a ``Form``, the way the web client opens it."""
        ticket = ticket.with_user(user) if user else ticket
        action = getattr(ticket, method)()
        self.assertEqual(action["type"], "ir.actions.act_window")
        self.assertEqual(action.get("target"), "new", "after-sales dialogs open as a pop-up")
        model = self.env[action["res_model"]].with_user(user or self.env.user)
        view = next((view_id for view_id, mode in action.get("views", []) if mode == "form"), False)
        return Form(model.with_context(**action.get("context", {})), view=view or None)

    def assertLeavesNothingWhenLastStepFails(self, ticket, action, model_name):
        """Make the last step of ``action`` (the chatter message on the ticket)
        fail: the documents it created before must be gone with it, as the one
        transaction of the user's click is rolled back."""
        from unittest.mock import patch

        def fail(*args, **kwargs):
            raise RuntimeError("the chatter is down")

        Model = self.env[model_name].sudo()
        before = Model.search_count([])
        messages = len(ticket.message_ids)
        ticket_class = self.registry["helpdesk.ticket"]
        with (
            patch.object(ticket_class, "_aftersales_post_documents", fail),
            self.assertRaisesRegex(RuntimeError, "the chatter is down"),
            # What the RPC layer does with the click's transaction on error:
            # anything written outside it (a commit, another cursor) survives.
            self.env.cr.savepoint(),
        ):
            action()
        self.env.invalidate_all()
        self.assertEqual(Model.search_count([]), before, f"no {model_name} left behind")
        ticket.invalidate_recordset()
        self.assertEqual(len(ticket.message_ids), messages, "no chatter message left behind")

    def start_ticket_tour(self, tour, ticket=None, login="admin"):
        """Run the browser tour ``tour`` (an ``HttpCase`` test) on the form of
        ``ticket`` (the set-up's ticket by default), as ``login``."""
        ticket = ticket or self.aftersales_ticket
        self.start_tour(f"/odoo/action-{TICKET_ACTION}/{ticket.id}", tour, login=login)
