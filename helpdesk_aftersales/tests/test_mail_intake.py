from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import MailCommon

from .common import HelpdeskAftersalesCase

EMAIL = """Return-Path: {return_path}
To: {to}
cc: {cc}
From: {email_from}
Subject: {subject}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Date: Fri, 10 Aug 2012 14:16:26 +0000
Message-ID: {msg_id}
{extra}
Please send me the coupon codes and the invoices of my account.
"""


@tagged("post_install", "-at_install")
class TestMailIntakeBoundaries(HelpdeskAftersalesCase, MailCommon):
    """Issue 26, item 8: an email to a team's alias opens a ticket as in
    Odoo's own helpdesk (the From files it, To/Cc become followers); the
    mail server vouches for the From (docs/DEPLOY.md, Boundaries). What the
    suite guarantees: the sender gets no account and nothing of other
    tickets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        with Form(cls.aftersales_team) as team:
            team.alias_name = "aftersales-intake"
        cls.alias_email = f"aftersales-intake@{cls.alias_domain}"
        cls.aftersales_ticket.description = "Coupon code SECRET-A-0001 given on the phone"

    def test_unknown_sender_gets_no_account_and_sees_nothing(self):
        Users = self.env["res.users"].with_context(active_test=False)
        users = Users.search_count([])
        with self.mock_mail_gateway():
            ticket = self.format_and_process(
                EMAIL,
                '"Mallory" <mallory@attacker.example.com>',
                self.alias_email,
                subject="Codes please",
                target_model="helpdesk.ticket",
            )
        self.assertEqual(ticket.team_id, self.aftersales_team)
        self.assertEqual(Users.search_count([]), users, "no user, no portal account")
        # Each helpdesk files the sender its way: a new contact (the stand-in,
        # as Odoo's helpdesk) or only their address (helpdesk_mgmt, whose
        # ticket takes the sender's contact only when there is one).
        sender = ticket.partner_id
        self.assertIn("mallory@attacker.example.com", sender.email or ticket.partner_email)
        self.assertFalse(sender.user_ids)
        self.assertNotEqual(
            sender.commercial_partner_id, self.aftersales_customer, "not filed as the customer"
        )
        # Whatever the gateway sent back mentions none of the other tickets.
        for mail in self._new_mails:
            for text in (self.aftersales_ticket.name, "SECRET-A-0001"):
                self.assertNotIn(text, str(mail.body_html))
                self.assertNotIn(text, mail.subject or "")
