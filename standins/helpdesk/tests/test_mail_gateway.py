import ast

from odoo.tests import Form, new_test_user, tagged

from odoo.addons.mail.tests.common import MailCommon

# An email as a mail client sends it: a text part and a file attached.
INCOMING_EMAIL = """Return-Path: {return_path}
To: {to}
cc: {cc}
From: {email_from}
Subject: {subject}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="----=_Part_4200734_24778174.1344608186754"
Date: Fri, 10 Aug 2012 14:16:26 +0000
Message-ID: {msg_id}
{extra}
------=_Part_4200734_24778174.1344608186754
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

My coffee machine leaks since Monday. The receipt is attached.

--
Jane
------=_Part_4200734_24778174.1344608186754
Content-Type: text/plain; charset=US-ASCII; name="receipt.txt"
Content-Disposition: attachment; filename="receipt.txt"
Content-Transfer-Encoding: base64

UmVjZWlwdCAjNDIK
------=_Part_4200734_24778174.1344608186754--
"""

# A reply: plain text, threaded by its In-Reply-To/References headers.
REPLY_EMAIL = """Return-Path: {return_path}
To: {to}
cc: {cc}
From: {email_from}
Subject: {subject}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Date: Fri, 10 Aug 2012 15:16:26 +0000
Message-ID: {msg_id}
{extra}
It still leaks after the descaling, see you on Thursday.
"""


@tagged("post_install", "-at_install")
class TestHelpdeskMailGateway(MailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="helpdesk_mail_agent",
            name="Anna Agent",
            email="anna.agent@example.com",
            groups="helpdesk.group_helpdesk_user",
        )
        # The team's alias, set as an administrator sets it on the team form.
        with Form(cls.env["helpdesk.team"]) as team_form:
            team_form.name = "After-Sales Support"
            team_form.alias_name = "aftersales-support"
        cls.team = team_form.record
        cls.alias_email = f"aftersales-support@{cls.alias_domain}"

    def _receive(self, template=INCOMING_EMAIL, **kwargs):
        kwargs.setdefault("email_from", '"Jane Doe" <jane.doe@example.com>')
        kwargs.setdefault("to", self.alias_email)
        return self.format_and_process(
            template, target_model="helpdesk.ticket", target_field="name", **kwargs
        )

    def test_team_alias(self):
        self.assertEqual(self.team.alias_email, self.alias_email)
        self.assertEqual(self.team.alias_model_id.model, "helpdesk.ticket")
        self.assertEqual(ast.literal_eval(self.team.alias_defaults), {"team_id": self.team.id})

    def test_email_opens_ticket_for_unknown_sender(self):
        Partner = self.env["res.partner"]
        self.assertFalse(Partner.search([("email", "=", "jane.doe@example.com")]))

        ticket = self._receive(subject="Leaking coffee machine")

        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.team_id, self.team)
        self.assertFalse(ticket.user_id, "the gateway assigns nobody")
        self.assertTrue(ticket.ticket_ref)
        # The sender became a contact, the ticket's customer and a follower.
        customer = Partner.search([("email", "=", "jane.doe@example.com")])
        self.assertEqual(len(customer), 1)
        self.assertEqual(customer.name, "Jane Doe")
        self.assertEqual(ticket.partner_id, customer)
        self.assertEqual(ticket.partner_name, "Jane Doe")
        self.assertEqual(ticket.partner_email, "jane.doe@example.com")
        self.assertIn(customer, ticket.message_partner_ids)
        # The email is the description, and the first message of the chatter,
        # written by the customer, with the file attached.
        self.assertIn("My coffee machine leaks since Monday", ticket.description)
        email_message = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(email_message), 1)
        self.assertEqual(email_message.author_id, customer)
        self.assertEqual(email_message.attachment_ids.mapped("name"), ["receipt.txt"])
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(attachment, email_message.attachment_ids)
        self.assertEqual(attachment.raw, b"Receipt #42\n")

    def test_email_from_known_customer(self):
        customer = self.env["res.partner"].create(
            {"name": "Jane Doe (Contoso)", "email": "jane.doe@example.com"}
        )
        partner_count = self.env["res.partner"].search_count([])

        ticket = self._receive(
            subject="Leaking coffee machine",
            email_from="Jane <JANE.DOE@example.com>",
        )

        self.assertEqual(ticket.partner_id, customer)
        self.assertEqual(self.env["res.partner"].search_count([]), partner_count)
        self.assertIn(customer, ticket.message_partner_ids)

    def test_known_contact_in_cc_follows(self):
        colleague = self.env["res.partner"].create(
            {"name": "John Doe", "email": "john.doe@example.com"}
        )
        ticket = self._receive(subject="Leaking coffee machine", cc="john.doe@example.com")
        self.assertIn(colleague, ticket.message_partner_ids)
        # The team's alias never becomes a contact.
        self.assertFalse(self.env["res.partner"].search([("email", "=", self.alias_email)]))

    def test_agent_message_reaches_customer_and_reply_threads(self):
        ticket = self._receive(subject="Leaking coffee machine")
        customer = ticket.partner_id

        # The agent's "Send message" in the chatter emails the customer.
        with self.mock_mail_gateway():
            ticket.with_user(self.agent).message_post(
                body="We send a technician on Thursday.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertMailMail(
            customer,
            "sent",
            author=self.agent.partner_id,
            content="We send a technician on Thursday.",
            fields_values={"model": "helpdesk.ticket", "res_id": ticket.id},
        )
        sent = self._find_mail_mail_wrecord(ticket)
        # Replies go to the team's alias; its button opens the ticket in the
        # portal with the ticket's access token (no login needed).
        self.assertIn(self.alias_email, sent.reply_to)
        self.assertIn(f"access_token={ticket.access_token}", sent.body_html)
        self.assertTrue(ticket.access_token)

        # The customer answers that email: the answer threads onto the ticket.
        ticket_count = self.env["helpdesk.ticket"].search_count([])
        self.format_and_process(
            REPLY_EMAIL,
            email_from='"Jane Doe" <jane.doe@example.com>',
            to=sent.reply_to,
            subject=f"Re: {sent.subject}",
            extra=f"In-Reply-To: {sent.message_id}\nReferences: {sent.message_id}",
            target_model="helpdesk.ticket",
        )
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), ticket_count)
        reply = ticket.message_ids[0]
        self.assertEqual(reply.author_id, customer)
        self.assertEqual(reply.message_type, "email")
        self.assertIn("It still leaks after the descaling", reply.body)
