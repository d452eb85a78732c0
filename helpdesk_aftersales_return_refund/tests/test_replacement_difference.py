from odoo.tests import Form, tagged

from .common import ReturnRefundCase


@tagged("post_install", "-at_install")
class TestReplacementDifference(ReturnRefundCase):
    """Return for Exchange of invoiced chairs (100.00) for another chair:
    the price difference is drafted as an invoice or a credit note."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aftersales_team.replacement_policy = "at_once"
        stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.deluxe, cls.basic = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "is_storable": True,
                    "list_price": price,
                    "taxes_id": [(6, 0, cls.tax_sale_a.ids)],
                }
                for name, price in (("Deluxe Chair", 150.0), ("Basic Chair", 70.0))
            ]
        )
        for product in cls.deluxe | cls.basic:
            cls.env["stock.quant"]._update_available_quantity(product, stock, 10)

    def _exchange(self, replacement, quantity=2):
        self.sell(5)
        dialog = self.dialog()
        dialog.replacement_any_product = True
        with dialog.line_ids.edit(0) as line:
            line.quantity = quantity
            line.replacement_product_id = replacement
        dialog.save().action_create_exchanges()
        return self.returns().filtered(lambda picking: picking.picking_type_code == "incoming")

    def _documents(self, move_type):
        return self.env["account.move"].search(
            [("helpdesk_ticket_id", "=", self.ticket.id), ("move_type", "=", move_type)]
        )

    def test_dearer_replacement_draft_invoice(self):
        self._exchange(self.deluxe)
        invoice = self._documents("out_invoice")
        self.assertRecordValues(
            invoice,
            [{"state": "draft", "amount_untaxed": 100.0, "partner_id": self.customer.id}],
        )
        self.assertRecordValues(
            invoice.invoice_line_ids,
            [{"product_id": self.deluxe.id, "quantity": 2.0, "price_unit": 50.0}],
        )
        self.assertEqual(invoice.invoice_line_ids.tax_ids, self.tax_sale_a)
        self.assertFalse(self.credit_notes())
        self.assertIn(f'data-oe-id="{invoice.id}"', self.ticket.message_ids[0].body)
        # The order's invoiced quantities stay what they were.
        self.assertEqual(self.ticket.sale_order_id.order_line.qty_invoiced, 5)

    def test_cheaper_replacement_draft_credit_note(self):
        self._exchange(self.basic)
        self.assertRecordValues(self.credit_notes(), [{"state": "draft", "amount_untaxed": 60.0}])
        self.assertFalse(self._documents("out_invoice"))

    def test_same_product_nothing(self):
        self.sell(5)
        dialog = self.dialog()
        with dialog.line_ids.edit(0) as line:
            line.quantity = 2
        dialog.save().action_create_exchanges()
        self.assertFalse(self._documents("out_invoice") | self.credit_notes())

    def test_when_received_settled_for_what_was_received(self):
        self.aftersales_team.replacement_policy = "received"
        returned = self._exchange(self.deluxe)
        self.assertFalse(self._documents("out_invoice"))
        picking = returned.with_user(self.stock_agent)
        picking.move_ids.quantity = 1
        picking.move_ids.picked = True
        action = picking.button_validate()
        Form.from_action(self.env, action).save().with_user(self.stock_agent).process()
        self.assertRecordValues(
            self._documents("out_invoice"), [{"state": "draft", "amount_untaxed": 50.0}]
        )
