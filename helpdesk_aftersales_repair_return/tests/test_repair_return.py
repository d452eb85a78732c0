from lxml import etree

from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP
from odoo.addons.helpdesk_aftersales_return.tests.common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestRepairReturn(AftersalesQueriesMixin, HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        # Return for Exchange ships at once (When Received: test_replacement).
        cls.aftersales_team.replacement_policy = "at_once"
        cls.ticket = cls.aftersales_ticket
        cls.customer = cls.aftersales_customer
        cls.repair_user = new_test_user(
            cls.env,
            login="repair_user",
            name="Repair User",
            groups=f"{USER_GROUP},stock.group_stock_user",
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "is_storable": True}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.chair, warehouse.lot_stock_id, 10)
        order = sell_and_deliver(cls.env, cls.customer, {cls.chair: 3})
        cls.delivery = order.picking_ids
        cls.ticket.write({"product_id": cls.chair.id, "sale_order_id": order.id})

    def _return(self, quantity, ticket=None):
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_id=self.delivery.id, active_model="stock.picking"
            )
        ).save()
        wizard.product_return_moves.quantity = quantity
        picking = self.env["stock.picking"].browse(wizard.action_create_returns()["res_id"])
        picking.helpdesk_ticket_id = ticket
        return picking

    def _ticket(self, name):
        """Another ticket of the customer about the same order's chair."""
        return self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": name,
                "team_id": self.aftersales_team.id,
                "partner_id": self.customer.id,
                "product_id": self.chair.id,
                "sale_order_id": self.ticket.sale_order_id.id,
            }
        )

    def _exchange(self, ticket):
        """Return one chair from the ticket with Return for Exchange."""
        dialog = self.open_ticket_wizard(ticket, "action_return", self.repair_user)
        with dialog.line_ids.edit(0) as line:
            line.quantity = 1
        dialog.save().action_create_exchanges()

    def _return_choices(self, repair_form):
        """The transfers the Return field of the repair form offers."""
        domain = self.env["repair.order"].fields_get(["picking_id"], ["domain"])["picking_id"][
            "domain"
        ]
        values = {
            "product_id": repair_form.product_id.id,
            "helpdesk_ticket_id": repair_form.helpdesk_ticket_id.id,
            "company_id": repair_form.company_id.id,
        }
        return self.env["stock.picking"].search(safe_eval(domain, values))

    def _repair_form(self, ticket=None):
        action = (ticket or self.ticket).with_user(self.repair_user).action_repair()
        Repair = self.env["repair.order"].with_user(self.repair_user)
        return Form(Repair.with_context(**action["context"]))

    def test_return_of_the_ticket(self):
        ticket_return = self._return(2, ticket=self.ticket)
        other_return = self._return(1)
        form = self._repair_form()
        # The ticket's only return is proposed, with its quantity.
        self.assertEqual(form.picking_id, ticket_return)
        self.assertEqual(form.product_qty, 2)
        self.assertEqual(form.partner_id, self.customer)
        # Only the ticket's returns can be chosen ...
        self.assertEqual(self._return_choices(form), ticket_return)
        repair = form.save()
        self.assertEqual(repair.picking_id, ticket_return)
        self.assertEqual(repair.product_qty, 2)
        self.assertEqual(repair.helpdesk_ticket_id, self.ticket)
        # ... while a repair without ticket offers every return (core).
        without_ticket = Form(self.env["repair.order"].with_user(self.repair_user))
        without_ticket.product_id = self.chair
        self.assertEqual(self._return_choices(without_ticket), ticket_return | other_return)

    def test_repaired_where_the_return_brings_it(self):
        """As core's Repair button on a return: the product to repair is taken
        from where the return brings it, and once repaired goes back to the
        customer from the repair's destination."""
        ticket_return = self._return(1, ticket=self.ticket)
        stock = ticket_return.location_dest_id
        shelf = self.env["stock.location"].create(
            {"name": "Returns shelf", "location_id": stock.id, "usage": "internal"}
        )
        ticket_return.location_dest_id = shelf
        repair = self._repair_form().save()
        self.assertEqual(repair.product_location_src_id, shelf)
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        delivery = repair.aftersales_delivery_ids
        self.assertEqual(delivery.location_id, repair.product_location_dest_id)
        self.assertEqual(delivery.move_ids.product_id, self.chair)
        self.assertEqual(delivery.helpdesk_ticket_id, self.ticket)

    def test_several_returns_are_not_guessed(self):
        returns = self._return(1, ticket=self.ticket) | self._return(1, ticket=self.ticket)
        form = self._repair_form()
        self.assertFalse(form.picking_id)
        self.assertEqual(self._return_choices(form), returns)
        form.picking_id = returns[1]
        self.assertEqual(form.save().picking_id, returns[1])

    def test_agent_reads_repair_of_a_return(self):
        ticket_return = self._return(1, ticket=self.ticket)
        repair = self._repair_form().save()
        self.assertEqual(repair.picking_id, ticket_return)
        self.env.invalidate_all()
        # The agent cannot read transfers, but can open the repair.
        form = Form(repair.with_user(self.helpdesk_agent))
        self.assertEqual(form.picking_id, ticket_return)
        self.assertEqual(form.product_id, self.chair)

    def test_return_field_translated(self):
        langs = ["de_DE", "zh_CN"]
        for lang in langs:
            self.env["res.lang"]._activate_lang(lang)
        # The core field keeps its core translation unless ours overwrites it.
        self.env["ir.module.module"]._load_module_terms(
            ["helpdesk_aftersales_repair_return"], langs, overwrite=True
        )
        for lang, term in (("de_DE", "Retoure"), ("zh_CN", "退货")):
            Repair = self.env["repair.order"].with_context(lang=lang)
            strings = Repair.fields_get(["picking_id"], ["string"])
            self.assertEqual(strings["picking_id"]["string"], term)

    def test_unrepairable_product_replaced_from_the_ticket(self):
        """The repair is cancelled: the ticket's hint offers its Return button,
        highlighted, whose dialog sends the replacement (Return for Exchange)."""
        repair = self._repair_form().save()
        repair.action_repair_cancel()
        ticket = self.ticket.with_user(self.repair_user)
        self.assertTrue(ticket.aftersales_repair_impossible)
        arch = etree.fromstring(ticket.get_views([(False, "form")])["views"]["form"]["arch"])
        (button,) = arch.xpath(
            "//div[@name='aftersales_repair_impossible']//button[@name='action_return']"
        )
        self.assertIn("btn-primary", button.get("class"))
        dialog = self.open_ticket_wizard(ticket, "action_return", self.repair_user)
        with dialog.line_ids.edit(0) as line:
            line.quantity = 1
        dialog.save().action_create_exchanges()
        replacement = self.ticket.picking_ids.filtered(lambda p: p.picking_type_code == "outgoing")
        self.assertEqual(replacement.move_ids.product_id, self.chair)
        self.assertEqual(replacement.move_ids.product_uom_qty, 1)
        self.assertEqual(replacement.partner_id, self.customer)
        # The customer gets a replacement: the hint is done.
        self.assertFalse(ticket.aftersales_repair_impossible)
        arch = etree.fromstring(ticket.get_views([(False, "form")])["views"]["form"]["arch"])
        self.assertEqual(
            arch.xpath("//div[@name='aftersales_repair_impossible']/@invisible"),
            ["not aftersales_repair_impossible"],
        )

    def test_return_without_replacement_keeps_the_hint(self):
        """A return alone, or the replacement of another ticket, replaces
        nothing for this ticket."""
        self._repair_form().save().action_repair_cancel()
        other_ticket = self._ticket("Another chair")
        self._exchange(other_ticket)
        self.assertTrue(
            other_ticket.picking_ids.filtered(lambda p: p.picking_type_code == "outgoing")
        )
        self._return(1, ticket=self.ticket)
        self.assertTrue(self.ticket.aftersales_repair_impossible)
        # A replacement made before the repair was cancelled, neither.
        self._repair_form().save()
        self._exchange(self.ticket)
        self.env.cr.execute(
            "UPDATE stock_picking SET create_date = create_date - interval '1 hour'"
            " WHERE helpdesk_ticket_id = %s",
            [self.ticket.id],
        )
        self.env.invalidate_all()
        self.ticket.repair_ids.filtered(lambda r: r.state != "cancel").action_repair_cancel()
        self.assertTrue(self.ticket.aftersales_repair_impossible)

    def test_unrepairable_hint_queries(self):
        tickets = self.ticket
        for index in range(4):
            tickets |= self._ticket(f"T{index}")
        for ticket in tickets:
            self._repair_form(ticket).save().action_repair_cancel()
        self._exchange(tickets[0])
        self.assertQueriesIndependentOfTickets(
            tickets, ["aftersales_repair_impossible"], user=self.helpdesk_agent
        )
        self.assertEqual(
            tickets.mapped("aftersales_repair_impossible"), [False, True, True, True, True]
        )
