from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestReturnTranslations(HelpdeskAftersalesCase, BaseCommon):
    """The Return dialog and its errors speak German and Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.langs = ["de_DE", "zh_CN"]
        for lang in cls.langs:
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(["helpdesk_aftersales_return"], cls.langs)

    def test_dialog_translated(self):
        expected = {
            "de_DE": ("Zum Umtausch retournieren", "Retourenort", "Zu retournierende Lieferung"),
            "zh_CN": ("退换货", "退货位置", "待退货的发货"),
        }
        for lang, terms in expected.items():
            Wizard = self.env["helpdesk.stock.return"].with_context(lang=lang)
            arch = Wizard.get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertIn(terms[0], arch)
            strings = Wizard.fields_get(["location_id", "picking_ids"], ["string"])
            self.assertEqual(strings["location_id"]["string"], terms[1])
            self.assertEqual(strings["picking_ids"]["string"], terms[2])

    def test_error_translated(self):
        product = self.env["product.product"].create(
            {"name": "Chair", "type": "consu", "is_storable": True}
        )
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        self.env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 5)
        order = sell_and_deliver(self.env, self.aftersales_customer, {product: 2})
        self.aftersales_ticket.sale_order_id = order
        wizard = self.open_ticket_wizard(self.aftersales_ticket, "action_return").save()
        wizard.line_ids.quantity = 3
        for lang, text in (("de_DE", "retourniert werden"), ("zh_CN", "只能再退货")):
            with self.assertRaisesRegex(UserError, text):
                wizard.with_context(lang=lang).action_create_returns()
