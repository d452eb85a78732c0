from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import (
    TEAM_MODEL,
    TICKET_REQUIRED_VALUES,
    USER_GROUP,
)
from odoo.addons.helpdesk_aftersales_sale_stock.tests.common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestHelpdeskRepair(AftersalesQueriesMixin, HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.ticket = cls.aftersales_ticket
        cls.customer = cls.aftersales_customer
        # Creates repairs: helpdesk agent with Inventory rights.
        cls.repair_user = new_test_user(
            cls.env,
            login="repair_user",
            name="Repair User",
            groups=f"{USER_GROUP},stock.group_stock_user,"
            "stock.group_production_lot,sales_team.group_sale_salesman",
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.chair = cls.env["product.product"].create({"name": "Office Chair", "type": "consu"})
        cls.speaker = cls.env["product.product"].create(
            {"name": "Speaker", "type": "consu", "is_storable": True, "tracking": "serial"}
        )
        cls.serial = cls.env["stock.lot"].create({"name": "SN-1", "product_id": cls.speaker.id})
        cls.env["stock.quant"]._update_available_quantity(
            cls.speaker, cls.warehouse.lot_stock_id, 1, lot_id=cls.serial
        )
        cls.screw = cls.env["product.product"].create(
            {"name": "Screw", "type": "consu", "list_price": 50.0}
        )
        cls.ticket.product_id = cls.chair

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def _repair_form(self, ticket=None, user=None):
        """Click Repair on the ticket and return the repair form it opens."""
        user = user or self.repair_user
        action = (ticket or self.ticket).with_user(user).action_repair()
        self.assertEqual(action["res_model"], "repair.order")
        self.assertEqual(
            action["views"], [(self.env.ref("repair.view_repair_order_form").id, "form")]
        )
        return Form(self.env["repair.order"].with_user(user).with_context(**action["context"]))

    def _repair(self, ticket=None, parts=None, **values):
        form = self._repair_form(ticket)
        for name, value in values.items():
            setattr(form, name, value)
        for product, quantity in (parts or {}).items():
            with form.move_ids.new() as line:
                line.repair_line_type = "add"
                line.product_id = product
                line.product_uom_qty = quantity
        return form.save()

    # ------------------------------------------------------------------
    # creating a repair from a ticket
    # ------------------------------------------------------------------

    def test_repair_notes_show_the_ticket_description(self):
        """The workshop sees the problem the customer reported: the ticket's
        description is in the repair order's Internal Notes."""
        self.ticket.description = "<p>The left armrest wobbles since Monday.</p>"
        form = self._repair_form()
        self.assertIn("The left armrest wobbles since Monday.", str(form.internal_notes))
        repair = form.save()
        self.assertIn("The left armrest wobbles since Monday.", str(repair.internal_notes))
        # The repair user may complete the notes before saving.
        form = self._repair_form()
        form.internal_notes = "<p>Armrest screw missing.</p>"
        self.assertEqual(str(form.save().internal_notes), "<p>Armrest screw missing.</p>")

    def test_repair_form_prefilled_from_ticket(self):
        form = self._repair_form()
        self.assertEqual(form.partner_id, self.customer)
        self.assertEqual(form.product_id, self.chair)
        self.assertEqual(form.helpdesk_ticket_id, self.ticket)
        self.assertEqual(form.user_id, self.repair_user)
        self.assertEqual(form.schedule_date.date(), fields.Date.context_today(self.repair_user))
        self.assertFalse(form.under_warranty)
        repair = form.save()
        self.assertEqual(repair.helpdesk_ticket_id, self.ticket)
        self.assertEqual(repair.partner_id, self.customer)
        self.assertEqual(repair.product_id, self.chair)
        self.assertEqual(repair.state, "draft")
        self.assertEqual(self.ticket.repair_ids, repair)
        self.assertEqual(self.ticket.repair_count, 1)
        # The ticket's chatter links to the new repair.
        message = self.ticket.message_ids[0]
        self.assertIn(repair.name, message.body)
        self.assertIn(f'data-oe-id="{repair.id}"', message.body)
        self.assertIn('data-oe-model="repair.order"', message.body)

    def test_repair_customer_and_product_can_be_changed(self):
        other = self.env["res.partner"].create({"name": "Wood Corner"})
        lamp = self.env["product.product"].create({"name": "Lamp", "type": "consu"})
        repair = self._repair(partner_id=other, product_id=lamp)
        self.assertEqual(repair.partner_id, other)
        self.assertEqual(repair.product_id, lamp)
        self.assertEqual(repair.helpdesk_ticket_id, self.ticket)

    def test_repair_without_ticket_product(self):
        self.ticket.product_id = False
        form = self._repair_form()
        self.assertFalse(form.product_id)
        form.product_id = self.chair
        self.assertEqual(form.save().product_id, self.chair)

    def test_repair_tracked_product(self):
        self.ticket.write({"product_id": self.speaker.id, "lot_id": self.serial.id})
        form = self._repair_form()
        self.assertEqual(form.product_id, self.speaker)
        self.assertEqual(form.lot_id, self.serial)
        repair = form.save()
        self.assertEqual(repair.lot_id, self.serial)
        repair.with_user(self.repair_user).action_validate()
        self.assertEqual(repair.state, "confirmed")

    def test_confirm_repair_and_create_quotation(self):
        repair = self._repair(parts={self.screw: 2})
        self.assertEqual(repair.move_ids.product_id, self.screw)
        repair = repair.with_user(self.repair_user)
        repair.action_validate()
        self.assertEqual(repair.state, "confirmed")
        action = repair.action_create_sale_order()
        order = repair.sale_order_id
        self.assertEqual(action["res_model"], "sale.order")
        self.assertEqual(action["res_id"], order.id)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.order_line.product_id, self.screw)
        self.assertEqual(order.order_line.price_unit, 50.0)
        self.assertEqual(order.amount_untaxed, 100.0)

    def test_under_warranty_parts_are_free(self):
        repair = self._repair(parts={self.screw: 2}, under_warranty=True)
        repair.with_user(self.repair_user).action_create_sale_order()
        self.assertEqual(repair.sale_order_id.order_line.product_id, self.screw)
        self.assertEqual(repair.sale_order_id.order_line.price_unit, 0.0)
        self.assertEqual(repair.sale_order_id.amount_total, 0.0)
        # Warranty off again: the parts are charged.
        repair.with_user(self.repair_user).under_warranty = False
        self.assertEqual(repair.sale_order_id.order_line.price_unit, 50.0)

    def _delivered_speaker_under_warranty(self):
        """The ticket is about a speaker delivered to its customer on
        2026-01-15 with a 12-month warranty."""
        self.speaker.warranty_months = 12
        delivered = self.env["stock.lot"].create({"name": "SN-2", "product_id": self.speaker.id})
        sell_and_deliver(self.env, self.customer, self.speaker, delivered)
        self.ticket.write({"product_id": self.speaker.id, "lot_id": delivered.id})

    def test_repair_under_warranty_from_ticket(self):
        self._delivered_speaker_under_warranty()
        with freeze_time("2026-06-01"):
            self.assertEqual(self.ticket.warranty_state, "under")
            form = self._repair_form()
            self.assertTrue(form.under_warranty, "ticked: the speaker is under warranty")
            self.assertTrue(form.save().under_warranty)
            # The repair user may still untick it.
            form = self._repair_form()
            form.under_warranty = False
            self.assertFalse(form.save().under_warranty)

    def test_repair_warranty_expired(self):
        self._delivered_speaker_under_warranty()
        with freeze_time("2027-01-16"):
            self.assertEqual(self.ticket.warranty_state, "expired")
            form = self._repair_form()
            self.assertFalse(form.under_warranty, "the warranty ended on 2027-01-15")
            form.under_warranty = True
            self.assertTrue(form.save().under_warranty, "a goodwill repair stays possible")

    def test_several_repairs_on_a_ticket(self):
        repairs = self._repair() | self._repair()
        self.assertEqual(self.ticket.repair_count, 2)
        action = self.ticket.action_view_repairs()
        self.assertEqual(action["res_model"], "repair.order")
        self.assertEqual(self.env["repair.order"].search(action["domain"]), repairs)

    # ------------------------------------------------------------------
    # bad input: a clear error, nothing created
    # ------------------------------------------------------------------

    def _assert_no_repair(self, ticket, message, user=None):
        Repair = self.env["repair.order"]
        before = Repair.search_count([])
        with self.assertRaisesRegex(UserError, message):
            ticket.with_user(user or self.repair_user).action_repair()
        self.assertEqual(Repair.search_count([]), before)
        self.assertFalse(ticket.repair_ids)

    def test_ticket_without_customer(self):
        self.ticket.partner_id = False
        self._assert_no_repair(self.ticket, "Set the customer of the ticket")

    def test_service_product(self):
        self.ticket.product_id = self.env["product.product"].create(
            {"name": "Installation", "type": "service"}
        )
        self._assert_no_repair(self.ticket, "only goods can be repaired")

    def test_lot_of_another_product(self):
        other_serial = self.env["stock.lot"].create(
            {"name": "SN-OTHER", "product_id": self.speaker.id}
        )
        self.ticket.write({"product_id": self.chair.id, "lot_id": other_serial.id})
        self._assert_no_repair(self.ticket, "does not belong to the product")

    def test_repair_from_ticket_checks_lot(self):
        other_serial = self.env["stock.lot"].create(
            {"name": "SN-OTHER", "product_id": self.speaker.id}
        )
        repair = (
            self.env["repair.order"]
            .with_context(default_repair_helpdesk_ticket_id=self.ticket.id)
            .create({"product_id": self.chair.id, "lot_id": other_serial.id})
        )
        # Core drops a lot of another product ...
        self.assertEqual(repair.helpdesk_ticket_id, self.ticket)
        self.assertFalse(repair.lot_id)
        # ... and a repair of the ticket refuses it.
        with self.assertRaisesRegex(ValidationError, "does not belong to the product"):
            repair.lot_id = other_serial
        service = self.env["product.product"].create({"name": "Installation", "type": "service"})
        with self.assertRaisesRegex(ValidationError, "only goods can be repaired"):
            repair.product_id = service

    def test_team_without_repairs(self):
        self.aftersales_team.use_product_repairs = False
        self._assert_no_repair(self.ticket, "does not offer this after-sales service")

    def test_agent_without_inventory_rights_cannot_create(self):
        self._assert_no_repair(self.ticket, "Inventory access rights", user=self.helpdesk_agent)
        # and the ticket form does not offer the button
        arch = (
            self.env["helpdesk.ticket"]
            .with_user(self.helpdesk_agent)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertNotIn('name="action_repair"', arch)
        self.assertIn('name="action_view_repairs"', arch)
        arch = (
            self.env["helpdesk.ticket"]
            .with_user(self.repair_user)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="action_repair"', arch)

    def test_ticket_of_another_company(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        self.repair_user.company_ids |= company_b
        team_b = self.env[TEAM_MODEL].create(
            {"name": "B After-Sales", "company_id": company_b.id, "use_product_repairs": True}
        )
        ticket_b = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Broken",
                "team_id": team_b.id,
                "partner_id": self.customer.id,
            }
        )
        self.assertEqual(ticket_b.company_id, company_b)
        # Working in the main company: switch first.
        main = self.env.company
        user_env = self.env(
            user=self.repair_user, context={"allowed_company_ids": [main.id, company_b.id]}
        )
        with self.assertRaisesRegex(UserError, "switch to this company"):
            ticket_b.with_env(user_env).action_repair()
        # Working in company B: the repair is company B's.
        user_env = self.env(
            user=self.repair_user, context={"allowed_company_ids": [company_b.id, main.id]}
        )
        action = ticket_b.with_env(user_env).action_repair()
        repair = Form(user_env["repair.order"].with_context(**action["context"])).save()
        self.assertEqual(repair.company_id, company_b)
        self.assertEqual(repair.helpdesk_ticket_id, ticket_b)
        self.assertEqual(repair.picking_type_id.company_id, company_b)

    # ------------------------------------------------------------------
    # helpdesk agents without Inventory rights read the ticket's repairs
    # ------------------------------------------------------------------

    def test_agent_reads_repair_of_ticket(self):
        repair = self._repair(parts={self.screw: 1})
        repair.with_user(self.repair_user).action_validate()
        other_repair = self.env["repair.order"].create(
            {"product_id": self.chair.id, "partner_id": self.customer.id}
        )
        agent = self.helpdesk_agent
        self.env.invalidate_all()  # nothing read as superuser helps the agent
        ticket = self.ticket.with_user(agent)
        # smart button
        self.assertEqual(ticket.repair_count, 1)
        action = ticket.action_view_repairs()
        self.assertEqual(action["res_id"], repair.id)
        self.assertEqual(action["views"][0][1], "form")
        # the repair form opens (read only) ...
        self.env.invalidate_all()
        form = Form(repair.with_user(agent))
        self.assertEqual(form.name, repair.name)
        self.assertEqual(form.product_id, self.chair)
        self.assertEqual(form.state, "confirmed")
        self.assertEqual(form.helpdesk_ticket_id, self.ticket)
        # ... as does the chatter link (default form view)
        repair.with_user(agent).web_read({"name": {}, "message_ids": {}})
        # ... but cannot be changed
        with self.assertRaises(AccessError):
            repair.with_user(agent).write({"under_warranty": True})
        with self.assertRaises(AccessError):
            repair.with_user(agent).action_repair_cancel()
        # a repair not linked to a ticket stays hidden
        Repair = self.env["repair.order"].with_user(agent)
        self.assertEqual(Repair.search([]), repair)
        with self.assertRaises(AccessError):
            other_repair.with_user(agent).read(["name"])
        # Inventory users see every repair, ticket or not.
        visible = self.env["repair.order"].with_user(self.repair_user).search([])
        self.assertEqual(visible & (repair | other_repair), repair | other_repair)

    # ------------------------------------------------------------------
    # performance
    # ------------------------------------------------------------------

    def test_repair_count_query_count(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    **TICKET_REQUIRED_VALUES,
                    "name": f"Ticket {i}",
                    "team_id": self.aftersales_team.id,
                    "partner_id": self.customer.id,
                }
                for i in range(10)
            ]
        )
        self.env["repair.order"].create(
            [
                {
                    "product_id": self.chair.id,
                    "partner_id": self.customer.id,
                    "helpdesk_ticket_id": ticket.id,
                }
                for ticket in tickets
            ]
        )

        self.assertQueriesIndependentOfTickets(tickets, ["repair_count"], user=self.helpdesk_agent)
        self.assertEqual(tickets.with_user(self.helpdesk_agent).mapped("repair_count"), [1] * 10)
