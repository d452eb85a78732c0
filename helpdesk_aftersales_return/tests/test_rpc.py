from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common_rpc import AftersalesRpcCase

from .test_access import ReturnAccessCase


@tagged("post_install", "-at_install")
class TestReturnRpc(AftersalesRpcCase, ReturnAccessCase, HttpCase):
    rpc_model = "helpdesk.stock.return"
    rpc_confirm = "action_create_returns"
    rpc_role = "stock_user"

    def _line(self, **values):
        move = self.delivery.move_ids
        return [[0, 0, {"move_id": move.id, "product_id": move.product_id.id, **values}]]

    def test_malformed_values(self):
        ticket = self.aftersales_ticket
        delivery = [[6, 0, self.delivery.ids]]
        company_b = self.env["res.company"].create({"name": "Company B"})
        self.access_users[self.rpc_role].company_ids |= company_b
        reason_b = self.env["helpdesk.return.reason"].create(
            {"name": "B only", "company_id": company_b.id}
        )
        cases = {
            "wrong id": {"picking_ids": [[6, 0, [2_000_000_000]]]},
            "id of another model": {
                "picking_ids": [[6, 0, [self.rpc_foreign_id("stock.picking")]]]
            },
            "string for an id": {"picking_ids": [[6, 0, ["abc"]]]},
            "string for a location": {"picking_ids": delivery, "location_id": "abc"},
            "string for a line's move": {
                "picking_ids": delivery,
                "line_ids": [
                    [0, 0, {"move_id": "abc", "product_id": self.chair.id, "quantity": 1}]
                ],
            },
            "negative quantity": {"picking_ids": delivery, "line_ids": self._line(quantity=-5)},
            "zero quantity": {"picking_ids": delivery, "line_ids": self._line(quantity=0)},
            "huge quantity": {"picking_ids": delivery, "line_ids": self._line(quantity=1e20)},
            "wrong return reason": {
                "picking_ids": delivery,
                "line_ids": self._line(quantity=1, return_reason_id=2_000_000_000),
            },
            "string for a return reason": {
                "picking_ids": delivery,
                "line_ids": self._line(quantity=1, return_reason_id="abc"),
            },
            "return reason of another company": {
                "picking_ids": delivery,
                "line_ids": self._line(quantity=1, return_reason_id=reason_b.id),
            },
        }
        for case, values in cases.items():
            with self.subTest(case):
                if "quantity" in case or "another company" in case:
                    self.assertRpcRefused(ticket, values)
                else:  # a forged id: the ORM's refusal (type, foreign key)
                    self.assertRpcFails(ticket, values)
        self.assertRpcAccepted(
            ticket, {"picking_ids": delivery, "line_ids": self._line(quantity=1)}
        )
