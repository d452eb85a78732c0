from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP
from odoo.addons.helpdesk_aftersales_sale.tests.common import TicketSaleCase

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestWarranty(AftersalesQueriesMixin, TicketSaleCase, BaseCommon):
    """The product's warranty period and the warranty the ticket shows next to
    its product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_ticket_sale()
        cls.sales_agent = cls.agent
        cls.agent = new_test_user(
            cls.env,
            login="helpdesk_warranty_agent",
            groups=f"{USER_GROUP},sales_team.group_sale_salesman_all_leads,"
            "stock.group_stock_user",
        )
        cls.drawer = cls._product("Rolling Drawer Unit", tracking="serial", warranty=24)
        cls.serial = cls.env["stock.lot"].create({"name": "DRW-0001", "product_id": cls.drawer.id})
        with Form(cls.desk.product_tmpl_id) as desk:
            desk.warranty_months = 12

    @classmethod
    def _product(cls, name, tracking="none", warranty=0):
        """A product with its warranty set on the product form."""
        template = cls.env["product.template"].create(
            {"name": name, "is_storable": True, "tracking": tracking}
        )
        with Form(template) as form:
            form.warranty_months = warranty
        return template.product_variant_id

    def warranty_shown(self, form):
        """What the ticket's form shows next to the product about its warranty:
        e.g. ``("Under warranty until", "2028-01-15")``
        (sell_and_deliver delivers on 2026-01-15), or None."""
        context = form._get_eval_context()

        def visible(node):
            return not safe_eval(node.get("invisible") or "False", context)

        [block] = form._view["tree"].xpath("//div[@name='warranty']")
        if not visible(block):
            return None
        text = " ".join(
            line.text for line in block.iter("div") if line is not block and visible(line)
        )
        return text, form.warranty_date

    def ticket_about(self, product, lot=None, order=None, user=None):
        """The ticket, its product (and lot, order) set on its form."""
        form = Form(self.aftersales_ticket.with_user(user or self.agent))
        if order:
            form.sale_order_id = order
        form.product_id = product
        if lot:
            form.lot_id = lot
        form.save()
        return form

    # ------------------------------------------------------------------
    # the product's warranty period
    # ------------------------------------------------------------------

    def test_product_form_sets_the_warranty(self):
        form = Form(self.drawer.product_tmpl_id)
        self.assertIn("warranty_months", form._view["fields"], "on the product form")
        self.assertFalse(form._get_modifier("warranty_months", "invisible"))
        form.warranty_months = 36
        form.save()
        self.assertEqual(self.drawer.warranty_months, 36)
        # The variant's form too.
        self.assertEqual(Form(self.drawer).warranty_months, 36)

    def test_negative_warranty_refused(self):
        form = Form(self.drawer.product_tmpl_id)
        form.warranty_months = -1
        # assertRaises, not assertRaisesRegex: it rolls back as the request would.
        with self.assertRaises(ValidationError) as error:
            form.save()
        self.assertIn(
            "The warranty of the product Rolling Drawer Unit cannot be negative",
            str(error.exception),
        )
        self.assertEqual(self.drawer.warranty_months, 24, "unchanged")
        form = Form(self.env["product.template"])
        form.name = "Broken Warranty"
        form.warranty_months = -6
        with self.assertRaises(ValidationError) as error:
            form.save()
        self.assertIn("Broken Warranty", str(error.exception))
        self.assertFalse(
            self.env["product.template"].search([("name", "=", "Broken Warranty")]),
            "nothing is left behind",
        )

    # ------------------------------------------------------------------
    # the ticket's warranty
    # ------------------------------------------------------------------

    def test_serial_under_warranty_until_delivery_plus_period(self):
        sell_and_deliver(self.env, self.customer, self.drawer, self.serial)
        with freeze_time("2027-12-31"):
            ticket = self.ticket_about(self.drawer, self.serial)
            self.assertEqual(self.warranty_shown(ticket), ("Under warranty until", "2028-01-15"))
        with freeze_time("2028-01-15"):
            self.aftersales_ticket.invalidate_recordset()
            self.assertEqual(
                self.warranty_shown(Form(self.aftersales_ticket.with_user(self.agent))),
                ("Under warranty until", "2028-01-15"),
                "the last day is covered",
            )

    def test_serial_warranty_expired(self):
        sell_and_deliver(self.env, self.customer, self.drawer, self.serial)
        with freeze_time("2028-01-16"):
            ticket = self.ticket_about(self.drawer, self.serial)
            self.assertEqual(self.warranty_shown(ticket), ("Warranty expired on", "2028-01-15"))
            self.assertEqual(self.aftersales_ticket.warranty_state, "expired")

    def test_latest_delivery_of_the_serial_counts(self):
        # Delivered, returned, then delivered again in exchange: the warranty
        # runs from the last delivery to the customer.
        sell_and_deliver(self.env, self.customer, self.drawer, self.serial)
        self.env["stock.quant"]._update_available_quantity(
            self.drawer, self.env.ref("stock.stock_location_customers"), -1, lot_id=self.serial
        )
        sell_and_deliver(
            self.env, self.customer_contact, self.drawer, self.serial, when="2026-06-01 10:00:00"
        )
        with freeze_time("2027-01-01"):
            ticket = self.ticket_about(self.drawer, self.serial)
            self.assertEqual(self.warranty_shown(ticket), ("Under warranty until", "2028-06-01"))

    def test_serial_of_another_customer_shows_nothing(self):
        sell_and_deliver(self.env, self.other_customer, self.drawer, self.serial)
        with freeze_time("2027-01-01"):
            ticket = self.ticket_about(self.drawer, self.serial)
            self.assertIsNone(self.warranty_shown(ticket))
            self.assertFalse(self.aftersales_ticket.warranty_date)

    def test_without_lot_the_orders_delivery_counts(self):
        order = sell_and_deliver(self.env, self.customer, self.desk)
        with freeze_time("2026-06-01"):
            ticket = self.ticket_about(self.desk, order=order)
            self.assertEqual(
                self.warranty_shown(ticket),
                ("Under warranty until", "2027-01-15"),
            )
        with freeze_time("2027-01-16"):
            self.aftersales_ticket.invalidate_recordset()
            self.assertEqual(
                self.warranty_shown(Form(self.aftersales_ticket.with_user(self.agent))),
                ("Warranty expired on", "2027-01-15"),
            )

    def test_serial_product_without_lot_uses_the_order(self):
        order = sell_and_deliver(self.env, self.customer, self.drawer, self.serial)
        with freeze_time("2026-06-01"):
            ticket = self.ticket_about(self.drawer, order=order)
            self.assertEqual(self.warranty_shown(ticket), ("Under warranty until", "2028-01-15"))

    def test_nothing_shown_without_delivery_or_warranty(self):
        undelivered = self._order(self.customer, self.desk)
        with freeze_time("2026-06-01"):
            ticket = self.ticket_about(self.desk, order=undelivered)
            self.assertIsNone(self.warranty_shown(ticket), "not delivered yet")
            ticket = self.ticket_about(self.desk)
            self.assertIsNone(self.warranty_shown(ticket), "no order, no lot")
        order = sell_and_deliver(self.env, self.customer, self.chair)
        with freeze_time("2026-06-01"):
            ticket = self.ticket_about(self.chair, order=order)
            self.assertIsNone(self.warranty_shown(ticket), "the chair has no warranty")

    def test_agent_without_inventory_rights_sees_the_warranty(self):
        # The deliveries are read for the date only: a salesperson sees it.
        order = sell_and_deliver(self.env, self.customer, self.drawer, self.serial)
        self.aftersales_ticket.write(
            {"sale_order_id": order.id, "product_id": self.drawer.id, "lot_id": self.serial.id}
        )
        with freeze_time("2026-06-01"):
            ticket = Form(self.aftersales_ticket.with_user(self.sales_agent))
            self.assertNotIn("lot_id", ticket._view["fields"])
            self.assertEqual(self.warranty_shown(ticket), ("Under warranty until", "2028-01-15"))

    def test_warranty_computed_in_batch(self):
        # Measured: the same queries for 1 ticket as for 5 (one search of the
        # serials' deliveries, one of the orders' deliveries).
        drawers = desks = self.env["helpdesk.ticket"]
        for i in range(5):
            serial = self.env["stock.lot"].create(
                {"name": f"DRW-1{i}", "product_id": self.drawer.id}
            )
            sell_and_deliver(self.env, self.customer, self.drawer, serial)
            order = sell_and_deliver(self.env, self.customer, self.desk)
            values = {"team_id": self.aftersales_team.id, "partner_id": self.customer.id}
            drawers |= self.env["helpdesk.ticket"].create(
                {
                    **TICKET_REQUIRED_VALUES,
                    **values,
                    "name": f"Drawer {i}",
                    "product_id": self.drawer.id,
                    "lot_id": serial.id,
                }
            )
            desks |= self.env["helpdesk.ticket"].create(
                {
                    **TICKET_REQUIRED_VALUES,
                    **values,
                    "name": f"Desk {i}",
                    "product_id": self.desk.id,
                    "sale_order_id": order.id,
                }
            )
        with freeze_time("2026-06-01"):
            self.assertEqual(set((drawers | desks).mapped("warranty_state")), {"under"})
            for tickets in (drawers, desks):
                self.assertQueriesIndependentOfTickets(
                    tickets, ["warranty_state", "warranty_date"], user=self.sales_agent
                )
