from odoo.tests import Form, new_test_user

from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES


class AftersalesPortalCase:
    """Mixin for the tests of a ticket's After-Sales block on the portal (an
    ``HttpCase`` with ``HelpdeskAftersalesCase``): the set-up's customer
    (``aftersales_customer``, customer A) and another customer (B), each with
    a portal user and a ticket. Call ``cls._setup_aftersales_portal()`` after
    ``cls._setup_aftersales()``."""

    @classmethod
    def _setup_aftersales_portal(cls):
        cls.portal_customer = cls.aftersales_customer
        cls.portal_user = new_test_user(
            cls.env,
            login="portal_customer_a",
            groups="base.group_portal",
            partner_id=cls.portal_customer.id,
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Gemini Furniture", "email": "gemini@example.com"}
        )
        cls.other_portal_user = new_test_user(
            cls.env,
            login="portal_customer_b",
            groups="base.group_portal",
            partner_id=cls.other_customer.id,
        )
        with Form(cls.env["helpdesk.ticket"]) as ticket_form:
            ticket_form.name = "The table wobbles"
            ticket_form.team_id = cls.aftersales_team
            ticket_form.partner_id = cls.other_customer
            for name, value in TICKET_REQUIRED_VALUES.items():
                setattr(ticket_form, name, value)
        cls.other_ticket = ticket_form.record

    def ticket_page(self, ticket, login, access_token=None):
        """The portal page of ``ticket`` as ``login`` (None: a visitor, with
        ``access_token``), after redirects."""
        self.authenticate(login, login)
        url = f"/my/ticket/{ticket.id}"
        if access_token:
            url += f"?access_token={access_token}"
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response

    def assertPageShows(self, page, *texts):
        for text in texts:
            if str(text) not in page.text:
                self.fail(f"{page.url}: {text!r} not on the page")

    def assertPageHides(self, page, *texts):
        for text in texts:
            if str(text) in page.text:
                self.fail(f"{page.url}: {text!r} on the page")

    def assertOnlyCustomerSees(self, ticket, *texts):
        """Customer A sees ``texts`` on ``ticket``'s page; B sees none of them,
        neither on B's own ticket nor through a direct URL to A's ticket (which
        leads back to the portal home)."""
        page = self.ticket_page(ticket, "portal_customer_a")
        self.assertPageShows(page, 'id="ticket_aftersales"', *texts)
        own = self.ticket_page(self.other_ticket, "portal_customer_b")
        self.assertPageHides(own, 'id="ticket_aftersales"', *texts)
        forged = self.ticket_page(ticket, "portal_customer_b")
        self.assertTrue(forged.url.endswith("/my"), forged.url)
        self.assertPageHides(forged, 'id="ticket_aftersales"', *texts)
        return page
