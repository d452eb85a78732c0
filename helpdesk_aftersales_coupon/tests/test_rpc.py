from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common_rpc import AftersalesRpcCase

from .test_access import CouponAccessCase


@tagged("post_install", "-at_install")
class TestCouponRpc(AftersalesRpcCase, CouponAccessCase, HttpCase):
    rpc_model = "helpdesk.sale.coupon.generate"
    rpc_confirm = "action_generate"
    rpc_role = "salesman"

    def test_malformed_values(self):
        ticket = self.aftersales_ticket
        program = self.program.id
        # Values no web client sends: the ORM refuses them (the column's type,
        # its foreign key) before anything is created.
        forged = {
            "wrong id": {"program_id": 2_000_000_000},
            "id of another model": {"program_id": self.rpc_foreign_id("loyalty.program")},
            "string for an id": {"program_id": "abc"},
            "list for an id": {"program_id": [program, program]},
            "negative id": {"program_id": -1},
        }
        for case, values in forged.items():
            with self.subTest(case):
                self.assertRpcFails(ticket, values)
        self.assertRpcRefused(ticket, {"program_id": program, "expiration_date": "0001-01-01"})
        # A coupon valid until 9999 is one that never expires: accepted.
        self.assertRpcAccepted(ticket, {"program_id": program, "expiration_date": "9999-12-31"})
