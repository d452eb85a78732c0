from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_access import (
    AftersalesAccessCase,
    AftersalesBoundaryCase,
)
from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL, TICKET_REQUIRED_VALUES

from .common import sell_and_deliver


class ReturnAccessCase(AftersalesAccessCase, BaseCommon):
    """Users and documents of the access tests (also used by test_rpc)."""

    access_header_button = "action_return"
    access_smart_button = "action_view_pickings"
    access_document_model = "stock.picking"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_access()
        cls.chair = cls.env["product.product"].create({"name": "Office Chair", "type": "consu"})
        cls.delivery = cls._deliver(cls.env)

    @classmethod
    def _deliver(cls, env):
        """A done delivery of a chair to the ticket's customer in ``env``'s
        company."""
        return sell_and_deliver(env, cls.aftersales_customer, {cls.chair: 1}).picking_ids

    def _access_run_wizard(self, ticket, user):
        dialog = self.open_ticket_wizard(ticket, "action_return", user)
        dialog.save().action_create_returns()


@tagged("post_install", "-at_install")
class TestReturnAccess(ReturnAccessCase):
    def test_access_matrix(self):
        self.assertAccessMatrix(
            {
                # Return transfers need Inventory / User (core). Sales and
                # Invoicing users read transfers: they open the returns, but
                # get no Return button. The customer reads their own returns.
                "agent": (False, AccessError, False, False),
                "manager": (False, AccessError, False, False),
                "salesman": (False, AccessError, True, True),
                "accountant": (False, AccessError, True, True),
                "stock_user": (True, True, True, True),
                "portal": (False, AccessError, False, True),
                "public": (False, AccessError, False, False),
            }
        )

    def test_ticket_of_another_company(self):
        user = self.access_users["stock_user"]
        ticket_b = self._aftersales_company_b_ticket(user)
        company_b = ticket_b.company_id
        delivery_b = self._deliver(self.env(context={"allowed_company_ids": company_b.ids}))
        self.assertEqual(delivery_b.company_id, company_b)
        location_a = self.delivery.picking_type_id.warehouse_id.lot_stock_id
        Wizard = ticket_b.env["helpdesk.stock.return"].with_context(
            active_model="helpdesk.ticket", active_id=ticket_b.id
        )
        wizard = Wizard.create({})
        self.assertNotOffered(wizard, "picking_ids", self.delivery)
        self.assertEqual(self.assertNotOffered(wizard, "picking_ids", self.delivery), delivery_b)
        self.assertNotOffered(wizard, "location_id", location_a)
        self.assertEqual(wizard.picking_ids, delivery_b, "the only delivery of company B")
        self.assertEqual(wizard.location_id.company_id, company_b)
        # Forged calls with company A's delivery or location: the ORM refuses
        # them (check_company).
        self.assertRefusedAndNothingCreated(
            ticket_b,
            lambda: Wizard.create(
                {"picking_ids": [Command.set(self.delivery.ids)]}
            ).action_create_returns(),
            "belongs to another company",
        )
        self.assertRefusedAndNothingCreated(
            ticket_b,
            lambda: Wizard.create({"location_id": location_a.id}).action_create_returns(),
            "belongs to another company",
        )


class ReturnBoundaryCase(AftersalesBoundaryCase, ReturnAccessCase):
    """Records of company A for the company guards (issue 26)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales_boundaries()
        company_a = cls.boundary_company_a
        # Records of company A the set-up lacks: a product and a lot of its own.
        cls.product_a = cls.env["product.product"].create(
            {"name": "Company A Chair", "type": "consu", "company_id": company_a.id}
        )
        cls.lot_a = cls.env["stock.lot"].create(
            {"name": "A-0001", "product_id": cls.product_a.id, "company_id": company_a.id}
        )
        cls.reason_a = cls.env["helpdesk.return.reason"].create(
            {"name": "Company A reason", "company_id": company_a.id}
        )
        # Core's return dialog of a delivery of company A (its lines' company).
        cls.env["stock.return.picking"].create({"picking_id": cls.delivery.id})
        # A dialog that stays in company A when a probe moves the set-up's ticket.
        cls.env["helpdesk.stock.return"].with_context(
            active_model="helpdesk.ticket", active_id=cls.boundary_ticket_a.id
        ).create({})

    def _boundary_sample(self, model_name):
        move = self.delivery.move_ids
        ticket = self.aftersales_ticket
        if model_name == "helpdesk.return.reason":
            return self.reason_a
        if model_name == "helpdesk.return.request.line":
            return self.env[model_name].create(
                {
                    "ticket_id": ticket.id,
                    "sale_line_id": move.sale_line_id.id,
                    "move_id": move.id,
                    "quantity": 1,
                }
            )
        if model_name == "helpdesk.stock.return.line":
            dialog = super()._boundary_sample("helpdesk.stock.return")
            return dialog.line_ids[:1] or self.env[model_name].create(
                {
                    "wizard_id": dialog.id,
                    "move_id": move.id,
                    "product_id": move.product_id.id,
                    "quantity": 1,
                }
            )
        if model_name == "stock.move":
            return move
        if model_name == "stock.picking":
            return self.delivery
        if model_name == "res.company":
            return self.boundary_company_b
        if model_name in ("stock.return.picking", "stock.return.picking.line"):
            wizard = self.env["stock.return.picking"].create({"picking_id": self.delivery.id})
            return wizard if model_name == "stock.return.picking" else wizard.product_return_moves
        return super()._boundary_sample(model_name)


@tagged("post_install", "-at_install")
class TestReturnBoundaries(ReturnBoundaryCase):
    """Issue 26: return requests, reasons and the Return dialog stay in their
    company."""

    boundary_module = "helpdesk_aftersales_return"

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()

    def test_agent_of_another_company_and_the_requests(self):
        """The issue's steps: an agent of company B reads, changes, deletes
        company A's requested returns, and requests 1000 of A's deliveries
        on a ticket of B."""
        line = self._boundary_sample("helpdesk.return.request.line")
        agent = self.boundary_agent
        Line = self.env["helpdesk.return.request.line"].with_user(agent)
        self.assertFalse(Line.search([]))
        mine = line.with_user(agent)
        for call in (
            lambda: mine.read(["quantity"]),
            lambda: mine.write({"quantity": 1000}),
            lambda: mine.unlink(),
        ):
            with self.assertRaises(AccessError):
                call()
        ticket_b = self.env["helpdesk.ticket"].create(
            {
                "name": "Forged request",
                "team_id": self.env[TEAM_MODEL]
                .create({"name": "B team", "company_id": self.boundary_company_b.id})
                .id,
                "partner_id": self.aftersales_customer.id,
                **TICKET_REQUIRED_VALUES,
            }
        )
        move = self.delivery.move_ids
        with self.assertRaises(UserError):
            Line.create(
                {
                    "ticket_id": ticket_b.id,
                    "sale_line_id": move.sale_line_id.id,
                    "move_id": move.id,
                    "quantity": 1000,
                }
            )
        self.assertEqual(line.quantity, 1)
