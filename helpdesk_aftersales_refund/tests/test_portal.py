from odoo.tests import HttpCase, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestRefundPortal(
    AftersalesPortalCase, HelpdeskAftersalesCase, AccountTestInvoicingCommon, HttpCase
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_portal()
        cls.ticket = cls.aftersales_ticket
        cls.invoice = cls.init_invoice(
            "out_invoice", partner=cls.aftersales_customer, post=True, products=cls.product_a
        )

    def _refund(self, full):
        # As the agent does: Refund on the ticket, the invoice, then Reverse
        # (a draft credit note) or Full Refund (posted).
        dialog = self.open_ticket_wizard(self.ticket, "action_refund")
        dialog.move_ids.add(self.invoice)
        wizard = dialog.save()
        if full:
            wizard.modify_moves()
        else:
            wizard.refund_moves()
        return self.env["account.move"].search(
            [("helpdesk_ticket_id", "=", self.ticket.id), ("move_type", "=", "out_refund")]
        )

    def test_posted_credit_note_links_to_its_invoice_page(self):
        credit_note = self._refund(full=True)
        self.assertEqual(credit_note.state, "posted")
        page = self.assertOnlyCustomerSees(
            self.ticket, 'id="aftersales_credit_notes"', credit_note.name
        )
        link = f'href="/my/invoices/{credit_note.id}?access_token={credit_note.access_token}"'
        self.assertPageShows(page, link)
        # Full Refund reconciles it with the invoice: refunded.
        self.assertEqual(credit_note.payment_state, "paid")
        self.assertStatusBadge(page, "aftersales_credit_notes", "Refunded", "success")
        # The link opens the credit note on the customer's portal, not on B's.
        invoice_url = f"/my/invoices/{credit_note.id}"
        self.assertTrue(self.url_open(invoice_url).url.endswith("/my"))
        self.authenticate("portal_customer_a", "portal_customer_a")
        invoice_page = self.url_open(invoice_url)
        self.assertTrue(invoice_page.url.endswith(invoice_url), invoice_page.url)
        self.assertPageShows(invoice_page, credit_note.name)

    def test_draft_credit_note_is_not_shown(self):
        # The customer paid the invoice: the credit note is money to pay back.
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.invoice.ids
        ).create({})._create_payments()
        credit_note = self._refund(full=False)
        self.assertEqual(credit_note.state, "draft")
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertPageHides(page, 'id="aftersales_credit_notes"', 'id="ticket_aftersales"')
        credit_note.action_post()
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertPageShows(page, 'id="aftersales_credit_notes"', credit_note.name)
        self.assertStatusBadge(page, "aftersales_credit_notes", "To be refunded", "info")

    def test_email_link_visitor_sees_the_credit_note(self):
        credit_note = self._refund(full=True)
        self.authenticate(None, None)
        page = self.url_open(
            f"/my/ticket/{self.ticket.id}?access_token={self.ticket._portal_ensure_token()}"
        )
        self.assertPageShows(page, credit_note.name)
        self.assertPageHides(
            self.url_open(f"/my/ticket/{self.ticket.id}?access_token=wrong"), credit_note.name
        )

    def test_block_in_german_and_chinese(self):
        self._refund(full=True)
        self._setup_portal_languages(core=["account"])
        self.assertPortalPageTranslated(
            f"/my/ticket/{self.ticket.id}", "portal_customer_a", region="ticket_aftersales"
        )
