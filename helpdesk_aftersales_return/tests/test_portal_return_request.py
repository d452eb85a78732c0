import re

from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestPortalReturnRequest(HelpdeskAftersalesCase, HttpCase):
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
                line.product_id: left
                for line, __, left, __ in self.order._aftersales_portal_returnable_lines()
            },
            {self.chair: 1.0, self.lamp: 2.0},
        )

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

    def test_more_than_delivered(self):
        chair_line = self._line(self.order, self.chair)
        response = self._post(self.order, {f"quantity_{chair_line.id}": "4"})
        self.assertRefused(response, "only 3.0 Units can still be returned")

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
        self.assertRefused(
            self._post(self.order, {key: "0"}),
            "Enter the quantity to return of at least one product.",
        )
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
        with Form(self.env["helpdesk.team"]) as form:
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
        cls.damaged = cls.env["helpdesk.return.reason"].create({"name": "Damaged in transit"})
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
