from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP


@tagged("post_install", "-at_install")
class TestRepairPortal(AftersalesPortalCase, HelpdeskAftersalesCase, BaseCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_portal()
        cls.repair_user = new_test_user(
            cls.env,
            login="portal_repair_user",
            groups=f"{USER_GROUP},stock.group_stock_user," "sales_team.group_sale_salesman",
        )
        cls.chair = cls.env["product.product"].create({"name": "Office Chair", "type": "consu"})
        cls.ticket = cls.aftersales_ticket
        cls.ticket.product_id = cls.chair

    def test_repair_reference_state_and_product(self):
        # As the agent does: Repair on the ticket opens the repair form, saved.
        action = self.ticket.with_user(self.repair_user).action_repair()
        Repair = self.env["repair.order"].with_user(self.repair_user)
        repair = Form(Repair.with_context(**action["context"])).save()
        self.assertEqual(repair.helpdesk_ticket_id, self.ticket)
        self.assertEqual(repair.state, "draft")
        page = self.assertOnlyCustomerSees(
            self.ticket, 'id="aftersales_repairs"', repair.name, "Office Chair"
        )
        # Its state, in the customer's words, in a badge of core's colours.
        self.assertStatusBadge(page, "aftersales_repairs", "Waiting for repair", "info")
        repair.action_validate()
        repair.action_repair_start()
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertStatusBadge(page, "aftersales_repairs", "Being repaired", "info")
        repair.action_repair_end()
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertStatusBadge(page, "aftersales_repairs", "Repaired", "success")
        # Back with the customer once its delivery is done (issue 29).
        delivery = repair.aftersales_delivery_ids
        delivery.move_ids.picked = True
        delivery.button_validate()
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertStatusBadge(page, "aftersales_repairs", "Shipped back", "success")

    def test_block_in_german_and_chinese(self):
        action = self.ticket.with_user(self.repair_user).action_repair()
        Repair = self.env["repair.order"].with_user(self.repair_user)
        Form(Repair.with_context(**action["context"])).save()
        self._setup_portal_languages(core=["repair"])
        self.assertPortalPageTranslated(
            f"/my/ticket/{self.ticket.id}", "portal_customer_a", region="ticket_aftersales"
        )
