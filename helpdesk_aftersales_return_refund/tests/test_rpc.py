from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common_rpc import AftersalesRpcCase
from odoo.addons.helpdesk_aftersales_return.tests.test_access import ReturnAccessCase


@tagged("post_install", "-at_install")
class TestReturnRefundRpc(AftersalesRpcCase, ReturnAccessCase, HttpCase):
    """Return and Refund called as a forged web client would: a clear error and
    nothing written, whether the values or the caller's rights are wrong."""

    rpc_model = "helpdesk.stock.return"
    rpc_confirm = "action_create_returns_and_refunds"
    rpc_role = "stock_user"

    def _line(self, **values):
        move = self.delivery.move_ids
        return [[0, 0, {"move_id": move.id, "product_id": move.product_id.id, **values}]]

    def test_without_access_to_invoices(self):
        # Inventory rights only: the button is not shown, and a forged call
        # is refused before anything is returned.
        self.assertRpcRefused(
            self.aftersales_ticket,
            {"picking_ids": [[6, 0, self.delivery.ids]], "line_ids": self._line(quantity=1)},
            "needs read access to customer invoices",
        )

    def test_malformed_values(self):
        self.access_users[self.rpc_role].groups_id |= self.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        ticket = self.aftersales_ticket
        delivery = [[6, 0, self.delivery.ids]]
        cases = {
            "negative quantity": self._line(quantity=-5),
            "zero quantity": self._line(quantity=0),
            "more than delivered": self._line(quantity=2),
            "huge quantity": self._line(quantity=1e20),
        }
        for case, lines in cases.items():
            with self.subTest(case):
                self.assertRpcRefused(ticket, {"picking_ids": delivery, "line_ids": lines})
        # Nothing invoiced: the return is made (nothing to credit).
        self.assertRpcAccepted(
            ticket, {"picking_ids": delivery, "line_ids": self._line(quantity=1)}
        )
