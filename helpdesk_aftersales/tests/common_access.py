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


# Company boundaries (issue 26) ----------------------------------------------
# The systematic guards: every model a module of the suite defines (regular
# and transient), and every relational field it adds to company data, walked
# from the registry. A new model without a record rule, or a new field to
# company data that the ORM does not check, fails them.


def aftersales_suite_modules(env):
    """The installed addons of the suite."""
    return set(
        env["ir.module.module"]
        .sudo()
        .search([("name", "=like", "helpdesk\\_aftersales%"), ("state", "=", "installed")])
        .mapped("name")
    )


def aftersales_module_models(env, module):
    """The models ``module`` defines (regular and transient), from the registry."""
    return sorted(
        name
        for name, model in env.registry.items()
        if model._original_module == module and not model._abstract
    )


def aftersales_field_module(model, field):
    """The module that gives ``field`` to ``model`` (a class of the registry):
    the one that defines it, or for a field of one of the base's mixins, the
    module that adds the mixin to the model."""
    registry = model.pool
    for cls in reversed(model.__mro__):
        inherit = getattr(cls, "_inherit", None) or ()
        inherit = [inherit] if isinstance(inherit, str) else list(inherit)
        mixins = [
            registry[name]
            for name in inherit
            if name.startswith("helpdesk.aftersales.") and name in registry
        ]
        if any(field.name in mixin._fields for mixin in mixins):
            return cls._module
    return field._module


def aftersales_company_fields(env, module):
    """``[(model, field name)]``: the relational fields ``module`` adds (also
    through the suite's mixins) that point to company data (a comodel with a
    company) and that a user may write."""
    result = []
    for name, model in env.registry.items():
        if model._abstract:
            continue
        for field in model._fields.values():
            if field.automatic or aftersales_field_module(model, field) != module:
                continue
            if field.type not in ("many2one", "many2many") or field.related:
                continue
            if field.compute and not (field.store and not field.readonly):
                continue
            comodel = env[field.comodel_name]
            if comodel._name == "res.company" or "company_id" not in comodel._fields:
                continue
            result.append((name, field.name))
    return sorted(result)


def aftersales_related_fields(env, module):
    """``[(model, field name, first field of its path)]``: the related fields
    ``module`` gives the dialogs (transient models), read through a relational
    field: what a dialog shows of the records it is given."""
    result = []
    for name, model in env.registry.items():
        if model._abstract or not model._transient:
            continue
        for field in model._fields.values():
            if not field.related or aftersales_field_module(model, field) != module:
                continue
            first = model._fields[field.related.split(".")[0]]
            if first.relational:
                result.append((name, field.name, first.name))
    return sorted(result)


