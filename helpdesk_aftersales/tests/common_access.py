from odoo.tests import new_test_user

from odoo.addons.helpdesk_aftersales_platform.platform import (
    MANAGER_GROUP,
    TEAM_MODEL,
    TICKET_REQUIRED_VALUES,
    USER_GROUP,
)

from .common import HelpdeskAftersalesCase

# Access matrix and other-company checks (issue 11): one pattern, one
# instance per bridge in its tests/test_access.py (the RPC calls built on
# it: common_rpc.py, tests/test_rpc.py).

# The roles of SECURITY.md. An agent's other rights come on top of
# Helpdesk / User: without it nobody reaches the ticket form at all.
# Groups of apps that are not installed are left out.

AFTERSALES_ROLES = {
    "agent": [USER_GROUP],
    "manager": [MANAGER_GROUP],
    # Sales / User: Own Documents Only (the narrowest sales right).
    "salesman": [USER_GROUP, "sales_team.group_sale_salesman"],
    "accountant": [USER_GROUP, "account.group_account_invoice"],
    "stock_user": [USER_GROUP, "stock.group_stock_user"],
    "portal": ["base.group_portal"],  # the ticket's customer
    "public": ["base.group_public"],
}
# Users who must never reach the ticket nor its documents: an agent with
# every right, but of another company only, and another customer's portal.
AFTERSALES_OUTSIDERS = ("other_company_agent", "other_portal")
ALL_RIGHTS = [
    MANAGER_GROUP,
    "sales_team.group_sale_manager",
    "account.group_account_manager",
    "stock.group_stock_manager",
    "project.group_project_manager",
]


