from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP
from odoo.addons.mail.tests.common import MockEmail


def coupon_program(env, name):
    """A Coupons program made as a user makes it (Sales ‣ Products ‣ Discount &
    Loyalty ‣ New, Program Type = Coupons): Odoo's defaults give it a 10%
    discount on the order and, in its communication plan, the "At Creation"
    email that mails every new coupon to its customer."""
    program = Form(env["loyalty.program"])
    program.name = name
    program.program_type = "coupons"
    return program.save()


class CouponCase(HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.ticket = cls.aftersales_ticket
        cls.agent = new_test_user(
            cls.env,
            login="coupon_agent",
            email="coupon.agent@example.com",
            groups=f"{USER_GROUP},sales_team.group_sale_salesman_all_leads",
        )
        cls.product = cls.env["product.product"].create({"name": "Chair", "list_price": 100.0})
        cls.program = coupon_program(cls.env, "10% sorry coupon")

    def _dialog(self, **values):
        dialog = self.open_ticket_wizard(self.ticket, "action_generate_coupon", self.agent)
        dialog.program_id = values.get("program", self.program)
        if "expiration_date" in values:
            dialog.expiration_date = values["expiration_date"]
        return dialog


@tagged("post_install", "-at_install")
class TestHelpdeskCoupon(AftersalesQueriesMixin, CouponCase, MockEmail):
    def _forged(self, **vals):
        ctx = {"active_model": "helpdesk.ticket", "active_id": self.ticket.id}
        Wizard = self.env["helpdesk.sale.coupon.generate"].with_user(self.agent)
        return Wizard.with_context(**ctx).create({"program_id": self.program.id, **vals})

    def test_generate_without_expiry_applies_once(self):
        self._dialog().save().action_generate()
        coupon = self.ticket.coupon_ids
        self.assertEqual(len(coupon), 1)
        self.assertEqual(coupon.partner_id, self.aftersales_customer)
        self.assertFalse(coupon.expiration_date, "no Valid Until: the code never expires")
        self.assertIn(coupon.code, self.ticket.message_ids[0].body)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.aftersales_customer.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        self.assertFalse(order._try_apply_code(coupon.code).get("error"))
        order._apply_program_reward(self.program.reward_ids, coupon)
        self.assertEqual(order.amount_untaxed, 90.0)
        order.action_confirm()
        self.assertEqual(coupon.points, 0, "the single use is spent")
        second = self.env["sale.order"].create(
            {
                "partner_id": self.aftersales_customer.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        result = second._try_apply_code(coupon.code)
        self.assertIn("error", result, "a spent coupon does not apply again")

    def test_generate_with_expiry(self):
        valid_until = fields.Date.today() + timedelta(days=30)
        self._dialog(expiration_date=valid_until).save().action_generate()
        self.assertEqual(self.ticket.coupon_ids.expiration_date, valid_until)

    def test_send_by_email_to_ticket_followers(self):
        # The core coupon template sends from the program's company address.
        self.program.company_id.email = "shop@example.com"
        follower = self.env["res.partner"].create({"name": "Purchasing", "email": "p@example.com"})
        self.ticket.message_subscribe(partner_ids=follower.ids)
        valid_until = fields.Date.today() + timedelta(days=30)
        action = self._dialog(expiration_date=valid_until).save().action_send_by_email()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertEqual(
            set(action["context"]["default_partner_ids"]),
            set(self.ticket.message_partner_ids.ids),
        )
        self.assertIn(follower.id, action["context"]["default_partner_ids"])
        # The composer as the web client opens it: followers are the recipients,
        # the coupon template gives the code and its expiry date.
        composer = Form(
            self.env["mail.compose.message"].with_user(self.agent).with_context(**action["context"])
        )
        self.assertEqual(composer.template_id, self.env.ref("loyalty.mail_template_loyalty_card"))
        self.assertEqual(composer.partner_ids[:], self.ticket.message_partner_ids)
        self.assertIn(self.aftersales_customer, composer.partner_ids[:])
        self.assertIn(follower, composer.partner_ids[:])
        coupon = self.ticket.coupon_ids
        self.assertIn(coupon.code, composer.body)
        self.assertIn(fields.Date.to_string(valid_until), composer.body)
        # More recipients can be added before sending.
        extra = self.env["res.partner"].create({"name": "Accounting", "email": "a@example.com"})
        composer.partner_ids.add(extra)
        composer.save().action_send_mail()
        message = coupon.message_ids[0]
        self.assertIn(coupon.code, message.body)
        self.assertEqual(message.partner_ids, self.ticket.message_partner_ids | extra)

    def _emails_to_customer(self):
        """The emails (mail.mail, queued or sent) made for the ticket's
        customer since the mail gateway mock started, and the messages that
        notified them by email."""
        customer = self.aftersales_customer
        mails = self._new_mails.filtered(
            lambda mail: customer in mail.recipient_ids or customer.email in (mail.email_to or "")
        )
        notifications = self.env["mail.notification"].search(
            [("res_partner_id", "=", customer.id), ("notification_type", "=", "email")]
        )
        return mails, notifications.mail_message_id

    def _send_composer(self, action):
        """The composer of Send by Email as the web client opens it, sent."""
        composer = Form(
            self.env["mail.compose.message"].with_user(self.agent).with_context(**action["context"])
        )
        composer.save().action_send_mail()

    def test_generating_sends_nothing(self):
        # The program, as a user makes it, mails each new coupon at creation.
        self.assertEqual(self.program.communication_plan_ids.mapped("trigger"), ["create"])
        for button in ("action_generate", "action_get_share_link"):
            with self.subTest(button), self.mock_mail_gateway():
                getattr(self._dialog().save(), button)()
                mails, messages = self._emails_to_customer()
                self.assertFalse(mails, "the agent decides when the customer gets the coupon")
                self.assertFalse(messages)
        self.assertEqual(len(self.ticket.coupon_ids), 2)

    def test_send_by_email_sends_one_email(self):
        self.program.company_id.email = "shop@example.com"
        self.assertEqual(self.program.communication_plan_ids.mapped("trigger"), ["create"])
        with self.mock_mail_gateway():
            action = self._dialog().save().action_send_by_email()
            mails, messages = self._emails_to_customer()
            self.assertFalse(mails, "nothing is sent before the agent sends the composer")
            self.assertFalse(messages)
            self._send_composer(action)
            mails, messages = self._emails_to_customer()
        coupon = self.ticket.coupon_ids
        self.assertEqual(len(mails), 1, "one email: the one the agent sent")
        self.assertEqual(messages, coupon.message_ids[0])
        self.assertEqual(mails.mail_message_id, messages)
        self.assertIn(coupon.code, mails.body_html)

    def test_share_dialog_without_ecommerce_explains(self):
        # The base implementation (no eCommerce): no link, the dialog explains.
        action = self._dialog().save().action_get_share_link()
        share = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(share.code, self.ticket.coupon_ids.code)
        Share = self.env.registry["helpdesk.coupon.share"]
        base_compute = next(
            cls._compute_share_link
            for cls in Share.__mro__
            if cls.__module__.startswith("odoo.addons.helpdesk_aftersales_coupon.")
            and "_compute_share_link" in vars(cls)
        )
        base_compute(share)
        self.assertFalse(share.share_link)
        arch = share.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("install the eCommerce app", arch)

    def test_bad_inputs(self):
        other_company = self.env["res.company"].create({"name": "Other Co"})
        promotion = self.program.copy({"name": "Promo", "program_type": "promotion"})
        archived = self.program.copy({"name": "Old"})
        archived.action_archive()
        foreign = self.program.copy({"name": "Foreign", "company_id": other_company.id})
        cases = {
            "not a coupon program": {"program_id": promotion.id},
            "archived": {"program_id": archived.id},
            "another company": {"program_id": foreign.id},
            "in the past": {"expiration_date": fields.Date.today() - timedelta(days=1)},
        }
        for message, vals in cases.items():
            with self.subTest(message), self.assertRaisesRegex(UserError, message):
                self._forged(**vals).action_generate()
        self.ticket.partner_id = False
        with self.assertRaisesRegex(UserError, "customer"):
            self._forged().action_generate()
        self.assertFalse(
            self.env["loyalty.card"].search([("helpdesk_ticket_id", "=", self.ticket.id)])
        )

    def test_smart_button(self):
        dialog = self._dialog().save()
        dialog.action_generate()
        dialog.action_send_by_email()  # the same dialog's coupon, not a second one
        self.assertEqual(self.ticket.coupon_count, 1)
        action = self.ticket.action_view_coupons()
        self.assertEqual(action["res_id"], self.ticket.coupon_ids.id)
        self._dialog().save().action_generate()
        action = self.ticket.action_view_coupons()
        self.assertEqual(self.env["loyalty.card"].search(action["domain"]), self.ticket.coupon_ids)
        self.assertEqual(self.ticket.coupon_count, 2)

    def test_count_queries_do_not_grow_with_tickets(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {**TICKET_REQUIRED_VALUES, "name": f"T{i}", "team_id": self.aftersales_team.id}
                for i in range(10)
            ]
        )

        self.assertQueriesIndependentOfTickets(tickets, ["coupon_count"])

    def test_agent_without_sales_rights(self):
        with self.assertRaisesRegex(UserError, "Sales rights"):
            self.ticket.with_user(self.helpdesk_agent).action_generate_coupon()

    def test_nothing_left_when_the_last_step_fails(self):
        wizard = self._forged()
        self.assertLeavesNothingWhenLastStepFails(
            self.ticket, wizard.action_generate, "loyalty.card"
        )


@tagged("post_install", "-at_install")
class TestCouponPdf(CouponCase, HttpCase):
    def test_send_by_email_attaches_the_coupon_pdf(self):
        """The coupon email attaches the coupon as a PDF: rendered for real
        (in tests Odoo renders HTML unless told), so a missing wkhtmltopdf
        fails here rather than on the agent's Send by Email."""
        self.program.company_id.email = "shop@example.com"
        action = self._dialog().save().action_send_by_email()
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.agent)
            .with_context(**action["context"], force_report_rendering=True)
        )
        composer.save().action_send_mail()
        coupon = self.ticket.coupon_ids
        attachment = coupon.message_ids[0].attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertTrue(attachment.name.endswith(".pdf"), attachment.name)
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(attachment.raw.startswith(b"%PDF-"), attachment.raw[:20])
