from unittest.mock import patch

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP


@tagged("post_install", "-at_install")
class TestRepairLoop(AftersalesQueriesMixin, HelpdeskAftersalesCase, BaseCommon):
    """Issue 29, item 3: the repaired product goes back to the customer, an
    unrepairable one ends in a refund or a replacement, the customer pays a
    repair out of warranty only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.ticket = cls.aftersales_ticket
        cls.customer = cls.aftersales_customer
        cls.repair_user = new_test_user(
            cls.env,
            login="loop_repair_user",
            name="Loop Repair User",
            groups=f"{USER_GROUP},stock.group_stock_user,"
            "stock.group_production_lot,sales_team.group_sale_salesman",
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.speaker = cls.env["product.product"].create(
            {"name": "Speaker", "type": "consu", "is_storable": True, "tracking": "serial"}
        )
        cls.serials = cls.env["stock.lot"].create(
            [{"name": name, "product_id": cls.speaker.id} for name in ("SN-1", "SN-2")]
        )
        for serial in cls.serials:
            cls.env["stock.quant"]._update_available_quantity(
                cls.speaker, cls.warehouse.lot_stock_id, 1, lot_id=serial
            )
        cls.screw = cls.env["product.product"].create(
            {"name": "Screw", "type": "consu", "list_price": 50.0}
        )
        # The customer's speaker is SN-2 (SN-1 is another one, first in stock).
        cls.ticket.write({"product_id": cls.speaker.id, "lot_id": cls.serials[1].id})

    def _repair(self, ticket=None, parts=None):
        """Click Repair on the ticket, add ``parts``, save."""
        action = (ticket or self.ticket).with_user(self.repair_user).action_repair()
        Repair = self.env["repair.order"].with_user(self.repair_user)
        form = Form(Repair.with_context(**action["context"]))
        for product, quantity in (parts or {}).items():
            with form.move_ids.new() as line:
                line.repair_line_type = "add"
                line.product_id = product
                line.product_uom_qty = quantity
        return form.save()

    def _repair_done(self, repair):
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        return repair.aftersales_delivery_ids

    def _validate(self, delivery):
        delivery = delivery.with_user(self.repair_user)
        delivery.move_ids.picked = True
        self.assertIs(delivery.button_validate(), True)

    # The product goes back --------------------------------------------------------

    def test_repaired_product_is_delivered_back(self):
        repair = self._repair()
        self.assertFalse(repair.aftersales_delivery_ids, "nothing ships before the repair")
        delivery = self._repair_done(repair)
        self.assertEqual(len(delivery), 1)
        self.assertEqual(delivery.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(delivery.partner_id, self.customer)
        self.assertEqual(delivery.location_id, repair.product_location_dest_id)
        self.assertEqual(delivery.location_dest_id, self.customer.property_stock_customer)
        self.assertEqual(delivery.origin, repair.name)
        self.assertEqual(delivery.move_ids.product_id, self.speaker)
        self.assertEqual(delivery.move_ids.product_uom_qty, 1)
        # The customer's own speaker, not the first serial number in stock.
        self.assertEqual(delivery.state, "assigned")
        self.assertEqual(delivery.move_line_ids.lot_id, self.serials[1])
        # Linked to the ticket, announced in its chatter.
        self.assertEqual(delivery.helpdesk_ticket_id, self.ticket)
        message = self.ticket.message_ids[0]
        self.assertIn("Repaired product to ship back", message.body)
        self.assertIn(f'data-oe-id="{delivery.id}"', message.body)
        # The repair's smart button opens it.
        self.assertEqual(repair.aftersales_delivery_count, 1)
        action = repair.action_view_aftersales_deliveries()
        self.assertEqual((action["res_model"], action["res_id"]), ("stock.picking", delivery.id))

    def test_customer_told_once_when_shipped(self):
        delivery = self._repair_done(self._repair())
        ticket_class = self.registry["helpdesk.ticket"]
        with patch.object(ticket_class, "_aftersales_notify_customer", autospec=True) as notify:
            self._validate(delivery)
            self.assertEqual(delivery.state, "done")
            self.assertEqual(notify.call_count, 1)
            ticket, event, documents = notify.call_args.args
            self.assertEqual((ticket, event, documents), (self.ticket, "product_shipped", delivery))
            # Done already: validating again tells nothing more.
            delivery._action_done()
            self.assertEqual(notify.call_count, 1)
        self.assertEqual(delivery.move_line_ids.lot_id, self.serials[1])

    def test_backorder_ships_the_rest(self):
        chair = self.env["product.product"].create({"name": "Chair", "type": "consu"})
        self.ticket.write({"product_id": chair.id, "lot_id": False})
        form = Form(self._repair())
        form.product_qty = 2
        delivery = self._repair_done(form.save())
        ticket_class = self.registry["helpdesk.ticket"]
        with patch.object(ticket_class, "_aftersales_notify_customer", autospec=True) as notify:
            delivery.move_ids.quantity = 1
            delivery.move_ids.picked = True
            delivery._action_done()
            backorder = delivery.backorder_ids
            self.assertEqual(backorder.aftersales_repair_id, delivery.aftersales_repair_id)
            self.assertEqual(backorder.helpdesk_ticket_id, self.ticket)
            self.assertEqual(notify.call_count, 1)
            self._validate(backorder)
            self.assertEqual(notify.call_count, 2)
            self.assertEqual(notify.call_args.args[2], backorder)

    def test_repair_without_ticket_ships_nothing(self):
        chair = self.env["product.product"].create({"name": "Chair", "type": "consu"})
        repair = self.env["repair.order"].create(
            {"product_id": chair.id, "partner_id": self.customer.id}
        )
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertFalse(repair.aftersales_delivery_ids)

    def test_delivery_count_queries(self):
        repairs = self.env["repair.order"]
        chair = self.env["product.product"].create({"name": "Chair", "type": "consu"})
        self.ticket.write({"product_id": chair.id, "lot_id": False})
        for _index in range(5):
            repair = self._repair()
            self._repair_done(repair)
            repairs |= repair
        self.assertQueriesIndependentOfTickets(
            repairs, ["aftersales_delivery_count"], user=self.repair_user
        )
        # Measured: one grouped count for all the repairs.
        self.assertCountQueriesAtMost(
            repairs, ["aftersales_delivery_count"], 1, user=self.repair_user
        )
        self.assertEqual(repairs.mapped("aftersales_delivery_count"), [1] * 5)

    # The product cannot be repaired -------------------------------------------------

    def test_cancelled_repair_hints_refund_or_replacement(self):
        ticket = self.ticket.with_user(self.helpdesk_agent)
        self.assertFalse(ticket.aftersales_repair_impossible)
        repair = self._repair()
        self.assertFalse(ticket.aftersales_repair_impossible)
        repair.action_repair_cancel()
        self.assertTrue(ticket.aftersales_repair_impossible)
        arch = ticket.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="aftersales_repair_impossible"', arch)
        self.assertIn("The product cannot be repaired", arch)
        # A new repair is being tried: no hint.
        self._repair()
        self.assertFalse(ticket.aftersales_repair_impossible)

    def test_repair_impossible_queries(self):
        chair = self.env["product.product"].create({"name": "Chair", "type": "consu"})
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    **TICKET_REQUIRED_VALUES,
                    "name": f"T{i}",
                    "team_id": self.aftersales_team.id,
                    "partner_id": self.customer.id,
                    "product_id": chair.id,
                }
                for i in range(5)
            ]
        )
        for ticket in tickets:
            self._repair(ticket).action_repair_cancel()
        self.assertQueriesIndependentOfTickets(
            tickets, ["aftersales_repair_impossible"], user=self.helpdesk_agent
        )
        self.assertTrue(all(tickets.mapped("aftersales_repair_impossible")))

    # Who pays ------------------------------------------------------------------------

    def test_quotation_sent_out_of_warranty(self):
        repair = self._repair(parts={self.screw: 2})
        self.assertFalse(repair.under_warranty)
        action = repair.with_user(self.repair_user).action_aftersales_send_quotation()
        order = repair.sale_order_id
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.amount_untaxed, 100.0)
        # Core's Send by Email of the quotation: its template and PDF.
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertEqual(
            action["context"]["default_template_id"],
            self.env.ref("sale.email_template_edi_sale").id,
        )
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.repair_user)
            .with_context(**action["context"])
        ).save()
        composer.action_send_mail()
        self.assertEqual(order.state, "sent")
        message = order.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn(self.customer, message.partner_ids)
        self.assertTrue(message.attachment_ids, "the quotation's PDF")
        # The ticket's chatter links the quotation sent.
        note = self.ticket.message_ids[0]
        self.assertIn("Repair quotation sent to the customer", note.body)
        self.assertIn(f'data-oe-id="{order.id}"', note.body)

    def test_nothing_charged_under_warranty(self):
        repair = self._repair(parts={self.screw: 2})
        repair.under_warranty = True
        with self.assertRaisesRegex(UserError, "under warranty: nothing is charged"):
            repair.with_user(self.repair_user).action_aftersales_send_quotation()
        self.assertFalse(repair.sale_order_id)
        # The repair form offers no quotation for it: both buttons hide.
        arch = etree.fromstring(repair.get_views([(False, "form")])["views"]["form"]["arch"])
        for button in ("action_create_sale_order", "action_aftersales_send_quotation"):
            (node,) = arch.xpath(f"//button[@name='{button}']")
            self.assertIn("under_warranty", node.get("invisible"))
