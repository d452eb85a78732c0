import importlib.util
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.modules.module import get_module_path
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL, USER_GROUP

from .common import sell_and_deliver, storable_products
from .test_loop_notify import LoopCase


class ReplacementCase(LoopCase):
    """The Loop's customer (2 chairs, the team emailing each step) also
    bought a T-shirt in size M (20.00, L costs 5.00 more); a warehouse agent
    who receives returns without sales nor helpdesk rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        size = cls.env["product.attribute"].create(
            {
                "name": "Size",
                "value_ids": [Command.create({"name": name}) for name in ("M", "L")],
            }
        )
        tshirt = cls.env["product.template"].create(
            {
                "name": "T-shirt",
                "is_storable": True,
                "list_price": 20.0,
                "attribute_line_ids": [
                    Command.create({"attribute_id": size.id, "value_ids": size.value_ids.ids})
                ],
            }
        )
        values = tshirt.attribute_line_ids.product_template_value_ids
        values.filtered(lambda value: value.name == "L").price_extra = 5.0
        cls.size_m, cls.size_l = (
            tshirt.product_variant_ids.filtered(
                lambda variant, name=name: variant.product_template_attribute_value_ids.name == name
            )
            for name in ("M", "L")
        )
        stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        for variant in cls.size_m | cls.size_l:
            cls.env["stock.quant"]._update_available_quantity(variant, stock, 50)
        cls.warehouse_agent = new_test_user(
            cls.env, login="replace_warehouse", groups="stock.group_stock_user"
        )

    def _exchange(self, quantity=2, order=None, replacement=None):
        """Return for Exchange ``quantity`` of the first line of ``order``'s
        delivery (the ticket's), replaced by ``replacement``; returns the
        new transfers."""
        if order:
            self.ticket.sale_order_id = order
        before = self.ticket.picking_ids
        dialog = self.open_ticket_wizard(self.ticket, "action_return", self.agent)
        with dialog.line_ids.edit(0) as line:
            line.quantity = quantity
            if replacement:
                line.replacement_product_id = replacement
        dialog.save().action_create_exchanges()
        return self.ticket.picking_ids - before

    def _receive(self, picking, quantity, backorder=True):
        """Validate ``picking`` as the warehouse agent, ``quantity`` received."""
        picking = picking.with_user(self.warehouse_agent)
        picking.move_ids.quantity = quantity
        picking.move_ids.picked = True
        action = picking.button_validate()
        if action is not True:
            wizard = Form.from_action(self.env, action).save().with_user(self.warehouse_agent)
            wizard.process() if backorder else wizard.process_cancel_backorder()
        return picking

    def steps(self):
        self.env.invalidate_all()
        ticket = self.ticket.with_user(self.agent)
        return [(row["reference"], row["label"]) for row in ticket._aftersales_loop_rows()]

    def replacements(self):
        return self.ticket.picking_ids.filtered(
            lambda picking: picking.picking_type_code == "outgoing"
        )

    def replaced(self):
        """``{product: quantity}`` the replacement deliveries ship."""
        shipped = {}
        for move in self.replacements().move_ids:
            shipped[move.product_id] = shipped.get(move.product_id, 0) + move.product_uom_qty
        return shipped


@tagged("post_install", "-at_install")
class TestReplaceWhenReceived(ReplacementCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aftersales_team.replacement_policy = "received"

    def test_new_teams_replace_when_received(self):
        with Form(self.env[TEAM_MODEL]) as team:
            team.name = "New after-sales team"
            self.assertEqual(team.replacement_policy, "received")

    def test_upgraded_teams_keep_at_once(self):
        path = get_module_path("helpdesk_aftersales_return")
        spec = importlib.util.spec_from_file_location(
            "pre_migrate", f"{path}/migrations/18.0.1.1.0/pre-migrate.py"
        )
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        table = SQL.identifier(TEAM_MODEL.replace(".", "_"))
        self.env.flush_all()
        # The database of a version without the setting.
        self.env.cr.execute(SQL("ALTER TABLE %s DROP COLUMN replacement_policy", table))
        script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.cr.execute(SQL("SELECT DISTINCT replacement_policy FROM %s", table))
        self.assertEqual(self.env.cr.fetchall(), [("at_once",)])
        self.env.invalidate_all()

    def test_the_receipt_is_replaced(self):
        returned = self._exchange(2)
        self.assertEqual(returned.picking_type_code, "incoming")
        self.assertTrue(returned.aftersales_replace_on_receipt)
        self.assertFalse(self.replacements(), "nothing shipped before the goods arrive")
        self.assertTrue(
            self.ticket.message_ids.filtered(
                lambda message: "the replacement ships when the goods are received" in message.body
            )
        )
        self.assertEqual(self.steps(), [(returned.name, "Authorised")])

        self._receive(returned, 2)

        replacement = self.replacements()
        self.assertEqual(self.replaced(), {self.chair: 2})
        self.assertEqual(replacement.partner_id, self.ticket.sale_order_id.partner_shipping_id)
        self.assertEqual(replacement.sale_id, self.ticket.sale_order_id)
        message = self.ticket.message_ids[0]
        self.assertIn("replacement delivery created", message.body)
        self.assertIn(f'data-oe-id="{replacement.id}"', message.body)
        self.assertEqual(self.steps(), [(returned.name, "Replaced")])
        # Shipped: the customer hears it once, the loop is closed.
        mails = self.customer_mails()
        self._validate(replacement)
        shipped = self.customer_mails() - mails
        self.assertEqual(len(shipped), 1)
        self.assertIn(replacement.name, shipped.body_html)
        self.assertEqual(self.steps(), [(returned.name, "Shipped Back")])

    def test_partial_receipt_then_its_backorder(self):
        returned = self._exchange(2)
        self._receive(returned, 1)
        self.assertEqual(self.replaced(), {self.chair: 1})
        backorder = self.env["stock.picking"].search([("backorder_id", "=", returned.id)])
        self.assertTrue(backorder.aftersales_replace_on_receipt)
        self._receive(backorder, 1)
        self.assertEqual(self.replaced(), {self.chair: 2})

    def test_cancelled_return_replaces_nothing(self):
        returned = self._exchange(2)
        returned.action_cancel()
        self.assertFalse(self.replacements())
        self.assertEqual(self.steps(), [(returned.name, "Cancelled")])

    def test_more_received_than_asked_replaces_what_was_asked(self):
        self._receive(self._exchange(1), 2)
        self.assertEqual(self.replaced(), {self.chair: 1})

    def test_validated_twice_replaces_once(self):
        returned = self._receive(self._exchange(2), 2)
        returned.with_user(self.warehouse_agent).button_validate()
        self.assertEqual(self.replaced(), {self.chair: 2})
        self.assertEqual(len(self.replacements()), 1)

    def test_two_validations_at_once_are_serialized(self):
        returned = self._exchange(2)
        Mixin = self.registry["helpdesk.aftersales.wizard.mixin"]
        locked = []
        original = Mixin._aftersales_lock

        def lock(mixin, records):
            locked.append(records)
            return original(mixin, records)

        with patch.object(Mixin, "_aftersales_lock", lock):
            self._receive(returned, 2)
        self.assertIn(returned, locked, "the return is locked before it is replaced")

    def test_another_variant_on_receipt(self):
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.size_m: 3})
        returned = self._exchange(2, order, replacement=self.size_l)
        self.assertEqual(returned.move_ids.product_id, self.size_m)
        self.assertEqual(returned.move_ids.aftersales_replacement_product_id, self.size_l)
        self._receive(returned, 2)
        self.assertEqual(self.replaced(), {self.size_l: 2})
        # The order line sold M: L ships in its order, not as a delivery of M.
        self.assertFalse(self.replacements().move_ids.sale_line_id)
        self.assertEqual(order.order_line.qty_delivered, 1)


@tagged("post_install", "-at_install")
class TestReplacementProduct(ReplacementCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aftersales_team.replacement_policy = "at_once"

    def _dialog(self, quantity=2):
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.size_m: 3})
        self.ticket.sale_order_id = order
        dialog = self.open_ticket_wizard(self.ticket, "action_return", self.agent)
        with dialog.line_ids.edit(0) as line:
            line.quantity = quantity
        return dialog

    def test_same_product_by_default_no_difference(self):
        dialog = self._dialog()
        with dialog.line_ids.edit(0) as line:
            self.assertEqual(line.replacement_product_id, self.size_m)
            self.assertEqual(line.price_difference, 0.0)
        self.assertEqual(dialog.price_difference_total, 0.0)

    def test_another_variant_shows_the_difference_and_ships_at_once(self):
        dialog = self._dialog()
        with dialog.line_ids.edit(0) as line:
            line.replacement_product_id = self.size_l
            self.assertEqual(line.price_difference, 10.0, "5.00 more, twice")
        self.assertEqual(dialog.price_difference_total, 10.0)
        self.assertEqual(dialog.currency_id, self.ticket.sale_order_id.currency_id)
        dialog.save().action_create_exchanges()
        self.assertEqual(self.replaced(), {self.size_l: 2})

    def test_a_cheaper_product_shows_a_negative_difference(self):
        dialog = self._dialog()
        dialog.replacement_any_product = True
        with dialog.line_ids.edit(0) as line:
            line.replacement_product_id = self.chair
        self.assertEqual(dialog.price_difference_total, -2 * 20.0 + 2 * self.chair.lst_price)

    def test_a_service_or_another_companys_product_is_refused(self):
        service = self.env["product.product"].create({"name": "Ironing", "type": "service"})
        dialog = self._dialog()
        dialog.replacement_any_product = True
        with dialog.line_ids.edit(0) as line:
            line.replacement_product_id = service
        with self.assertRaisesRegex(UserError, "Ironing cannot replace T-shirt"):
            dialog.save().action_create_exchanges()
        other_company = self.env["res.company"].create({"name": "Other company"})
        elsewhere = self.env["product.product"].create(
            {"name": "Stool", "is_storable": True, "company_id": other_company.id}
        )
        dialog = self._dialog()
        dialog.replacement_any_product = True
        with self.assertRaises(UserError):
            with dialog.line_ids.edit(0) as line:
                line.replacement_product_id = elsewhere
            dialog.save()
        self.assertFalse(self.replacements())

    def test_rpc_replacement_is_checked(self):
        """The same checks through a call that skips the form."""
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.size_m: 3})
        self.ticket.sale_order_id = order
        service = self.env["product.product"].create({"name": "Ironing", "type": "service"})
        wizard = (
            self.env["helpdesk.stock.return"]
            .with_user(self.agent)
            .with_context(active_model="helpdesk.ticket", active_id=self.ticket.id)
            .create({"helpdesk_ticket_id": self.ticket.id})
        )
        wizard.line_ids.replacement_product_id = service
        with self.assertRaisesRegex(UserError, "cannot replace"):
            wizard.action_create_exchanges()

    def test_agent_without_inventory_rights(self):
        agent = new_test_user(self.env, login="replace_no_stock", groups=USER_GROUP)
        self.ticket.sale_order_id = sell_and_deliver(
            self.env, self.aftersales_customer, {self.size_m: 1}
        )
        # As today's exchange (test_access): return transfers need
        # Inventory rights; nothing is made.
        with self.assertRaises(AccessError):
            dialog = self.open_ticket_wizard(self.ticket, "action_return", agent)
            dialog.save().action_create_exchanges()
        self.assertFalse(self.ticket.picking_ids)


@tagged("post_install", "-at_install")
class TestReplacementQueries(ReplacementCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aftersales_team.replacement_policy = "received"

    def _two_returns(self, size):
        """Two returns of ``size`` products each, of a new order: the first
        to be replaced on receipt, the second not (core's receipt)."""
        products = storable_products(self.env, [f"Stool {i}" for i in range(size)])
        self.ticket.sale_order_id = sell_and_deliver(
            self.env, self.aftersales_customer, dict.fromkeys(products, 2)
        )
        dialog = self.open_ticket_wizard(self.ticket, "action_return", self.agent)
        for index in range(size):
            with dialog.line_ids.edit(index) as line:
                line.quantity = 1
        dialog.save().action_create_exchanges()
        dialog = self.open_ticket_wizard(self.ticket, "action_return", self.agent)
        dialog.save().action_create_returns()
        returns = self.ticket.picking_ids.filtered(
            lambda picking: picking.picking_type_code == "incoming" and picking.state != "done"
        ).sorted("id")
        return returns[-2:]

    def _extra_queries(self, size):
        """What replacing on receipt adds to validating a return of ``size``
        products."""
        counts = []
        for picking in self._two_returns(size):
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            self._receive(picking, 1)
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - start)
        return counts[0] - counts[1]

    def test_replacing_on_receipt_queries(self):
        # What is the suite's is read in batch; each line's replacement runs
        # one procurement through core's rules (as core's own Return for
        # Exchange does: stock.return.picking.action_create_exchanges), whose
        # values (sale_stock's, per order line) and rules cost queries per
        # line. Measured: 121 queries more than core's receipt for 1 line,
        # 166 for 5 (about 11 per line): guarded at that.
        self._extra_queries(1)  # warm-up
        one, five = self._extra_queries(1), self._extra_queries(5)
        self.assertLessEqual(one, 125)
        self.assertLessEqual(five - one, 4 * 12)
