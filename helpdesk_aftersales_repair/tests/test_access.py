from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_access import (
    AftersalesAccessCase,
    AftersalesBoundaryCase,
)


class RepairAccessCase(AftersalesAccessCase, BaseCommon):
    """Users and documents of the access tests (also used by test_rpc)."""

    access_header_button = "action_repair"
    access_smart_button = "action_view_repairs"
    access_document_model = "repair.order"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_access()
        cls.chair = cls.env["product.product"].create({"name": "Office Chair", "type": "consu"})
        cls.aftersales_ticket.product_id = cls.chair

    def _repair_form(self, ticket):
        """Click Repair on ``ticket`` (in its user's environment): the core
        repair form, prefilled from the ticket."""
        action = ticket.action_repair()
        return Form(ticket.env["repair.order"].with_context(**action["context"]))

    def _access_run_wizard(self, ticket, user):
        self._repair_form(ticket.with_user(user)).save()


@tagged("post_install", "-at_install")
class TestRepairAccess(RepairAccessCase):
    def test_access_matrix(self):
        self.assertAccessMatrix(
            {
                # Creating repairs needs Inventory / User; every agent reads
                # the repairs of the tickets they see (SECURITY.md).
                "agent": (False, UserError, True, True),
                "manager": (False, UserError, True, True),
                "salesman": (False, UserError, True, True),
                "accountant": (False, UserError, True, True),
                "stock_user": (True, True, True, True),
                "portal": (False, UserError, False, False),
                "public": (False, UserError, False, False),
            }
        )

    def test_ticket_of_another_company(self):
        user = self.access_users["stock_user"]
        ticket_b = self._aftersales_company_b_ticket(user)
        company_b = ticket_b.company_id
        location_a = (
            self.env["stock.warehouse"]
            .search([("company_id", "=", self.env.company.id)], limit=1)
            .lot_stock_id
        )
        repair = self._repair_form(ticket_b).save()
        self.assertEqual(repair.company_id, company_b)
        self.assertNotOffered(repair, "location_id", location_a)
        self.assertRefusedAndNothingCreated(
            ticket_b,
            lambda: ticket_b.env["repair.order"]
            .with_context(default_repair_helpdesk_ticket_id=ticket_b.id)
            .create({"product_id": self.chair.id, "location_id": location_a.id}),
        )

    def test_nothing_left_when_the_last_step_fails(self):
        form = self._repair_form(self.aftersales_ticket.with_user(self.access_users["stock_user"]))
        self.assertLeavesNothingWhenLastStepFails(self.aftersales_ticket, form.save, "repair.order")


class RepairBoundaryCase(AftersalesBoundaryCase, RepairAccessCase):
    """Records of company A for the company guards (issue 26)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales_boundaries()
        cls.repair_of_a = cls.env["repair.order"].create(
            {
                "product_id": cls.chair.id,
                "partner_id": cls.aftersales_customer.id,
                "helpdesk_ticket_id": cls.aftersales_ticket.id,
            }
        )
        # A delivery of company A (the repaired product's way back is one).
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.delivery_of_a = cls.env["stock.picking"].create(
            {"picking_type_id": warehouse.out_type_id.id, "partner_id": cls.aftersales_customer.id}
        )

    def _boundary_sample(self, model_name):
        if model_name == "repair.order":
            return self.repair_of_a
        if model_name == "stock.picking":
            return self.delivery_of_a
        return super()._boundary_sample(model_name)


@tagged("post_install", "-at_install")
class TestRepairBoundaries(RepairBoundaryCase):
    boundary_module = "helpdesk_aftersales_repair"

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()
