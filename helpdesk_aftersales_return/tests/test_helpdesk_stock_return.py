import re

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestHelpdeskStockReturn(AftersalesQueriesMixin, HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        # Return for Exchange ships at once (When Received: test_replacement).
        cls.aftersales_team.replacement_policy = "at_once"
        cls.helpdesk_agent.groups_id |= cls.env.ref("stock.group_stock_user") | cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "is_storable": True}
        )
        cls.lamp = cls.env["product.product"].create(
            {"name": "Desk Lamp", "type": "consu", "is_storable": True}
        )
        cls.speaker = cls.env["product.product"].create(
            {"name": "Speaker", "type": "consu", "is_storable": True, "tracking": "serial"}
        )
        Quant = cls.env["stock.quant"]
        for product in (cls.chair, cls.lamp):
            Quant._update_available_quantity(product, cls.stock_location, 100)
        cls.serials = cls.env["stock.lot"].create(
            [{"name": f"SN-{i}", "product_id": cls.speaker.id} for i in (1, 2)]
        )
        for serial in cls.serials:
            Quant._update_available_quantity(cls.speaker, cls.stock_location, 1, lot_id=serial)
        cls.ticket = cls.aftersales_ticket
        cls.customer = cls.aftersales_customer
        cls.Picking = cls.env["stock.picking"]

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def _sell(self, quantities, partner=None, validate=True):
        """Sale order of ``{product: quantity}`` confirmed, its delivery
        validated (``validate``); return the order."""
        return sell_and_deliver(self.env, partner or self.customer, quantities, validate)

    def _open(self, ticket=None):
        return self.open_ticket_wizard(
            ticket or self.ticket, "action_return", user=self.helpdesk_agent
        )

    def _lines(self, wizard):
        return {(line.product_id, line.lot_id): line.quantity for line in wizard.line_ids}

    # ------------------------------------------------------------------
    # button and defaults
    # ------------------------------------------------------------------

    def test_return_button_needs_a_done_delivery(self):
        ticket = self.ticket.with_user(self.helpdesk_agent)
        self.assertFalse(ticket.has_partner_deliveries, "no delivery yet")
        order = self._sell({self.chair: 1}, validate=False)
        ticket.invalidate_recordset()
        self.assertFalse(ticket.has_partner_deliveries, "the delivery is not done")
        order.picking_ids.move_ids.picked = True
        order.picking_ids.button_validate()
        ticket.invalidate_recordset()
        self.assertTrue(ticket.has_partner_deliveries)
        # a delivery to a contact of the customer counts for the company
        contact = self.env["res.partner"].create({"name": "Contact", "parent_id": self.customer.id})
        ticket2 = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Other",
                "team_id": self.aftersales_team.id,
                "partner_id": contact.id,
            }
        )
        self.assertTrue(ticket2.has_partner_deliveries)
        # an agent who may not see transfers gets no button (and no error)
        no_stock_agent = new_test_user(self.env, login="no_stock_agent", groups=USER_GROUP)
        self.assertFalse(self.ticket.with_user(no_stock_agent).has_partner_deliveries)
        self.assertEqual(self.ticket.with_user(no_stock_agent).picking_count, 0)
        # the button is shown only when the team offers returns
        arch = ticket.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="action_return"', arch)
        self.assertIn("not use_product_returns or not has_partner_deliveries", arch)
        self.aftersales_team.use_product_returns = False
        ticket.invalidate_recordset()
        self.assertFalse(ticket.has_partner_deliveries)

    def test_defaults_from_ticket_order(self):
        order = self._sell({self.chair: 5, self.lamp: 2})
        self.ticket.sale_order_id = order
        form = self._open()
        self.assertEqual(form.sale_order_id, order)
        self.assertEqual(form.picking_ids[:], order.picking_ids)
        self.assertEqual(form.location_id, self.stock_location)
        wizard = form.save()
        no_lot = self.env["stock.lot"]
        self.assertEqual(self._lines(wizard), {(self.chair, no_lot): 5, (self.lamp, no_lot): 2})
        self.assertEqual(wizard.line_ids.move_id, order.picking_ids.move_ids)

    def test_ticket_product_narrows_the_lines(self):
        order = self._sell({self.chair: 5, self.lamp: 2})
        other = self._sell({self.lamp: 1})
        self.ticket.write({"sale_order_id": False, "product_id": self.chair.id})
        form = self._open()
        self.assertEqual(form.picking_ids[:], order.picking_ids, "only the chair's delivery")
        wizard = form.save()
        self.assertNotIn(other.picking_ids, wizard.allowed_picking_ids)
        self.assertEqual(self._lines(wizard), {(self.chair, self.env["stock.lot"]): 5})

    def test_product_filter_is_shown_and_cleared(self):
        """The ticket's product narrows the deliveries in a field the agent
        sees: another order without it offers nothing until it is cleared."""
        order = self._sell({self.chair: 5})
        other = self._sell({self.lamp: 2})
        self.ticket.write({"sale_order_id": order.id, "product_id": self.chair.id})
        form = self._open()
        self.assertEqual(form.product_id, self.chair)
        form.sale_order_id = other
        self.assertFalse(form.picking_ids[:], "the lamp's order has no chair")
        form.product_id = self.env["product.product"]
        self.assertEqual(form.picking_ids[:], other.picking_ids)
        self.assertEqual(self._lines(form.save()), {(self.lamp, self.env["stock.lot"]): 2})

    def test_clearing_the_product_clears_its_serial_number(self):
        self._sell({self.speaker: 2, self.chair: 1})
        self.ticket.write({"product_id": self.speaker.id, "lot_id": self.serials[0].id})
        form = self._open()
        self.assertEqual(form.lot_id, self.serials[0])
        self.assertEqual(len(form.line_ids), 1)
        form.product_id = self.env["product.product"]
        self.assertFalse(form.lot_id)
        self.assertEqual(
            self._lines(form.save()),
            {
                (self.speaker, self.serials[0]): 1,
                (self.speaker, self.serials[1]): 1,
                (self.chair, self.env["stock.lot"]): 1,
            },
        )

    def test_nothing_left_to_return_says_why(self):
        """A delivery all on returns already: the dialog says so, naming the
        return, as soon as the delivery is chosen, and again at the click."""
        order = self._sell({self.chair: 2})
        delivery = order.picking_ids
        self.ticket.sale_order_id = order
        self._open().save().action_create_returns()
        returned = self.ticket.picking_ids
        form = self._open()
        self.assertEqual(form.picking_ids[:], delivery)
        self.assertFalse(form.line_ids)
        expected = (
            f"There is no product to return: everything of {delivery.name} is already "
            f"returned or being returned ({returned.name})."
        )
        self.assertEqual(form.nothing_to_return, expected)
        with self.assertRaisesRegex(UserError, re.escape(expected)):
            form.save().action_create_returns()
        # With the ticket's product: the message names it.
        self.ticket.product_id = self.chair
        form = self._open()
        self.assertIn(f"everything of {self.chair.display_name} in", form.nothing_to_return)

    def test_change_or_clear_the_deliveries_never_raises(self):
        order = self._sell({self.chair: 5})
        order2 = self._sell({self.lamp: 3})
        self.ticket.sale_order_id = order
        form = self._open()
        form.sale_order_id = order2
        self.assertEqual(form.picking_ids[:], order2.picking_ids)
        self.assertEqual(len(form.line_ids), 1)
        form.sale_order_id = self.env["sale.order"]
        form.picking_ids.clear()
        self.assertEqual(len(form.line_ids), 0)
        form.picking_ids.add(order.picking_ids)
        self.assertEqual(len(form.line_ids), 1)
        form.picking_ids.clear()
        wizard = form.save()
        with self.assertRaisesRegex(UserError, "no product to return"):
            wizard.action_create_returns()

    # ------------------------------------------------------------------
    # returns
    # ------------------------------------------------------------------

    def test_partial_return_then_the_rest(self):
        order = self._sell({self.chair: 5})
        delivery = order.picking_ids
        self.ticket.sale_order_id = order
        form = self._open()
        with form.line_ids.edit(0) as line:
            line.quantity = 2
        wizard = form.save()
        action = wizard.action_create_returns()
        returned = self.ticket.picking_ids
        self.assertEqual(len(returned), 1)
        self.assertEqual(action["res_id"], returned.id)
        self.assertEqual(returned.picking_type_code, "incoming")
        self.assertEqual(returned.return_id, delivery)
        self.assertEqual(returned.location_dest_id, self.stock_location)
        self.assertEqual(returned.move_ids.product_uom_qty, 2)
        self.assertEqual(returned.move_ids.origin_returned_move_id, delivery.move_ids)
        self.assertEqual(returned.state, "assigned")
        self.assertEqual(self.ticket.picking_count, 1)
        self.assertIn(returned.name, self.ticket.message_ids[0].body)

        # the second return proposes only what was not returned yet
        wizard = self._open().save()
        self.assertEqual(self._lines(wizard), {(self.chair, self.env["stock.lot"]): 3})
        wizard.line_ids.quantity = 4
        with self.assertRaisesRegex(UserError, "only 3.0 Units can still be returned"):
            wizard.action_create_returns()
        # once received, the same holds
        returned.move_ids.picked = True
        returned.button_validate()
        self.assertEqual(returned.state, "done")
        self.assertEqual(order.order_line.qty_delivered, 3)
        wizard = self._open().save()
        self.assertEqual(self._lines(wizard), {(self.chair, self.env["stock.lot"]): 3})
        wizard.action_create_returns()
        self.assertEqual(self.ticket.picking_count, 2)
        self.ticket.invalidate_recordset()
        self.assertFalse(self._open().save().line_ids, "everything was returned")

    def test_return_location_can_be_changed(self):
        order = self._sell({self.chair: 1})
        self.ticket.sale_order_id = order
        shelf = self.env["stock.location"].create(
            {"name": "Returns shelf", "location_id": self.stock_location.id, "usage": "internal"}
        )
        form = self._open()
        form.location_id = shelf
        form.save().action_create_returns()
        self.assertEqual(self.ticket.picking_ids.location_dest_id, shelf)
        self.assertEqual(self.ticket.picking_ids.move_ids.location_dest_id, shelf)

    def test_return_for_exchange(self):
        order = self._sell({self.chair: 5, self.lamp: 2})
        self.ticket.sale_order_id = order
        form = self._open()
        form.line_ids.remove(1)  # only the chair
        with form.line_ids.edit(0) as line:
            line.quantity = 1
        form.save().action_create_exchanges()
        pickings = self.ticket.picking_ids
        returned = pickings.filtered(lambda p: p.picking_type_code == "incoming")
        replacement = pickings.filtered(lambda p: p.picking_type_code == "outgoing")
        self.assertEqual(len(returned), 1)
        self.assertEqual(len(replacement), 1)
        self.assertEqual(returned.move_ids.product_id, self.chair)
        self.assertEqual(replacement.move_ids.product_id, self.chair)
        self.assertEqual(replacement.move_ids.product_uom_qty, 1)
        self.assertEqual(replacement.partner_id, order.partner_shipping_id)
        self.assertEqual(replacement.sale_id, order)
        self.assertEqual(self.ticket.picking_count, 2)

    def test_return_serial_number(self):
        order = self._sell({self.speaker: 2})
        delivery = order.picking_ids
        self.assertEqual(delivery.move_line_ids.lot_id, self.serials)
        self.ticket.write(
            {"sale_order_id": order.id, "product_id": self.speaker.id, "lot_id": self.serials[0].id}
        )
        wizard = self._open().save()
        self.assertEqual(self._lines(wizard), {(self.speaker, self.serials[0]): 1})
        wizard.line_ids.quantity = 2
        with self.assertRaisesRegex(UserError, "only 1.0 Units can still be returned"):
            wizard.action_create_returns()
        wizard.line_ids.quantity = 1
        wizard.action_create_returns()
        returned = self.ticket.picking_ids
        self.assertEqual(returned.move_line_ids.lot_id, self.serials[0])
        self.assertEqual(returned.move_ids.quantity, 1)
        returned.move_ids.picked = True
        returned.button_validate()
        self.assertEqual(returned.state, "done")
        quant = self.env["stock.quant"]._gather(
            self.speaker, self.stock_location, lot_id=self.serials[0]
        )
        self.assertEqual(sum(quant.mapped("quantity")), 1)
        # the other serial number is what is left to return
        self.ticket.lot_id = False
        wizard = self._open().save()
        self.assertEqual(self._lines(wizard), {(self.speaker, self.serials[1]): 1})

    def test_both_serial_numbers_of_one_delivery(self):
        """Two lines of one delivered move (one per serial number) are one
        valid dialog, not a 'record does not exist' error."""
        order = self._sell({self.speaker: 2})
        self.ticket.sale_order_id = order
        wizard = self._open().save()
        self.assertEqual(
            self._lines(wizard),
            {(self.speaker, self.serials[0]): 1, (self.speaker, self.serials[1]): 1},
        )
        wizard.action_create_returns()
        self.assertEqual(self.ticket.picking_ids.move_line_ids.lot_id, self.serials)

    def test_two_deliveries_at_once(self):
        delivery1 = self._sell({self.chair: 2}).picking_ids
        delivery2 = self._sell({self.lamp: 3}).picking_ids
        form = self._open()
        self.assertFalse(form.picking_ids[:], "several deliveries: the agent picks")
        form.picking_ids.add(delivery1)
        form.picking_ids.add(delivery2)
        self.assertEqual(len(form.line_ids), 2)
        form.save().action_create_returns()
        returns = self.ticket.picking_ids
        self.assertEqual(len(returns), 2)
        self.assertEqual(returns.return_id, delivery1 | delivery2)
        by_delivery = {p.return_id: p.move_ids.product_uom_qty for p in returns}
        self.assertEqual(by_delivery, {delivery1: 2, delivery2: 3})
        self.assertEqual(self.ticket.picking_count, 2)

    # ------------------------------------------------------------------
    # bad input: a clear error, nothing created
    # ------------------------------------------------------------------

    def assertRefused(self, wizard, message):
        count = self.Picking.search_count([])
        with self.assertRaisesRegex(UserError, message):
            wizard.action_create_returns()
        with self.assertRaisesRegex(UserError, message):
            wizard.action_create_exchanges()
        self.assertEqual(self.Picking.search_count([]), count)
        self.assertFalse(self.ticket.picking_ids)

    def test_bad_inputs(self):
        order = self._sell({self.chair: 5})
        self.ticket.sale_order_id = order
        wizard = self._open().save()
        line = wizard.line_ids
        line.quantity = 6
        self.assertRefused(wizard, "only 5.0 Units can still be returned")
        line.quantity = 0
        self.assertRefused(wizard, "must be positive")
        line.quantity = -1
        self.assertRefused(wizard, "must be positive")
        line.quantity = 1

        customer_location = self.env.ref("stock.stock_location_customers")
        wizard.location_id = customer_location
        self.assertRefused(wizard, "must be an internal location")
        wizard.location_id = self.stock_location

        draft = self._sell({self.chair: 1}, validate=False).picking_ids
        wizard.picking_ids |= draft
        self.assertRefused(wizard, "Only done deliveries")
        other_customer = self.env["res.partner"].create({"name": "Someone else"})
        foreign = self._sell({self.chair: 1}, partner=other_customer).picking_ids
        wizard.picking_ids = order.picking_ids | foreign
        self.assertRefused(wizard, "not a delivery of the ticket's customer")
        # a line of a delivery that is not selected
        wizard.picking_ids = order.picking_ids
        line = wizard.line_ids
        self.assertEqual(line.quantity, 5, "the lines follow the deliveries")
        line.move_id = foreign.move_ids
        line.product_id = self.chair
        self.assertRefused(wizard, "does not come from the deliveries")
        line.unlink()
        self.assertRefused(wizard, "no product to return")

    def test_delivery_of_another_company(self):
        company2 = self.env["res.company"].create({"name": "Other Company"})
        self.env.user.company_ids |= company2
        warehouse2 = self.env["stock.warehouse"].search([("company_id", "=", company2.id)])
        self.env["stock.quant"].with_company(company2)._update_available_quantity(
            self.chair, warehouse2.lot_stock_id, 5
        )
        delivery2 = (
            self.env["stock.picking"]
            .with_company(company2)
            .create(
                {
                    "picking_type_id": warehouse2.out_type_id.id,
                    "partner_id": self.customer.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": "Chair",
                                "product_id": self.chair.id,
                                "product_uom_qty": 1,
                                "location_id": warehouse2.lot_stock_id.id,
                                "location_dest_id": self.env.ref(
                                    "stock.stock_location_customers"
                                ).id,
                            }
                        )
                    ],
                }
            )
        )
        delivery2.action_confirm()
        delivery2.move_ids.picked = True
        delivery2.button_validate()
        self.assertEqual(delivery2.state, "done")
        self.assertFalse(
            self.ticket.has_partner_deliveries, "only deliveries of the ticket's company count"
        )
        order = self._sell({self.chair: 1})
        self.ticket.invalidate_recordset()
        self.assertTrue(self.ticket.has_partner_deliveries)
        wizard = self._open().save()
        self.assertEqual(wizard.allowed_picking_ids, order.picking_ids)
        # The ORM refuses the delivery of another company (check_company).
        count = self.Picking.search_count([])
        with self.assertRaisesRegex(UserError, "belongs to another company"):
            wizard.picking_ids = order.picking_ids | delivery2
        self.assertEqual(self.Picking.search_count([]), count)
        self.assertFalse(self.ticket.picking_ids)

    def test_team_without_returns(self):
        order = self._sell({self.chair: 1})
        self.ticket.sale_order_id = order
        wizard = self._open().save()
        self.aftersales_team.use_product_returns = False
        self.assertRefused(wizard, "does not offer this after-sales service")

    # ------------------------------------------------------------------
    # smart button
    # ------------------------------------------------------------------

    def test_smart_button(self):
        order1 = self._sell({self.chair: 2})
        order2 = self._sell({self.lamp: 3})
        ticket = self.ticket.with_user(self.helpdesk_agent)
        self.assertEqual(ticket.picking_count, 0)
        wizard = self._open()
        wizard.picking_ids.add(order1.picking_ids)
        wizard.save().action_create_returns()
        ticket.invalidate_recordset()
        self.assertEqual(ticket.picking_count, 1)
        action = ticket.action_view_pickings()
        self.assertEqual(action["res_id"], ticket.picking_ids.id)
        wizard = self._open()
        wizard.picking_ids.add(order2.picking_ids)
        wizard.save().action_create_returns()
        ticket.invalidate_recordset()
        self.assertEqual(ticket.picking_count, 2)
        action = ticket.action_view_pickings()
        self.assertEqual(self.env["stock.picking"].search(action["domain"]), ticket.picking_ids)

    def test_ticket_flags_query_count(self):
        """Return button and smart button cost the same number of queries for
        one ticket and for ten."""
        self._sell({self.chair: 1})
        partners = self.env["res.partner"].create([{"name": f"C{i}"} for i in range(10)])
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    **TICKET_REQUIRED_VALUES,
                    "name": f"T{i}",
                    "team_id": self.aftersales_team.id,
                    "partner_id": p.id,
                }
                for i, p in enumerate(partners)
            ]
        )
        tickets[0].partner_id = self.customer

        self.assertQueriesIndependentOfTickets(
            tickets, ["has_partner_deliveries", "picking_count"], user=self.helpdesk_agent
        )
        self.assertEqual(
            tickets.with_user(self.helpdesk_agent).mapped("has_partner_deliveries"),
            [True] + [False] * 9,
        )

    def test_nothing_left_when_the_last_step_fails(self):
        self._sell({self.chair: 2})
        wizard = self._open().save()
        self.assertLeavesNothingWhenLastStepFails(
            self.ticket, wizard.action_create_returns, "stock.picking"
        )
