import re
from unittest.mock import patch

from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase
from odoo.addons.helpdesk_aftersales_platform.platform import STAGES, TEAM_MODEL, add_team_stages

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestPortalReturnRequest(AftersalesPortalCase, HelpdeskAftersalesCase, HttpCase):
    """Request a Return from a delivered order's portal page: two customers
    with a portal user each, real GETs and POSTs (with the CSRF token)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.helpdesk_agent.groups_id |= cls.env.ref("stock.group_stock_user") | cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        # Helpdesk > Configuration > Teams: the team receives portal requests.
        with Form(cls.aftersales_team) as team:
            team.receives_portal_returns = True
        Partner = cls.env["res.partner"]
        cls.jane = Partner.create({"name": "Jane Contoso", "email": "jane@contoso.example.com"})
        cls.bob = Partner.create({"name": "Bob Fabrikam", "email": "bob@fabrikam.example.com"})
        for login, partner in (("portal_jane", cls.jane), ("portal_bob", cls.bob)):
            new_test_user(
                cls.env,
                login=login,
                groups="base.group_portal",
                partner_id=partner.id,
                email=partner.email,
            )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "is_storable": True}
        )
        cls.lamp = cls.env["product.product"].create(
            {"name": "Desk Lamp", "type": "consu", "is_storable": True}
        )
        for product in (cls.chair, cls.lamp):
            cls.env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 100)
        Reason = cls.env["helpdesk.return.reason"]
        cls.damaged = Reason.create({"name": "Damaged in transit"})
        cls.other_company = cls.env["res.company"].create({"name": "Other Company"})
        cls.foreign_reason = Reason.create(
            {"name": "Elsewhere only", "company_id": cls.other_company.id}
        )
        cls.order = sell_and_deliver(cls.env, cls.jane, {cls.chair: 3, cls.lamp: 2})
        cls.bob_order = sell_and_deliver(cls.env, cls.bob, {cls.chair: 1})
        cls.Ticket = cls.env["helpdesk.ticket"]

    def _line(self, order, product):
        return order.order_line.filtered(lambda line: line.product_id == product)

    def _form_page(self, order, login="portal_jane"):
        self.authenticate(login, login)
        return self.url_open(f"/my/orders/{order.id}/return")

    def _post(self, order, fields, page_order=None, login="portal_jane"):
        """Post the form as the customer does: the CSRF token of the page."""
        page = self._form_page(page_order or order, login)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        self.assertTrue(match, "the form carries the CSRF token")
        return self.url_open(
            f"/my/orders/{order.id}/return",
            data={"csrf_token": match.group(1), **fields},
            allow_redirects=False,
        )

    def _tickets(self):
        return self.Ticket.search([("return_request_line_ids", "!=", False)])

    def assertRefused(self, response, message):
        self.assertIn(response.status_code, (400, 403))
        self.assertIn("o_portal_return_request_error", response.text)
        self.assertIn(message, response.text)
        self.assertFalse(self._tickets(), "nothing is created")
        self.assertFalse(self.env["helpdesk.return.request.line"].search([]))

    def test_request_opens_ticket_and_the_dialog_starts_from_it(self):
        self.authenticate("portal_jane", "portal_jane")
        order_page = self.url_open(self.order.get_portal_url())
        self.assertIn("Request a Return", order_page.text)
        page = self._form_page(self.order)
        self.assertEqual(page.status_code, 200)
        for text in ("Office Chair", "Desk Lamp", "Damaged in transit"):
            self.assertIn(text, page.text)
        self.assertNotIn("Elsewhere only", page.text)
        chair_line = self._line(self.order, self.chair)
        response = self._post(
            self.order,
            {f"quantity_{chair_line.id}": "2", f"reason_{chair_line.id}": str(self.damaged.id)},
        )
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets()
        self.assertEqual(len(ticket), 1)
        self.assertIn(f"/my/ticket/{ticket.id}", response.headers["Location"])
        self.assertEqual(ticket.team_id, self.aftersales_team)
        self.assertEqual(ticket.partner_id, self.jane)
        self.assertEqual(ticket.sale_order_id, self.order)
        self.assertIn(self.order.name, ticket.name)
        self.assertIn("Office Chair", str(ticket.description))
        self.assertIn("Damaged in transit", str(ticket.description))
        self.assertNotIn("Desk Lamp", str(ticket.description))
        request = ticket.return_request_line_ids
        self.assertEqual(
            [(r.product_id, r.quantity, r.return_reason_id) for r in request],
            [(self.chair, 2.0, self.damaged)],
        )
        # The customer reads their ticket on the portal.
        self.assertIn("Office Chair", self.url_open(f"/my/ticket/{ticket.id}").text)

        # The agent's Return dialog starts from the request.
        form = self.open_ticket_wizard(ticket, "action_return", user=self.helpdesk_agent)
        self.assertEqual(form.picking_ids[:], self.order.picking_ids)
        wizard = form.save()
        self.assertEqual(
            [(line.product_id, line.quantity, line.return_reason_id) for line in wizard.line_ids],
            [(self.chair, 2.0, self.damaged)],
        )
        wizard.action_create_returns()
        returned = ticket.picking_ids.move_ids
        self.assertEqual(returned.product_id, self.chair)
        self.assertEqual(returned.product_uom_qty, 2.0)
        self.assertEqual(returned.helpdesk_return_reason_id, self.damaged)
        # What is still returnable shrinks: 1 chair left.
        self.assertEqual(
            {
                item["sale_line"].product_id: item["returnable"]
                for item in self.order._aftersales_portal_returnable_lines()
            },
            {self.chair: 1.0, self.lamp: 2.0},
        )

    def test_request_says_what_is_wrong_and_confirms(self):
        """The customer describes the problem; the ticket's description and
        its first chatter message, written as the customer, list the products
        with their quantities as Odoo shows them; the ticket's page thanks the
        customer and links back to the order; the ticket is the team's."""
        page = self._form_page(self.order)
        self.assertIn('<textarea id="o_portal_return_request_description"', page.text)
        chair_line = self._line(self.order, self.chair)
        response = self._post(
            self.order,
            {
                f"quantity_{chair_line.id}": "1",
                f"reason_{chair_line.id}": str(self.damaged.id),
                "description": "The seat wobbles.\nThe box was <crushed>.",
            },
        )
        self.assertEqual(response.status_code, 303)
        ticket = self._tickets()
        listed = "Office Chair: 1.00 Units — Damaged in transit"
        for html in (str(ticket.description), ticket.message_ids[:1].body):
            self.assertIn(listed, html)
            self.assertIn("The seat wobbles.<br>The box was &lt;crushed&gt;.", html)
        message = ticket.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.jane)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        # Nobody is assigned: the ticket is the team's, as the team's email
        # alias leaves it (the helpdesk has no assignment rule); the
        # customer reads so on the ticket's page.
        self.assertFalse(ticket.user_id)
        thanks = self.url_open(response.headers["Location"])
        self.assertIn("return_requested=1", thanks.url)
        self.assertIn("o_portal_return_request_sent", thanks.text)
        self.assertIn("Thank you, your return request has been sent.", thanks.text)
        order_link = f'href="/my/orders/{self.order.id}?access_token={self.order.access_token}"'
        self.assertEqual(thanks.text.count(order_link), 2, "the thanks and the Sales Order row")
        self.assertRegex(
            thanks.text,
            re.compile(r'id="ticket_assigned_team"[^>]*>.*?Assigned to.*?After-Sales', re.S),
        )
        # Later visits: no thanks again, the link to the order stays.
        later = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertNotIn("o_portal_return_request_sent", later.text)
        self.assertIn('id="aftersales_return_order"', later.text)

    def test_empty_request_shows_the_form_again(self):
        chair_line = self._line(self.order, self.chair)
        response = self._post(
            self.order, {f"quantity_{chair_line.id}": "0", "description": "It is broken."}
        )
        # The form again (not an HTTP error), with its message and what the
        # customer wrote; nothing is created.
        self.assertEqual(response.status_code, 200)
        self.assertIn("Enter the quantity to return of at least one product.", response.text)
        self.assertIn('name="quantity_', response.text)
        self.assertIn(">It is broken.</textarea>", response.text)
        self.assertFalse(self._tickets())
        self.assertFalse(self.env["helpdesk.return.request.line"].search([]))

    def test_form_shows_quantities_as_the_customer_writes_them(self):
        # A German customer reads 3,00 (their decimal comma, the unit's
        # precision), not Python's 3.0.
        german = self.env["res.lang"]._activate_lang("de_DE")
        if "website" in self.env:
            self.env["website"].search([]).language_ids |= german
        self.env["res.users"].search([("login", "=", "portal_jane")]).lang = "de_DE"
        page = self._form_page(self.order)
        self.assertEqual(page.status_code, 200)
        chair = re.search(r"Office Chair.*?</tr>", page.text, re.S).group(0)
        self.assertEqual(re.findall(r">\s*([\d.,]+)\s*</span>", chair), ["3,00", "3,00"])

    def test_request_over_two_deliveries(self):
        """An order delivered in two parts (a backorder): the request takes
        the first delivery first, and the dialog proposes only the deliveries
        the request names."""
        order = sell_and_deliver(self.env, self.jane, {self.chair: 3}, validate=False)
        first = order.picking_ids
        first.move_ids.quantity = 1
        first.move_ids.picked = True
        action = first.button_validate()
        Form(self.env[action["res_model"]].with_context(**action["context"])).save().process()
        second = order.picking_ids - first
        second.move_ids.picked = True
        second.button_validate()
        self.assertEqual({*order.picking_ids.mapped("state")}, {"done"})
        chair_line = order.order_line
        page = self._form_page(order)
        self.assertIn('max="3.0"', page.text)
        self._post(order, {f"quantity_{chair_line.id}": "1"})
        ticket = self._tickets()
        self.assertEqual(ticket.return_request_line_ids.move_id.picking_id, first)
        form = self.open_ticket_wizard(ticket, "action_return", user=self.helpdesk_agent)
        # The order's two deliveries are allowed, the requested one proposed.
        self.assertEqual(form.picking_ids[:], first)
        wizard = form.save()
        self.assertEqual(
            [(line.picking_id, line.quantity) for line in wizard.line_ids], [(first, 1.0)]
        )
        ticket.unlink()
        self._post(order, {f"quantity_{chair_line.id}": "3"})
        lines = self._tickets().return_request_line_ids
        self.assertEqual(
            [(line.picking_id, line.quantity) for line in lines], [(first, 1.0), (second, 2.0)]
        )

    def _still_returnable(self, order=None, login="portal_jane"):
        """The Returnable column of the Request a Return page, as the
        customer reads it: ``{product name: quantity}``."""
        page = self._form_page(order or self.order, login)
        self.assertEqual(page.status_code, 200)
        rows = re.findall(
            r"<tr>\s*<td[^>]*>\s*<span>([^<]+)</span>.*?"
            r'<td class="text-end o_portal_return_returnable">\s*<span[^>]*>([^<]+)</span>',
            page.text,
            re.S,
        )
        self.assertTrue(rows, "the page lists the delivered products")
        # English: 1,000.00
        return {name: float(quantity.replace(",", "")) for name, quantity in rows}

    def _still_requested(self, ticket):
        """The Still Requested column of the ticket's Requested Returns tab,
        as the agent reads it."""
        self.env.invalidate_all()
        lines = ticket.with_user(self.helpdesk_agent).return_request_line_ids
        return [(line.product_id, line.pending_quantity) for line in lines]

    def _request(self, order, quantities):
        """Post a return request of ``{product: quantity}``; return the
        response."""
        return self._post(
            order,
            {
                f"quantity_{self._line(order, product).id}": str(quantity)
                for product, quantity in quantities.items()
            },
        )

    def test_pending_request_reserves_its_quantities(self):
        """Two tickets, twice the delivered quantity: no. A pending request
        reserves what it asks; the page offers only the rest."""
        self.assertEqual(self._still_returnable(), {"Office Chair": 3.0, "Desk Lamp": 2.0})
        self.assertNotIn(
            "Already Requested",
            self._form_page(self.order).text,
            "no column of empty cells while nothing is requested",
        )
        self.assertEqual(self._request(self.order, {self.chair: 2}).status_code, 303)
        first = self._tickets()
        self.assertEqual(self._still_returnable(), {"Office Chair": 1.0, "Desk Lamp": 2.0})
        self.assertRegex(
            self._form_page(self.order).text,
            r'o_portal_return_requested">\s*<span[^>]*>2.00</span>\s*<span>Units</span>',
            "the Already Requested column shows the pending request's chairs",
        )
        # Two more chairs on a second ticket: refused, nothing created.
        response = self._request(self.order, {self.chair: 2})
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_portal_return_request_error", response.text)
        self.assertIn(
            "You cannot return 2.00 Units of Office Chair: only 1.00 Units can still be "
            "requested, 2.00 Units are already requested in your pending return requests.",
            response.text,
        )
        self.assertEqual(self._tickets(), first, "nothing is created")
        self.assertEqual(len(self.env["helpdesk.return.request.line"].search([])), 1)
        # The last chair and the lamps: accepted.
        response = self._request(self.order, {self.chair: 1, self.lamp: 2})
        self.assertEqual(response.status_code, 303)
        second = self._tickets() - first
        self.assertEqual(
            [(r.product_id, r.quantity) for r in second.return_request_line_ids],
            [(self.chair, 1.0), (self.lamp, 2.0)],
        )
        self.assertEqual(self._still_returnable(), {"Office Chair": 0.0, "Desk Lamp": 0.0})
        self.authenticate("portal_jane", "portal_jane")
        self.assertNotIn("Request a Return", self.url_open(self.order.get_portal_url()).text)
        response = self._request(self.order, {self.chair: 1})
        self.assertIn("only 0.00 Units can still be requested", response.text)
        self.assertEqual(self._tickets(), first | second, "nothing is created")

    def test_return_made_from_the_request_is_not_counted_twice(self):
        self._request(self.order, {self.chair: 2, self.lamp: 2})
        ticket = self._tickets()
        # The agent takes back the 2 chairs and only 1 of the 2 lamps.
        form = self.open_ticket_wizard(ticket, "action_return", user=self.helpdesk_agent)
        with form.line_ids.edit(1) as line:
            self.assertEqual(line.product_id, self.lamp)
            line.quantity = 1
        form.save().action_create_returns()
        self.assertEqual(ticket.picking_count, 1)
        # 3 - 2 returned (not 2 returned + 2 requested); the lamp the agent
        # did not take back yet stays requested while the ticket is open.
        self.assertEqual(self._still_returnable(), {"Office Chair": 1.0, "Desk Lamp": 0.0})
        # The ticket's Requested Returns tab says so.
        self.assertEqual(self._still_requested(ticket), [(self.chair, 0.0), (self.lamp, 1.0)])
        # The agent's next Return from the ticket proposes the rest of the
        # request, not the returned chairs again.
        form = self.open_ticket_wizard(ticket, "action_return", user=self.helpdesk_agent)
        self.assertEqual(
            [(line.product_id, line.quantity) for line in form.save().line_ids],
            [(self.lamp, 1.0)],
        )
        # The return is cancelled: the request reserves again what it asks.
        ticket.picking_ids.action_cancel()
        self.assertEqual(self._still_requested(ticket), [(self.chair, 2.0), (self.lamp, 2.0)])
        self.assertEqual(self._still_returnable(), {"Office Chair": 1.0, "Desk Lamp": 0.0})
        self.assertEqual(self._request(self.order, {self.chair: 1}).status_code, 303)
        self.assertEqual(self._still_returnable(), {"Office Chair": 0.0, "Desk Lamp": 0.0})

    def test_closed_ticket_no_longer_reserves(self):
        closing = self.env.ref(STAGES["solved"])
        opened = self.env.ref(STAGES["in_progress"])
        self.assertTrue(self.env["helpdesk.ticket"]._aftersales_is_closing_stage(closing))
        add_team_stages(self.aftersales_team, opened | closing)
        self._request(self.order, {self.chair: 2})
        ticket = self._tickets()
        self.assertEqual(self._still_returnable(), {"Office Chair": 1.0, "Desk Lamp": 2.0})
        # The agent closes the ticket without a return (the customer kept
        # the chairs): they can be requested again.
        form = Form(ticket.with_user(self.helpdesk_agent))
        form.stage_id = closing
        form.save()
        self.assertEqual(self._still_returnable(), {"Office Chair": 3.0, "Desk Lamp": 2.0})
        self.assertEqual(self._still_requested(ticket), [(self.chair, 0.0)])
        # Reopened, it reserves again; archived (cancelled), it does not.
        form.stage_id = opened
        form.save()
        self.assertEqual(self._still_returnable(), {"Office Chair": 1.0, "Desk Lamp": 2.0})
        ticket.with_user(self.helpdesk_agent).action_archive()
        self.assertEqual(self._still_returnable(), {"Office Chair": 3.0, "Desk Lamp": 2.0})
        self.assertEqual(self._request(self.order, {self.chair: 3}).status_code, 303)

    def test_request_locks_the_delivered_moves(self):
        """The check and the creation of a request run in one transaction
        that first locks the order's delivered moves (the lock of the Return
        dialog): a second request of the same products posted at the same
        time waits, is retried and sees the first (see the module's
        readme/USAGE.md)."""
        Mixin = self.registry["helpdesk.aftersales.wizard.mixin"]
        locked = []
        original = Mixin._aftersales_lock

        def lock(wizard, records):
            locked.append((records._name, set(records.ids), self._tickets().ids))
            return original(wizard, records)

        with patch.object(Mixin, "_aftersales_lock", lock):
            self._request(self.order, {self.chair: 2})
        delivered = self.order._aftersales_delivered_moves()
        self.assertEqual(locked, [("stock.move", set(delivered.ids), [])], "locked before")
        self.assertTrue(self._tickets())

    def test_more_than_delivered(self):
        chair_line = self._line(self.order, self.chair)
        response = self._post(self.order, {f"quantity_{chair_line.id}": "4"})
        self.assertRefused(response, "only 3.00 Units can still be returned")

    def test_another_customers_order(self):
        bob_line = self.bob_order.order_line
        # Bob's portal user cannot open Jane's form, nor post to it.
        page = self._form_page(self.order, login="portal_bob")
        self.assertRefused(page, "This order does not exist or is not yours.")
        response = self._post(
            self.order,
            {f"quantity_{bob_line.id}": "1"},
            page_order=self.bob_order,
            login="portal_bob",
        )
        self.assertRefused(response, "This order does not exist or is not yours.")

    def test_order_not_delivered(self):
        pending = sell_and_deliver(self.env, self.jane, {self.chair: 1}, validate=False)
        self.authenticate("portal_jane", "portal_jane")
        self.assertNotIn("Request a Return", self.url_open(pending.get_portal_url()).text)
        page = self._form_page(pending)
        self.assertIn("has no delivered products yet", page.text)
        self.assertNotIn('name="quantity_', page.text)
        response = self._post(
            pending, {f"quantity_{pending.order_line.id}": "1"}, page_order=self.order
        )
        self.assertRefused(response, "has no delivered products yet")

    def test_forged_product(self):
        bob_line = self.bob_order.order_line
        response = self._post(self.order, {f"quantity_{bob_line.id}": "1"})
        self.assertRefused(response, "has no delivered product to return under this line")
        response = self._post(self.order, {"quantity_abc": "1"})
        self.assertRefused(response, "Enter the quantities to return as numbers.")

    def test_bad_quantities_and_reasons(self):
        chair_line = self._line(self.order, self.chair)
        key = f"quantity_{chair_line.id}"
        self.assertRefused(self._post(self.order, {key: "-1"}), "cannot be negative")
        self.assertRefused(
            self._post(self.order, {key: "two"}), "Enter the quantities to return as numbers."
        )
        self.assertRefused(
            self._post(
                self.order, {key: "1", f"reason_{chair_line.id}": str(self.foreign_reason.id)}
            ),
            "Choose one of the proposed return reasons for Office Chair.",
        )

    def test_every_route_refuses_another_customer(self):
        # Issue 26: every route the suite adds, as Bob with Jane's ids.
        self.assertRoutesRefuseAnotherCustomer(
            {"order_id": self.order.id},
            {"order_id": self.bob_order.id},
            "portal_bob",
            hidden=[self.order.name, "Desk Lamp"],
        )
        self.assertFalse(self._tickets(), "nothing is created")

    def test_quantities_that_are_no_finite_numbers(self):
        # Issue 26: Python's float() reads these, and the page answered HTTP 500.
        key = f"quantity_{self._line(self.order, self.chair).id}"
        for value in ("nan", "inf", "-inf", "1e309"):
            with self.subTest(value):
                self.assertRefused(
                    self._post(self.order, {key: value}),
                    "Enter the quantities to return as numbers.",
                )

    def test_cancelled_order(self):
        # Issue 26: the page offers no Request a Return on a cancelled order,
        # its URL must not take one either.
        order = sell_and_deliver(self.env, self.jane, {self.chair: 1})
        order._action_cancel()
        self.assertEqual(order.state, "cancel")
        response = self._post(order, {f"quantity_{order.order_line.id}": "1"})
        self.assertRefused(response, "is not a confirmed order")

    def test_no_team_for_portal_requests(self):
        with Form(self.aftersales_team) as team:
            team.receives_portal_returns = False
        self.authenticate("portal_jane", "portal_jane")
        self.assertNotIn("Request a Return", self.url_open(self.order.get_portal_url()).text)
        chair_line = self._line(self.order, self.chair)
        response = self._post(self.order, {f"quantity_{chair_line.id}": "1"})
        self.assertRefused(response, "Returns cannot be requested online for this order")

    def test_team_without_returns(self):
        # The team still receives portal requests but no longer offers returns.
        with Form(self.aftersales_team) as team:
            team.use_product_returns = False
        self.authenticate("portal_jane", "portal_jane")
        self.assertNotIn("Request a Return", self.url_open(self.order.get_portal_url()).text)
        chair_line = self._line(self.order, self.chair)
        response = self._post(self.order, {f"quantity_{chair_line.id}": "1"})
        self.assertRefused(response, "Returns cannot be requested online for this order")

    def test_one_team_per_company(self):
        with Form(self.env[TEAM_MODEL]) as form:
            form.name = "Returns Desk"
            form.use_product_returns = True
            form.receives_portal_returns = True
        self.assertEqual(self.env.company.helpdesk_return_team_id, form.record)
        self.assertFalse(self.aftersales_team.receives_portal_returns)


