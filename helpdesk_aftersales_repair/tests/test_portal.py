from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase


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
            groups="helpdesk.group_helpdesk_user,stock.group_stock_user,"
            "sales_team.group_sale_salesman",
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
        # Its state, as the customer reads it.
        self.assertRegex(page.text, r'text-bg-light"[^>]*>\s*New\s*<')

    def test_block_in_german_and_chinese(self):
        action = self.ticket.with_user(self.repair_user).action_repair()
        Repair = self.env["repair.order"].with_user(self.repair_user)
        Form(Repair.with_context(**action["context"])).save()
        self._setup_portal_languages(core=["repair"])
        self.assertPortalPageTranslated(
            f"/my/ticket/{self.ticket.id}", "portal_customer_a", region="ticket_aftersales"
        )
