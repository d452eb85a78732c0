from odoo.tests import Form, new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP
from odoo.addons.helpdesk_aftersales_return.tests.common import sell_and_deliver


def invoice_orders(env, orders):
    """Invoice what is delivered of ``orders`` as a salesperson does (Create
    Invoice on the orders, Regular invoice) and post the invoices."""
    form = Form(
        env["sale.advance.payment.inv"].with_context(
            active_model="sale.order", active_ids=orders.ids, active_id=orders[:1].id
        )
    )
    form.advance_payment_method = "delivered"
    form.save().create_invoices()
    invoices = orders.invoice_ids.filtered(lambda move: move.state == "draft")
    invoices.action_post()
    return invoices


class ReturnRefundCase(HelpdeskAftersalesCase, AccountTestInvoicingCommon):
    """A customer who bought Office Chairs (invoiced on delivery, 100.00 each
    with 15% tax), a ticket about the order, and two agents with Inventory
    rights: one with invoicing rights, one with Sales rights only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        # Return and Refund credits when the return is made (the tests of
        # When Received set it: test_credit_on_receipt).
        cls.aftersales_team.return_credit_policy = "created"
        cls.customer = cls.aftersales_customer
        cls.ticket = cls.aftersales_ticket
        cls.accountant_agent = new_test_user(
            cls.env,
            login="retref_accountant",
            groups=f"{USER_GROUP},stock.group_stock_user," "account.group_account_invoice",
        )
        cls.sales_agent = new_test_user(
            cls.env,
            login="retref_salesman",
            groups=f"{USER_GROUP},stock.group_stock_user,"
            "sales_team.group_sale_salesman_all_leads",
        )
        cls.stock_agent = new_test_user(
            cls.env,
            login="retref_stock",
            groups=f"{USER_GROUP},stock.group_stock_user",
        )
        cls.chair = cls.env["product.product"].create(
            {
                "name": "Office Chair",
                "is_storable": True,
                "invoice_policy": "delivery",
                "list_price": 100.0,
                "taxes_id": [(6, 0, cls.tax_sale_a.ids)],
            }
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(cls.chair, warehouse.lot_stock_id, 1000)

    def sell(self, quantity=5, invoice=True, customer=None):
        """Sell, deliver and (with ``invoice``) invoice ``quantity`` chairs;
        the ticket is about the order. Returns the order."""
        order = sell_and_deliver(self.env, customer or self.customer, {self.chair: quantity})
        if invoice:
            invoice_orders(self.env, order)
        if not customer:
            self.ticket.sale_order_id = order
        return order

    def dialog(self, user=None, ticket=None):
        return self.open_ticket_wizard(
            ticket or self.ticket, "action_return", user or self.accountant_agent
        )

    def credit_notes(self, ticket=None):
        return self.env["account.move"].search(
            [
                ("helpdesk_ticket_id", "=", (ticket or self.ticket).id),
                ("move_type", "=", "out_refund"),
            ]
        )

    def returns(self, ticket=None):
        return self.env["stock.picking"].search(
            [("helpdesk_ticket_id", "=", (ticket or self.ticket).id)]
        )