class AftersalesBoundaryCase(AftersalesAccessCase):
    """The company boundaries of one module of the suite: its test_access.py
    sets ``boundary_module``, gives a record of company A (the set-up's
    company) of each model it defines (``_boundary_sample``) and calls the
    three guards. Company A is the set-up's; the agent of company B has every
    right, in company B only."""

    boundary_module = None

    @classmethod
    def _setup_aftersales_boundaries(cls):
        """The agent of company B; call after ``_setup_aftersales_access``."""
        cls.boundary_company_a = cls.env.company
        cls.boundary_company_b = cls.env["res.company"].create({"name": "Boundary B"})
        # The set-up's user writes what only administrators write (companies).
        cls.env.user.company_ids |= cls.boundary_company_b
        cls.boundary_agent = new_test_user(
            cls.env,
            login="boundary_agent_b",
            groups=cls._access_groups(ALL_RIGHTS),
            company_id=cls.boundary_company_b.id,
            company_ids=[(6, 0, cls.boundary_company_b.ids)],
        )
        # A ticket that stays in company A when a probe moves the set-up's
        # ticket to company B.
        cls.boundary_ticket_a = cls.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Stays in A",
                "team_id": cls.aftersales_team.id,
                "partner_id": cls.aftersales_customer.id,
            }
        )

    def _boundary_sample(self, model_name):
        """A record of ``model_name`` of company A, as its users make it. A
        dialog of a ticket is opened on the set-up's ticket; a module gives
        the others."""
        Model = self.env[model_name]
        if model_name == "helpdesk.ticket":
            return self.aftersales_ticket
        if isinstance(Model, type(self.env["helpdesk.aftersales.wizard.mixin"])):
            ticket = self.aftersales_ticket
            return Model.with_context(active_model="helpdesk.ticket", active_id=ticket.id).create(
                {}
            )
        self.fail(f"no record of {model_name}: give one in _boundary_sample")

    def _boundary_as(self, records, user):
        """``records`` in a request of ``user``: their allowed companies, and
        nothing in the cache (as in production, one request per user: what
        the set-up read is not served to them)."""
        self.env.invalidate_all()
        context = dict(records.env.context, allowed_company_ids=user.company_ids.ids)
        return records.with_env(records.env(user=user, context=context))

    def _boundary_record_of_a(self, model_name):
        """A record of ``model_name`` of company A that the agent of company B
        may not read: the set-up must have one."""
        records = self.env[model_name].sudo().with_context(active_test=False)
        found = records.search(
            [("company_id", "=", self.boundary_company_a.id)], order="id desc", limit=1
        )
        self.assertTrue(found, f"the set-up has no {model_name} of company A")
        return found.with_env(self.env)

    def _boundary_move_to_company_b(self, record):
        """Make ``record`` a record of company B for the rules and the company
        checks, inside the test's transaction: its company column and those
        it is related to, and the set-up's ticket (a dialog's company)."""
        from odoo.tools import SQL

        company_b = self.boundary_company_b.id
        self.env.flush_all()  # what the ORM still has to write would undo this
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET company_id = %s WHERE id = %s",
                company_b,
                self.aftersales_ticket.id,
            )
        )
        record = record.sudo()
        field = record._fields.get("company_id")
        while field:
            if field.store:
                self.env.cr.execute(
                    SQL(
                        "UPDATE %s SET company_id = %s WHERE id IN %s",
                        SQL.identifier(record._table),
                        company_b,
                        tuple(record.ids),
                    )
                )
            if not field.related:
                break
            *path, last = field.related.split(".")
            for name in path:
                record = record[name]
            field = record._fields.get(last) if record else None
        self.env.invalidate_all()

    def assertCompanyBoundaries(self):
        """The three guards on the module's models and fields."""
        self.assertTrue(
            aftersales_module_models(self.env, self.boundary_module)
            or aftersales_company_fields(self.env, self.boundary_module)
            or aftersales_related_fields(self.env, self.boundary_module),
            f"{self.boundary_module} has nothing to guard: leave it out",
        )
        self.assertModelsHaveCompanyRules()
        self.assertCompanyFieldsChecked()
        self.assertRelatedFieldsReadAsUser()

    def assertModelsHaveCompanyRules(self):
        """The agent of company B neither reads, writes nor creates a record
        of company A of any model the module defines."""
        from contextlib import closing

        from odoo.exceptions import UserError

        models = aftersales_module_models(self.env, self.boundary_module)
        agent = self.boundary_agent
        for model_name in models:
            with self.subTest(model=model_name), closing(self.env.cr.savepoint()):
                sample = self._boundary_sample(model_name)
                self.assertEqual(sample._name, model_name)
                values = sample.copy_data()[0]
                mine = self._boundary_as(sample, agent)
                with self.assertRaises(UserError, msg="read"):
                    mine.read(["display_name"])
                with self.assertRaises(UserError, msg="write"):
                    mine.check_access("write")
                with self.assertRaises(UserError, msg="create"):
                    self._boundary_as(self.env[model_name], agent).create(values)

    def assertCompanyFieldsChecked(self):
        """Every relational field to company data the module adds refuses a
        record of company A on a record of company B, written by the agent of
        company B (who may write the record; records only administrators
        write, such as companies, by the set-up's user)."""
        from contextlib import closing

        from odoo import Command
        from odoo.exceptions import UserError

        fields = aftersales_company_fields(self.env, self.boundary_module)
        agent = self.boundary_agent
        for model_name, field_name in fields:
            with self.subTest(field=f"{model_name}.{field_name}"), closing(self.env.cr.savepoint()):
                sample = self._boundary_sample(model_name)
                comodel = sample._fields[field_name].comodel_name
                self._boundary_move_to_company_b(sample)
                value = self._boundary_record_of_a(comodel)
                writer = agent if self._boundary_as(sample, agent).has_access("write") else None
                mine = self._boundary_as(sample, writer or self.env.user)
                mine.check_access("write")  # the writer may write the record itself
                if sample._fields[field_name].type == "many2many":
                    vals = {field_name: [Command.set(value.ids)]}
                else:
                    vals = {field_name: value.id}
                with self.assertRaises(UserError):
                    mine.write(vals)
                    mine.flush_recordset()

    def assertRelatedFieldsReadAsUser(self):
        """What a dialog shows of the records it is given, read by the agent of
        company B for records of company A: nothing (an access error or an
        empty value), also before it is saved (onchange)."""
        from odoo.exceptions import AccessError

        agent = self.boundary_agent
        for model_name, field_name, first in aftersales_related_fields(
            self.env, self.boundary_module
        ):
            comodel = self.env[model_name]._fields[first].comodel_name
            if "company_id" not in self.env[comodel]._fields:
                continue
            with self.subTest(field=f"{model_name}.{field_name}"):
                value = self._boundary_record_of_a(comodel)
                if self._boundary_as(value, agent).has_access("read"):
                    continue  # shared with company B
                record = self._boundary_as(self.env[model_name], agent).new({first: value.id})
                try:
                    shown = record[field_name]
                except AccessError:
                    continue
                self.assertFalse(shown, "shows what the agent may not read")
