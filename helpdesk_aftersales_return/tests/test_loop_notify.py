import re

from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_close import AftersalesCloseCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP

from .common import sell_and_deliver, storable_products

SWITCHES = (
    "aftersales_notify_return_authorised",
    "aftersales_notify_goods_received",
    "aftersales_notify_product_shipped",
)


class LoopCase(AftersalesCloseCase, BaseCommon):
    """A ticket of a customer who bought 2 chairs, their team emailing them
    at each step; the agent returns from the ticket and receives in
    Inventory."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        # Return for Exchange ships at once (When Received: test_replacement).
        cls.aftersales_team.replacement_policy = "at_once"
        cls._setup_aftersales_close()
        cls._load_aftersales_languages(["helpdesk_aftersales", "helpdesk_aftersales_return"])
        cls.agent = cls.helpdesk_agent
        cls.agent.groups_id |= cls.env.ref("stock.group_stock_user") | cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        (cls.chair,) = storable_products(cls.env, ["Office Chair"])
        cls.ticket = cls.aftersales_ticket
        cls.ticket.stage_id = cls.open_stage
        cls.ticket.sale_order_id = sell_and_deliver(
            cls.env, cls.aftersales_customer, {cls.chair: 2}
        )
        cls.set_switches(True)

    @classmethod
    def set_switches(cls, value, switches=SWITCHES):
        # The manager ticks them in the team's After-Sales block.
        with Form(cls.aftersales_team) as team:
            for switch in switches:
                setattr(team, switch, value)

    def _return(self, exchange=False):
        dialog = self.open_ticket_wizard(self.ticket, "action_return", self.agent)
        wizard = dialog.save()
        if exchange:
            wizard.action_create_exchanges()
        else:
            wizard.action_create_returns()
        return self.ticket.picking_ids

    def _validate(self, picking, quantity=None):
        """Validate ``picking`` as the agent, ``quantity`` of its move only
        (a backorder for the rest)."""
        picking = picking.with_user(self.agent)
        if quantity is not None:
            picking.move_ids.quantity = quantity
        picking.move_ids.picked = True
        action = picking.button_validate()
        if action is not True:
            wizard = Form(
                self.env[action["res_model"]]
                .with_user(self.agent)
                .with_context(**action["context"])
            ).save()
            wizard.process()
        self.assertEqual(picking.state, "done")

    def setUp(self):
        super().setUp()
        # What the helpdesk itself sent before (helpdesk_mgmt: the ticket's
        # creation) is not the loop's.
        self.mail_floor = self.env["mail.mail"].sudo().search([], order="id desc", limit=1).id or 0

    def customer_mails(self):
        """The emails of the ticket waiting in the outgoing queue for its
        customer since the test started, oldest first."""
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("id", ">", self.mail_floor),
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", self.ticket.id),
                    ("recipient_ids", "in", self.aftersales_customer.ids),
                ],
                order="id",
            )
        )


@tagged("post_install", "-at_install")
class TestLoopEmails(LoopCase):
    def test_return_authorised_in_german_with_its_slip(self):
        self.aftersales_customer.lang = "de_DE"
        returned = self._return()
        mail = self.customer_mails()
        self.assertEqual(len(mail), 1, "one email: the return is authorised")
        self.assertEqual(mail.state, "outgoing")
        self.assertIn(returned.name, mail.subject)
        self.assertIn("ist genehmigt", mail.subject)
        self.assertIn("Office Chair", mail.body_html)
        self.assertIn("Retourenschein", mail.body_html)
        self.assertEqual(len(mail.attachment_ids), 1)
        self.assertIn(returned.name, mail.attachment_ids.name)
        # The same message in the ticket's chatter.
        self.assertEqual(self.ticket.message_ids[0], mail.mail_message_id)

    def test_goods_received_once_in_chinese(self):
        self.aftersales_customer.lang = "zh_CN"
        returned = self._return()
        self._validate(returned)
        mails = self.customer_mails()
        self.assertEqual(len(mails), 2)
        self.assertIn("已收到", mails[1].subject)
        self.assertIn(returned.name, mails[1].subject)
        # Validated again (a second click, a retried request): nothing more.
        returned.with_user(self.agent)._action_done()
        self.assertEqual(len(self.customer_mails()), 2)

    def test_partial_receipt_and_backorder_each_told_once(self):
        returned = self._return()
        self._validate(returned, quantity=1)
        backorder = self.ticket.picking_ids - returned
        self.assertEqual(backorder.backorder_id, returned, "the backorder is the ticket's")
        self.assertEqual(len(self.customer_mails()), 2, "authorised, 1 received")
        self.assertTrue(self.ticket.aftersales_waiting_goods)
        self.assertIn(backorder.name, self.assertCloseRefused(self.ticket, self.agent))
        self._validate(backorder)
        mails = self.customer_mails()
        self.assertEqual(len(mails), 3, "the backorder's receipt is told once")
        self.assertIn(backorder.name, mails[2].subject)
        self.assertFalse(self.ticket.aftersales_waiting_goods)
        self.assertCloseAllowed(self.ticket, self.agent)

    def test_replacement_shipped(self):
        pickings = self._return(exchange=True)
        replacement = pickings.filtered(lambda p: p.picking_type_code == "outgoing")
        self._validate(replacement)
        mails = self.customer_mails()
        self.assertEqual(len(mails), 2, "authorised, shipped")
        self.assertIn("Office Chair", mails[1].body_html)
        self.assertIn(replacement.name, mails[1].body_html)

    def test_switches_off_send_nothing(self):
        self.set_switches(False)
        pickings = self._return(exchange=True)
        for picking in pickings:
            self._validate(picking)
        self.assertFalse(self.customer_mails())
        # One switch on: only its step.
        self.set_switches(True, ["aftersales_notify_goods_received"])
        done = self.ticket.picking_ids
        self._validate(self._return() - done)
        self.assertEqual(len(self.customer_mails()), 1)


@tagged("post_install", "-at_install")
class TestLoopSteps(LoopCase):
    def steps(self):
        self.env.invalidate_all()
        ticket = self.ticket.with_user(self.agent)
        return [(row["reference"], row["label"]) for row in ticket._aftersales_loop_rows()]

    def test_steps_on_the_ticket_form(self):
        pickings = self._return(exchange=True)
        returned = pickings.filtered(lambda p: p.picking_type_code == "incoming")
        replacement = pickings - returned
        self.assertEqual(self.steps(), [(returned.name, "Authorised")])
        form = Form(self.ticket.with_user(self.agent))
        self.assertIn(returned.name, form.aftersales_loop_html)
        self.assertIn("Authorised", form.aftersales_loop_html)
        self._validate(returned)
        self.assertEqual(self.steps(), [(returned.name, "Replaced")])
        self._validate(replacement)
        self.assertEqual(self.steps(), [(returned.name, "Shipped Back")])

    def test_requested_then_authorised(self):
        with Form(self.aftersales_team) as team:
            team.receives_portal_returns = True
        order = self.ticket.sale_order_id
        vals = order._aftersales_prepare_portal_return({str(order.order_line.id): "1"}, {})
        self.ticket.sudo().return_request_line_ids = [(0, 0, line) for line in vals]
        self.assertEqual(self.steps(), [("Requested Returns", "Requested")])
        returned = self._return()
        self.assertEqual(self.steps(), [(returned.name, "Authorised")])

    def test_waiting_for_the_customers_goods_filter(self):
        other = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Another chair",
                "team_id": self.aftersales_team.id,
                "partner_id": self.aftersales_customer.id,
            }
        )
        returned = self._return()
        search = self.env["helpdesk.ticket"].with_user(self.agent).get_views([(False, "search")])
        arch = search["views"]["search"]["arch"]
        self.assertIn('name="aftersales_waiting_goods"', arch)
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent)
        waiting = [("aftersales_waiting_goods", "=", True)]
        tickets = self.ticket | other
        self.assertEqual(Ticket.search([("id", "in", tickets.ids), *waiting]), self.ticket)
        self._validate(returned)
        self.assertFalse(Ticket.search([("id", "in", tickets.ids), *waiting]))
        not_waiting = [("aftersales_waiting_goods", "=", False)]
        self.assertEqual(Ticket.search([("id", "in", tickets.ids), *not_waiting]), tickets)

    def test_agent_without_inventory_rights(self):
        """An agent who may not read transfers sees no return on the form,
        and the filter still finds the ticket (it names no transfer)."""
        self._return()
        agent = new_test_user(self.env, login="loop_plain_agent", groups=USER_GROUP)
        self.assertFalse(self.env["stock.picking"].with_user(agent).has_access("read"))
        form = Form(self.ticket.with_user(agent))
        self.assertFalse(form.aftersales_loop_html)
        Ticket = self.env["helpdesk.ticket"].with_user(agent)
        found = Ticket.search(
            [("id", "=", self.ticket.id), ("aftersales_waiting_goods", "=", True)]
        )
        self.assertEqual(found, self.ticket)


@tagged("post_install", "-at_install")
class TestLoopPortal(AftersalesPortalCase, HelpdeskAftersalesCase, BaseCommon, HttpCase):
    """The customer's ticket page shows where their returns stand, as the
    ticket form does; another customer sees none of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_portal()
        cls.helpdesk_agent.groups_id |= cls.env.ref("stock.group_stock_user") | cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        (cls.chair,) = storable_products(cls.env, ["Office Chair"])
        cls.ticket = cls.aftersales_ticket
        cls.ticket.sale_order_id = sell_and_deliver(
            cls.env, cls.aftersales_customer, {cls.chair: 2}
        )

    def loop_badges(self, page):
        block = page.text.split('id="aftersales_loop"', 1)[-1]
        return re.findall(
            r'o_aftersales_loop_step"\s+data-step="(\w+)"[^>]*>\s*([^<]*?)\s*<', block
        )

    def test_portal_shows_the_steps(self):
        with Form(self.aftersales_team) as team:
            team.receives_portal_returns = True
        order = self.ticket.sale_order_id
        vals = order._aftersales_prepare_portal_return({str(order.order_line.id): "1"}, {})
        self.ticket.sudo().return_request_line_ids = [(0, 0, line) for line in vals]
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertEqual(self.loop_badges(page), [("requested", "Requested")])
        form = self.open_ticket_wizard(self.ticket, "action_return", user=self.helpdesk_agent)
        form.save().action_create_returns()
        returned = self.ticket.picking_ids
        page = self.assertOnlyCustomerSees(self.ticket, 'id="aftersales_loop"', returned.name)
        self.assertEqual(self.loop_badges(page), [("authorised", "Authorised")])
        returned.move_ids.picked = True
        returned.button_validate()
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertEqual(self.loop_badges(page), [("received", "Received")])
