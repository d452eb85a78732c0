from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP
from odoo.addons.helpdesk_aftersales_return.tests.common import sell_and_deliver

from .common import invoice_orders

LOOP_EMAILS = (
    "aftersales_notify_return_authorised",
    "aftersales_notify_goods_received",
    "aftersales_notify_credit_note_issued",
)


@tagged("post_install", "-at_install")
class TestLoopTour(HelpdeskAftersalesCase, HttpCase):
    """One whole loop in a real browser (issue 29): a German customer
    requests a return on the portal, the agent authorises it (Return and
    Refund, the team credits When Received), the warehouse receives it, the
    agent posts the credit note; the customer's emails wait in the outgoing
    queue, in German."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._load_aftersales_languages(
            [
                "helpdesk_aftersales",
                "helpdesk_aftersales_return",
                "helpdesk_aftersales_refund",
                "helpdesk_aftersales_return_refund",
            ],
            langs=("de_DE",),
        )
        cls.aftersales_customer.lang = "de_DE"
        # Helpdesk > Configuration > Teams, as the manager sets the team up.
        with Form(cls.aftersales_team) as team:
            team.receives_portal_returns = True
            team.return_credit_policy = "received"
            for switch in LOOP_EMAILS:
                setattr(team, switch, True)
        new_test_user(
            cls.env,
            login="portal_loop",
            groups="base.group_portal",
            partner_id=cls.aftersales_customer.id,
            email=cls.aftersales_customer.email,
        )
        cls.stock_agent = new_test_user(
            cls.env, login="loop_stock", groups=f"{USER_GROUP},stock.group_stock_user"
        )
        chair = cls.env["product.product"].create(
            {
                "name": "Loop Chair",
                "is_storable": True,
                "invoice_policy": "delivery",
                "list_price": 80.0,
            }
        )
        stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.env["stock.quant"]._update_available_quantity(chair, stock, 10)
        cls.env["helpdesk.return.reason"].create({"name": "Loop: the leg broke"})
        cls.order = sell_and_deliver(cls.env, cls.aftersales_customer, {chair: 2})
        cls.invoice = invoice_orders(cls.env, cls.order)

    def _receive(self, picking):
        """Validate the return as a warehouse user does (Validate, all
        received)."""
        picking = picking.with_user(self.stock_agent)
        picking.move_ids.picked = True
        self.assertIs(picking.button_validate(), True)

    def _customer_mails(self, ticket, floor):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("id", ">", floor),
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", ticket.id),
                    ("recipient_ids", "in", self.aftersales_customer.ids),
                ],
                order="id",
            )
        )

    def test_whole_loop(self):
        self.start_tour(
            f"/my/orders/{self.order.id}",
            "helpdesk_aftersales_loop_portal_tour",
            login="portal_loop",
        )
        ticket = self.env["helpdesk.ticket"].search([("sale_order_id", "=", self.order.id)])
        self.assertEqual(ticket.return_request_line_ids.quantity, 2.0)
        self.assertEqual(ticket.team_id, self.aftersales_team)
        # What the helpdesk itself sends on a new ticket (helpdesk_mgmt's
        # stage emails) is not the loop's.
        floor = self.env["mail.mail"].sudo().search([], order="id desc", limit=1).id or 0

        self.start_ticket_tour("helpdesk_aftersales_loop_authorise_tour", ticket)
        returned = ticket.picking_ids
        self.assertEqual(returned.state, "assigned")
        self.assertFalse(ticket.credit_note_ids, "credited When Received")

        self._receive(returned)
        self.assertEqual(ticket.credit_note_ids.state, "draft")

        self.start_ticket_tour("helpdesk_aftersales_loop_credit_tour", ticket)
        credit_note = ticket.credit_note_ids
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(credit_note.invoice_line_ids.quantity, 2.0)
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)

        mails = self._customer_mails(ticket, floor)
        self.assertEqual(len(mails), 3, mails.mapped("subject"))
        authorised, received, credited = mails
        self.assertIn("ist genehmigt", authorised.subject)
        self.assertIn(returned.name, authorised.subject)
        self.assertIn("Wir haben Ihre Retoure", received.subject)
        self.assertIn(credit_note.name, credited.subject)
        self.assertIn("Gutschrift", credited.subject)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
