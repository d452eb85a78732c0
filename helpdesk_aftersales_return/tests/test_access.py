from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_access import AftersalesAccessCase

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
