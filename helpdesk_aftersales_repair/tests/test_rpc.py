from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common_rpc import AftersalesRpcCase

from .test_access import RepairAccessCase


@tagged("post_install", "-at_install")
class TestRepairRpc(AftersalesRpcCase, RepairAccessCase, HttpCase):
    # The repair is the core repair form, saved with the ticket's context.
    rpc_model = "repair.order"
    rpc_confirm = "action_validate"
    rpc_role = "stock_user"

    def rpc_context(self, ticket):
        return {"default_repair_helpdesk_ticket_id": ticket.id}

    def test_malformed_values(self):
        ticket = self.aftersales_ticket
        service = self.env["product.product"].create({"name": "Advice", "type": "service"})
        lot = self.env["stock.lot"].create(
            {
                "name": "SN-1",
                "product_id": self.env["product.product"]
                .create({"name": "Speaker", "type": "consu", "tracking": "serial"})
                .id,
            }
        )
        cases = {
            "wrong id": {"product_id": 2_000_000_000},
            "id of another model": {"product_id": self.rpc_foreign_id("product.product")},
            "a service": {"product_id": service.id},
        }
        for case, values in cases.items():
            with self.subTest(case):
                self.assertRpcRefused(ticket, values)
        # A lot of another product: the core repair form drops it.
        self.assertRpcAccepted(ticket, {"product_id": self.chair.id, "lot_id": lot.id})
        repair = self._access_documents(ticket)
        self.assertEqual((repair.product_id, repair.lot_id), (self.chair, lot.browse()))