@tagged("post_install", "-at_install")
class TestPortalReturnRequestTour(HelpdeskAftersalesCase, HttpCase):
    """A portal customer in a real browser: My Tickets, a ticket's returns,
    then Request a Return on the delivered order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        with Form(cls.aftersales_team) as team:
            team.receives_portal_returns = True
        new_test_user(
            cls.env,
            login="portal_deco",
            groups="base.group_portal",
            partner_id=cls.aftersales_customer.id,
            email=cls.aftersales_customer.email,
        )
        chair = cls.env["product.product"].create(
            {"name": "Portal Chair", "type": "consu", "is_storable": True}
        )
        stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.env["stock.quant"]._update_available_quantity(chair, stock, 10)
        cls.damaged = cls.env.ref("helpdesk_aftersales_return.return_reason_damaged")
        cls.order = sell_and_deliver(cls.env, cls.aftersales_customer, {chair: 3})

    def test_portal_tour(self):
        # The agent already took one chair back from the customer's ticket.
        self.aftersales_ticket.sale_order_id = self.order
        form = self.open_ticket_wizard(self.aftersales_ticket, "action_return")
        with form.line_ids.edit(0) as line:
            line.quantity = 1
        form.save().action_create_returns()
        self.start_tour(
            "/my/tickets", "helpdesk_aftersales_return_portal_tour", login="portal_deco"
        )
        ticket = self.env["helpdesk.ticket"].search([("return_request_line_ids", "!=", False)])
        self.assertEqual(ticket.return_request_line_ids.quantity, 2.0)
        self.assertEqual(ticket.return_request_line_ids.return_reason_id, self.damaged)
