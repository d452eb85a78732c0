from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP
from odoo.addons.helpdesk_aftersales_return.tests.common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestRepairLoopStep(HelpdeskAftersalesCase, BaseCommon):
    """A received return is "Repaired" once the repair of it is done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.ticket = cls.aftersales_ticket
        cls.agent = new_test_user(
            cls.env,
            login="loop_repair_agent",
            groups=f"{USER_GROUP},stock.group_stock_user,sales_team.group_sale_salesman_all_leads",
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "is_storable": True}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.chair, warehouse.lot_stock_id, 10)
        order = sell_and_deliver(cls.env, cls.aftersales_customer, {cls.chair: 1})
        cls.ticket.write({"product_id": cls.chair.id, "sale_order_id": order.id})

    def steps(self):
        self.env.invalidate_all()
        rows = self.ticket.with_user(self.agent)._aftersales_loop_rows()
        return [row["label"] for row in rows]

    def test_repaired_after_received(self):
        dialog = self.open_ticket_wizard(self.ticket, "action_return", self.agent)
        dialog.save().action_create_returns()
        returned = self.ticket.picking_ids
        returned.move_ids.picked = True
        returned.button_validate()
        self.assertEqual(self.steps(), ["Received"])
        with Form(self.env["repair.order"]) as repair_form:
            repair_form.product_id = self.chair
            repair_form.partner_id = self.aftersales_customer
            repair_form.picking_id = returned
        repair = repair_form.record
        repair.action_validate()
        repair.action_repair_start()
        self.assertEqual(self.steps(), ["Received"], "a repair under way")
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        self.assertEqual(self.steps(), ["Repaired"])
