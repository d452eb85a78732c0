import re

from lxml import etree

from odoo.tests import Form, HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestHelpdeskPortal(HttpCase):
    """My Tickets: two customers (companies) with a portal user each; a
    customer sees the tickets of their company, never the other's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.contoso = Partner.create({"name": "Contoso", "is_company": True})
        cls.jane = Partner.create(
            {
                "name": "Jane Contoso",
                "email": "jane@contoso.example.com",
                "parent_id": cls.contoso.id,
            }
        )
        cls.joe = Partner.create(
            {"name": "Joe Contoso", "email": "joe@contoso.example.com", "parent_id": cls.contoso.id}
        )
        cls.fabrikam = Partner.create({"name": "Fabrikam", "is_company": True})
        cls.bob = Partner.create(
            {
                "name": "Bob Fabrikam",
                "email": "bob@fabrikam.example.com",
                "parent_id": cls.fabrikam.id,
            }
        )
        cls.portal_jane = new_test_user(
            cls.env,
            login="portal_jane",
            groups="base.group_portal",
            partner_id=cls.jane.id,
            email=cls.jane.email,
        )
        cls.portal_bob = new_test_user(
            cls.env,
            login="portal_bob",
            groups="base.group_portal",
            partner_id=cls.bob.id,
            email=cls.bob.email,
        )
        cls.agent = new_test_user(
            cls.env,
            login="helpdesk_portal_agent",
            name="Anna Agent",
            groups="helpdesk.group_helpdesk_user",
        )
        with Form(cls.env["helpdesk.team"]) as team_form:
            team_form.name = "After-Sales Support"
        cls.team = team_form.record
        cls.team.member_ids = cls.agent
        cls.ticket_jane = cls._create_ticket(
            "Coffee machine leaks", cls.jane, "<p>Water under the machine.</p>"
        )
        cls.ticket_joe = cls._create_ticket("Grinder too loud", cls.joe, "<p>It rattles.</p>")
        cls.ticket_bob = cls._create_ticket("Broken kettle lid", cls.bob, "<p>The lid fell.</p>")

    @classmethod
    def _create_ticket(cls, subject, customer, description):
        # As an agent creates it on the ticket form.
        with Form(cls.env["helpdesk.ticket"].with_user(cls.agent)) as ticket_form:
            ticket_form.name = subject
            ticket_form.team_id = cls.team
            ticket_form.partner_id = customer
            ticket_form.user_id = cls.agent
            ticket_form.description = description
        return ticket_form.record

    def assertPageShows(self, page, text):
        if text not in page.text:
            self.fail(f"{page.url}: {text!r} not on the page")

    def assertPageHides(self, page, text):
        if text in page.text:
            self.fail(f"{page.url}: {text!r} on the page")

    def _counters(self):
        return self.make_jsonrpc_request("/my/counters", {"counters": ["ticket_count"]})

    def test_portal_home_counts_company_tickets(self):
        self.authenticate("portal_jane", "portal_jane")
        self.assertEqual(self._counters(), {"ticket_count": 2})
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertPageShows(home, 'href="/my/tickets"')
        self.assertPageShows(home, 'title="Tickets"')

        self.authenticate("portal_bob", "portal_bob")
        self.assertEqual(self._counters(), {"ticket_count": 1})

    def test_my_tickets_lists_company_tickets_only(self):
        self.authenticate("portal_jane", "portal_jane")
        page = self.url_open("/my/tickets")
        self.assertEqual(page.status_code, 200)
        # Jane's ticket and her colleague's, grouped by stage (default); not Bob's.
        self.assertPageShows(page, "Coffee machine leaks")
        self.assertPageShows(page, "Grinder too loud")
        self.assertPageHides(page, "Broken kettle lid")
        self.assertPageShows(page, f'href="/my/ticket/{self.ticket_jane.id}"')
        self.assertPageShows(page, self.ticket_jane.stage_id.name)
        self.assertPageShows(page, 'name="stage_name"')  # the stage's group header

        by_subject = self.url_open("/my/tickets?sortby=name&groupby=none").text
        self.assertNotIn('name="stage_name"', by_subject)
        self.assertLess(
            by_subject.index("Coffee machine leaks"), by_subject.index("Grinder too loud")
        )
        newest = self.url_open("/my/tickets?groupby=none").text
        self.assertLess(newest.index("Grinder too loud"), newest.index("Coffee machine leaks"))

        found = self.url_open("/my/tickets?search=leaks&search_in=name&groupby=none")
        self.assertPageShows(found, "Coffee machine leaks")
        self.assertPageHides(found, "Grinder too loud")
        by_ref = self.url_open(
            f"/my/tickets?search={self.ticket_joe.ticket_ref}&search_in=ticket_ref"
        )
        self.assertPageShows(by_ref, "Grinder too loud")
        self.assertPageHides(by_ref, "Coffee machine leaks")
        by_stage = self.url_open(
            f"/my/tickets?search={self.ticket_jane.stage_id.name}&search_in=stage_id"
        )
        self.assertPageShows(by_stage, "Coffee machine leaks")
        # Another customer's search finds nothing of Jane's.
        self.authenticate("portal_bob", "portal_bob")
        other = self.url_open("/my/tickets?search=Coffee&search_in=all")
        self.assertPageHides(other, "Coffee machine leaks")
        self.assertPageShows(other, "There are no tickets.")

    def test_my_tickets_lists_each_ticket_once_under_its_stage(self):
        # Joe's ticket is in progress, Jane's still new: two groups, each with
        # its own ticket, and each ticket listed once.
        self.assertEqual(self.ticket_jane.stage_id, self.env.ref("helpdesk.stage_new"))
        self.ticket_joe.stage_id = self.env.ref("helpdesk.stage_in_progress")
        self.authenticate("portal_jane", "portal_jane")
        for url in ("/my/tickets", "/my/tickets?groupby=none"):
            page = self.url_open(url).text
            for ticket in self.ticket_jane | self.ticket_joe:
                self.assertEqual(
                    len(re.findall(rf'href="/my/ticket/{ticket.id}[?"]', page)),
                    1,
                    f"{url}: {ticket.name} is not listed once",
                )
        page = self.url_open("/my/tickets").text
        groups = page.split('name="stage_name"')[1:]
        self.assertEqual(len(groups), 2)
        self.assertIn("Coffee machine leaks", groups[0])
        self.assertNotIn("Grinder too loud", groups[0])
        self.assertIn("Grinder too loud", groups[1])
        self.assertNotIn("Coffee machine leaks", groups[1])

    def test_ticket_page_and_other_customers_ticket(self):
        self.authenticate("portal_jane", "portal_jane")
        page = self.url_open(f"/my/ticket/{self.ticket_jane.id}")
        self.assertEqual(page.status_code, 200)
        self.assertPageShows(page, "Coffee machine leaks")
        self.assertPageShows(page, "Water under the machine.")
        self.assertPageShows(page, self.ticket_jane.stage_id.name)
        self.assertPageShows(page, "Anna Agent")
        # The chatter, where the customer replies.
        self.assertPageShows(page, 'data-res_model="helpdesk.ticket"')
        self.assertPageShows(page, f'data-res_id="{self.ticket_jane.id}"')
        # Her colleague's ticket too (same company).
        self.assertEqual(self.url_open(f"/my/ticket/{self.ticket_joe.id}").status_code, 200)

        # A direct URL to another customer's ticket leads back to the portal home.
        other = self.url_open(f"/my/ticket/{self.ticket_bob.id}")
        self.assertEqual(other.history[0].status_code, 303)
        self.assertTrue(other.url.endswith("/my"), other.url)
        self.assertPageHides(other, "Broken kettle lid")

    def test_unassigned_ticket_is_the_teams(self):
        # Nobody assigned yet (as a ticket the team's alias opens): the
        # customer reads that the team answers, not an empty sidebar.
        self.authenticate("portal_jane", "portal_jane")
        page = self.url_open(f"/my/ticket/{self.ticket_jane.id}")
        self.assertPageHides(page, 'id="ticket_assigned_team"')
        self.ticket_jane.user_id = False
        page = self.url_open(f"/my/ticket/{self.ticket_jane.id}")
        self.assertRegex(
            page.text,
            re.compile(
                r'id="ticket_assigned_team">.*?Assigned to.*?After-Sales Support.*?'
                r"The first available member of the team will answer you.",
                re.S,
            ),
        )
        self.assertPageHides(page, "Anna Agent")
        # The agents find it under the Unassigned filter.
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent)
        arch = Ticket.get_views([(False, "search")])["views"]["search"]["arch"]
        domain = etree.fromstring(arch).xpath("//filter[@name='unassigned']")[0].get("domain")
        unassigned = Ticket.search(safe_eval(domain, {"uid": self.agent.id}))
        self.assertIn(self.ticket_jane, unassigned)
        self.assertNotIn(self.ticket_joe, unassigned)

    def test_ticket_page_with_access_token(self):
        # The link of the email sent to the customer opens the ticket without login.
        self.authenticate(None, None)
        page = self.url_open(self.ticket_bob.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertPageShows(page, "Broken kettle lid")
        wrong = self.url_open(f"/my/ticket/{self.ticket_bob.id}?access_token=wrong")
        self.assertPageHides(wrong, "Broken kettle lid")

    def test_customer_replies_on_own_ticket_only(self):
        self.authenticate("portal_jane", "portal_jane")
        post = {
            "thread_model": "helpdesk.ticket",
            "post_data": {
                "body": "The leak is under the water tank.",
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            },
        }
        self.make_jsonrpc_request("/mail/message/post", {**post, "thread_id": self.ticket_jane.id})
        reply = self.ticket_jane.message_ids[0]
        self.assertEqual(reply.author_id, self.jane)
        self.assertIn("The leak is under the water tank.", reply.body)

        messages = self.ticket_bob.message_ids
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post", {**post, "thread_id": self.ticket_bob.id}
            )
        self.ticket_bob.invalidate_recordset()
        self.assertEqual(self.ticket_bob.message_ids, messages)

    def test_portal_tour(self):
        self.start_tour("/my", "helpdesk_portal_ticket_tour", login="portal_jane")
        reply = self.ticket_jane.message_ids[0]
        self.assertEqual(reply.author_id, self.jane)
        self.assertIn("The leak is under the water tank.", reply.body)
