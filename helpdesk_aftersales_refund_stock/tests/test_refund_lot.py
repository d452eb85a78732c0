from odoo import Command
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP
from odoo.addons.helpdesk_aftersales_refund.tests.common import offered


@tagged("post_install", "-at_install")
class TestRefundByLot(HelpdeskAftersalesCase, AccountTestInvoicingCommon):
    """The Refund dialog's Lot/Serial Number filter (with Inventory)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.customer = cls.aftersales_customer
        cls.ticket = cls.aftersales_ticket
        cls.accountant = new_test_user(
            cls.env,
            login="helpdesk_accountant",
            groups=f"{USER_GROUP},account.group_account_invoice," "stock.group_stock_user",
        )
        cls.accountant_without_inventory = new_test_user(
            cls.env,
            login="helpdesk_accountant_no_stock",
            groups=f"{USER_GROUP},account.group_account_invoice",
        )
        cls.lot_product = cls.env["product.product"].create(
            {"name": "Tracked chair", "is_storable": True, "tracking": "lot", "lst_price": 80.0}
        )
        cls.lot = cls.env["stock.lot"].create({"name": "LOT-1", "product_id": cls.lot_product.id})
        cls.lot_invoice = cls._sell_deliver_invoice(cls.lot_product, cls.lot)
        cls.other_invoice = cls.init_invoice(
            "out_invoice", partner=cls.customer, post=True, products=cls.lot_product
        )

    @classmethod
    def _sell_deliver_invoice(cls, product, lot):
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [Command.create({"product_id": product.id})],
            }
        )
        order.action_confirm()
        move = order.picking_ids.move_ids
        move.move_line_ids.unlink()
        cls.env["stock.move.line"].create(
            {**move._prepare_move_line_vals(quantity=1), "lot_id": lot.id, "quantity": 1}
        )
        move.picked = True
        order.picking_ids.button_validate()
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def _dialog(self, user=None):
        return self.open_ticket_wizard(self.ticket, "action_refund", user or self.accountant)

    def _suitable(self, dialog):
        return offered(dialog).with_env(self.env)

    def _lot_visible(self, dialog):
        return not dialog._get_modifier("helpdesk_lot_id", "invisible")

    def test_lot_narrows_invoices(self):
        dialog = self._dialog()
        self.assertFalse(self._lot_visible(dialog), "no product: no lot field")
        dialog.helpdesk_product_id = self.lot_product
        self.assertEqual(dialog.helpdesk_tracking, "lot")
        self.assertTrue(self._lot_visible(dialog))
        self.assertEqual(self._suitable(dialog), self.lot_invoice | self.other_invoice)
        dialog.move_ids.add(self.other_invoice)
        dialog.helpdesk_lot_id = self.lot
        self.assertEqual(self._suitable(dialog), self.lot_invoice)
        self.assertFalse(dialog.move_ids, "an invoice outside the lot filter is dropped")
        dialog.move_ids.add(self.lot_invoice)
        dialog.save().refund_moves()
        credit_note = self.lot_invoice.reversal_move_ids
        self.assertEqual(credit_note.helpdesk_ticket_id, self.ticket)

    def test_untracked_product_has_no_lot_field(self):
        dialog = self._dialog()
        dialog.helpdesk_product_id = self.product_a
        self.assertEqual(dialog.helpdesk_tracking, "none")
        self.assertFalse(self._lot_visible(dialog))

    def test_ticket_lot_is_the_default_and_product_change_clears_it(self):
        with Form(self.ticket.with_user(self.accountant)) as ticket:
            ticket.product_id = self.lot_product
            ticket.lot_id = self.lot
        dialog = self._dialog()
        self.assertEqual(dialog.helpdesk_product_id, self.lot_product)
        self.assertEqual(dialog.helpdesk_lot_id, self.lot)
        self.assertEqual(self._suitable(dialog), self.lot_invoice)
        dialog.helpdesk_product_id = self.product_a
        self.assertFalse(dialog.helpdesk_lot_id, "the lot of another product is cleared")

    def test_accountant_without_inventory_rights(self):
        # Lots are Inventory records: the dialog leaves the filter out and
        # does not apply the ticket's lot, which this user could not clear.
        self.ticket.write({"product_id": self.lot_product.id, "lot_id": self.lot.id})
        dialog = self._dialog(self.accountant_without_inventory)
        self.assertNotIn("helpdesk_lot_id", dialog._view["fields"])
        self.assertEqual(self._suitable(dialog), self.lot_invoice | self.other_invoice)
        dialog.move_ids.add(self.other_invoice)
        dialog.save().refund_moves()
        self.assertEqual(self.other_invoice.reversal_move_ids.helpdesk_ticket_id, self.ticket)
