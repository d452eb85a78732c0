from odoo.tests import Form, new_test_user
from odoo.tools.safe_eval import safe_eval

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP


class TicketSaleCase(HelpdeskAftersalesCase):
    """A helpdesk agent with sales rights, the ticket's customer with a
    contact, another customer, and goods and a service to sell."""

    @classmethod
    def _setup_ticket_sale(cls):
        cls._setup_aftersales()
        cls.customer = cls.aftersales_customer
        cls.customer_contact = cls.env["res.partner"].create(
            {"name": "Deco Addict, Purchasing", "parent_id": cls.customer.id}
        )
        cls.other_customer = cls.env["res.partner"].create({"name": "Gemini Furniture"})
        cls.agent = new_test_user(
            cls.env,
            login="helpdesk_sales_agent",
            groups=f"{USER_GROUP},sales_team.group_sale_salesman_all_leads",
        )
        cls.desk = cls.env["product.product"].create(
            {"name": "Large Desk", "type": "consu", "list_price": 500.0}
        )
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "list_price": 80.0}
        )
        cls.assembly = cls.env["product.product"].create(
            {"name": "Assembly", "type": "service", "list_price": 50.0}
        )

    @classmethod
    def _order(cls, partner, products, confirm=True):
        """A sales order as a salesperson enters it."""
        with Form(cls.env["sale.order"]) as order:
            order.partner_id = partner
            for product in products:
                with order.order_line.new() as line:
                    line.product_id = product
        order = order.record
        if confirm:
            order.action_confirm()
        return order

    def ticket_form(self):
        """The ticket as the agent opens it in the web client."""
        return Form(self.aftersales_ticket.with_user(self.agent))

    def offered(self, form, field_name):
        """The records the form offers in ``field_name`` to its user: the
        field's domain (in the view, else the field's own) evaluated on the
        form's values as the web client does, searched as that user."""
        record = form._record
        nodes = form._view["tree"].xpath(f"//field[@name='{field_name}']")
        self.assertTrue(nodes, f"the form shows {field_name}")
        field = record._fields[field_name]
        domain = nodes[0].get("domain") or field._description_domain(record.env) or "[]"
        if not isinstance(domain, str):
            domain = repr(domain)
        return record.env[field.comodel_name].search(safe_eval(domain, form._get_eval_context()))

    def visible(self, form, field_name):
        return not form._get_modifier(field_name, "invisible")