class AftersalesAccessCase(HelpdeskAftersalesCase):
    """Access matrix of a bridge. A bridge's ``test_access.py`` sets the
    class attributes, implements ``_access_run_wizard`` (the clicks of an
    agent who uses the service, as ``user``) and calls
    ``assertAccessMatrix(expected)`` with one row per role of
    ``AFTERSALES_ROLES``: ``(header button visible, wizard outcome (True or
    the exception class), smart button visible, linked documents readable
    from the smart button)``."""

    access_header_button = None  # e.g. "action_refund"
    access_smart_button = None  # e.g. "action_view_credit_notes"
    access_document_model = None  # e.g. "account.move"
    # Roles a bridge adds to the seven, e.g. the Field Service planner.
    access_extra_roles = {}

    @classmethod
    def _setup_aftersales_access(cls):
        """The users of the matrix (``cls.access_users[role]``); call after
        ``_setup_aftersales``."""
        cls.access_other_company = cls.env["res.company"].create({"name": "Outsiders Inc."})
        users = {}
        for role, groups in {**AFTERSALES_ROLES, **cls.access_extra_roles}.items():
            extra = {"partner_id": cls.aftersales_customer.id} if role == "portal" else {}
            users[role] = new_test_user(
                cls.env, login=f"access_{role}", groups=cls._access_groups(groups), **extra
            )
        users["other_company_agent"] = new_test_user(
            cls.env,
            login="access_other_company_agent",
            groups=cls._access_groups(ALL_RIGHTS),
            company_id=cls.access_other_company.id,
            company_ids=[(6, 0, cls.access_other_company.ids)],
        )
        users["other_portal"] = new_test_user(
            cls.env, login="access_other_portal", groups="base.group_portal"
        )
        cls.access_users = users

    @classmethod
    def _access_groups(cls, xmlids):
        return ",".join(x for x in xmlids if cls.env.ref(x, raise_if_not_found=False))

    def _access_run_wizard(self, ticket, user):
        """Click the header button as ``user``, fill the dialog and confirm."""
        raise NotImplementedError

    def _access_documents(self, ticket):
        return (
            self.env[self.access_document_model]
            .sudo()
            .search([("helpdesk_ticket_id", "=", ticket.id)])
        )

    def _access_button_visible(self, ticket, user, button):
        """Whether ``user`` sees ``button`` on the ticket form: an internal
        user who reads the ticket, the button kept in the view rendered for
        the user's groups, and its ``invisible`` expression false on the
        values the user reads."""
        from lxml import etree

        from odoo.exceptions import AccessError
        from odoo.tools.safe_eval import safe_eval
        from odoo.tools.view_validation import get_expression_field_names

        ticket = ticket.with_user(user)
        if not user._is_internal():
            return False  # portal and public users never get the back-end form
        try:
            ticket.check_access("read")
        except AccessError:
            return False
        arch = ticket.get_views([(False, "form")])["views"]["form"]["arch"]
        nodes = etree.fromstring(arch).xpath(f"//button[@name='{button}']")
        if not nodes:
            return False
        expression = nodes[0].get("invisible")
        if not expression:
            return True
        values = ticket.read(sorted(get_expression_field_names(expression)))[0]
        values = {k: v[0] if isinstance(v, tuple) else v for k, v in values.items()}
        return not safe_eval(expression, values)

    def _access_open_documents(self, ticket, user, expected_docs):
        """Click the smart button as ``user`` and read what it opens; True
        when the user reads exactly the ticket's documents."""
        from odoo.exceptions import AccessError

        try:
            action = getattr(ticket.with_user(user), self.access_smart_button)()
            Model = self.env[action["res_model"]].with_user(user)
            if action.get("res_id"):
                docs = Model.browse(action["res_id"])
            else:
                docs = Model.search(action["domain"])
            docs.read(["display_name"])
        except AccessError:
            return False
        self.assertLessEqual(
            set(docs.ids), set(expected_docs.ids), "the smart button opens the ticket's documents"
        )
        return bool(docs)

    def _access_run(self, ticket, user):
        """Run the wizard as ``user``, in a savepoint rolled back after: the
        outcome, and whether a document was left (only on success)."""
        from contextlib import closing

        from odoo.exceptions import AccessError, UserError

        before = self._access_documents(ticket)
        messages = len(ticket.message_ids)
        with closing(self.env.cr.savepoint()):
            try:
                self._access_run_wizard(ticket, user)
            except (AccessError, UserError) as exc:
                outcome = type(exc)
                self.env.invalidate_all()
                self.assertEqual(self._access_documents(ticket), before, "nothing created")
                ticket.invalidate_recordset()
                self.assertEqual(len(ticket.message_ids), messages, "no message posted")
            else:
                outcome = True
                self.env.invalidate_all()
                self.assertGreater(
                    self._access_documents(ticket), before, "the wizard created a document"
                )
        self.env.invalidate_all()
        return outcome

    def assertAccessMatrix(self, expected, ticket=None):
        """``expected``: ``{role: (header, wizard, smart, open)}`` for every
        role; the outsiders see and reach nothing whatever the bridge."""
        ticket = ticket or self.aftersales_ticket
        roles = set(AFTERSALES_ROLES) | set(self.access_extra_roles)
        self.assertEqual(set(expected), roles, "one row per role")
        wizard_outcomes = {}
        for role in [*expected, *AFTERSALES_OUTSIDERS]:
            user = self.access_users[role]
            wizard_outcomes[role] = self._access_run(ticket, user)
        # The documents the smart button opens: made by the set-up user.
        self._access_run_wizard(ticket, self.env.user)
        documents = self._access_documents(ticket)
        self.assertTrue(documents)
        ticket.invalidate_recordset()

        def buttons_seen_by(user):
            return (
                self._access_button_visible(ticket, user, self.access_header_button),
                self._access_button_visible(ticket, user, self.access_smart_button),
            )

        actual = {}
        for role in [*expected, *AFTERSALES_OUTSIDERS]:
            user = self.access_users[role]
            # One request per user, as in production: a fresh cache.
            self.env.invalidate_all()
            header, smart = buttons_seen_by(user)
            opened = self._access_open_documents(ticket, user, documents)
            actual[role] = (header, wizard_outcomes[role], smart, opened)
        # The same users one after the other in one cache: a count or flag
        # computed for one user must not be shown to the next (our computes
        # declare depends_context("uid")). Only the buttons: records already
        # in the cache are core's to protect, per request.
        self.env.invalidate_all()
        self.assertEqual(
            {role: buttons_seen_by(self.access_users[role]) for role in actual},
            {role: (row[0], row[2]) for role, row in actual.items()},
            "cached across users",
        )
        for role in AFTERSALES_OUTSIDERS:
            header, wizard, smart, opened = actual.pop(role)
            self.assertIsNot(wizard, True, f"{role} cannot run the dialog")
            self.assertEqual((header, smart, opened), (False, False, False), role)
        self.maxDiff = None
        self.assertEqual(actual, expected)

    # Other companies ------------------------------------------------------

    def _aftersales_offered(self, wizard, field_name, view=None):
        """The records the dialog offers in ``field_name`` to the wizard's
        user, as the web client finds them: the field's domain in the form
        view ``view`` (an xmlid; default: the model's form), else the
        field's own domain with its company check, evaluated on the
        wizard's values and searched as that user."""
        from lxml import etree

        from odoo.tools.safe_eval import safe_eval
        from odoo.tools.view_validation import get_expression_field_names

        env = wizard.env
        view_id = env.ref(view).id if view else False
        arch = wizard.get_views([(view_id, "form")])["views"]["form"]["arch"]
        nodes = etree.fromstring(arch).xpath(f"//field[@name='{field_name}']")
        self.assertTrue(nodes, f"the dialog shows {field_name}")
        field = wizard._fields[field_name]
        domain = nodes[0].get("domain") or field._description_domain(env) or "[]"
        if not isinstance(domain, str):
            domain = repr(domain)
        values = {
            "uid": env.uid,
            "context": dict(env.context),
            "allowed_company_ids": env.companies.ids,
            "current_company_id": env.company.id,
        }
        for name in get_expression_field_names(domain) - set(values) - {"id"}:
            value = wizard[name]
            if wizard._fields[name].type == "many2one":
                value = value.id
            elif wizard._fields[name].relational:
                value = value.ids
            values[name] = value
        return env[field.comodel_name].search(safe_eval(domain, values))

    def assertNotOffered(self, wizard, field_name, record, view=None):
        """The dialog does not offer ``record`` (of another company) in
        ``field_name``, though its user may read it: the dialog's domain
        is what keeps it out. Everything offered is of the ticket's company
        or shared."""
        record.with_user(wizard.env.user).check_access("read")
        offered = self._aftersales_offered(wizard, field_name, view)
        self.assertNotIn(record, offered)
        company = wizard.helpdesk_ticket_id.company_id
        self.assertEqual(
            set(offered.mapped("company_id")) - {company}, set(), "only the ticket's company"
        )
        return offered

    def assertRefusedAndNothingCreated(self, ticket, call, message=None):
        """``call`` (a forged confirm) is refused with a clear error and
        leaves no document and no chatter message on ``ticket``."""
        from odoo.exceptions import UserError

        before = self._access_documents(ticket)
        messages = len(ticket.message_ids)
        # AccessError is a UserError.
        with self.assertRaises(UserError) as caught:
            call()
        if message:
            self.assertRegex(str(caught.exception), message)
        self.env.invalidate_all()
        self.assertEqual(self._access_documents(ticket), before, "nothing created")
        self.assertEqual(len(ticket.message_ids), messages, "no message posted")

    def _aftersales_company_b_ticket(self, user, **team_values):
        """A ticket of a second company (B) whose customer also buys from
        the main company (A); ``user`` works in B and may read A's
        documents too (the worst case: only the dialog keeps A's out).
        Returns the ticket in ``user``'s environment."""
        company_b = self.env["res.company"].create({"name": "Company B"})
        company_a = self.env.company
        user.company_ids |= company_b
        team_b = self.env[TEAM_MODEL].create(
            {
                "name": "B After-Sales",
                "company_id": company_b.id,
                **{field: True for field in self.aftersales_services},
                **team_values,
            }
        )
        ticket_b = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Broken in B",
                "team_id": team_b.id,
                "partner_id": self.aftersales_customer.id,
            }
        )
        self.assertEqual(ticket_b.company_id, company_b)
        env = self.env(user=user, context={"allowed_company_ids": [company_b.id, company_a.id]})
        return ticket_b.with_env(env)
