from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL

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

    def _two_chairs_delivered(self):
        """A confirmed order of two chairs, delivered to the ticket's customer."""
        product = self.env["product.product"].create(
            {"name": "Chair", "type": "consu", "is_storable": True}
        )
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        self.env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 5)
        return sell_and_deliver(self.env, self.aftersales_customer, {product: 2})

    def test_dialog_translated(self):
        expected = {
            "de_DE": (
                "Zum Umtausch retournieren",
                "Retourenlagerort",
                "Zu retournierende Lieferung",
            ),
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
        order = self._two_chairs_delivered()
        self.aftersales_ticket.sale_order_id = order
        wizard = self.open_ticket_wizard(self.aftersales_ticket, "action_return").save()
        wizard.line_ids.quantity = 3
        for lang, text in (("de_DE", "retourniert werden"), ("zh_CN", "最多只能再退")):
            with self.assertRaisesRegex(UserError, text):
                wizard.with_context(lang=lang).action_create_returns()

    def test_return_reasons_translated(self):
        expected = {
            "de_DE": ("Retourengrund", "Retourengrund erforderlich", "Retourengründe", "Retouren"),
            "zh_CN": ("退货原因", "退货原因必填", "退货原因", "退货"),
        }
        for lang, (column, setting, menu, report) in expected.items():
            env = self.env(context={"lang": lang})
            line = env["helpdesk.stock.return.line"].fields_get(["return_reason_id"], ["string"])
            self.assertEqual(line["return_reason_id"]["string"], column)
            team = env[TEAM_MODEL].fields_get(["return_reason_required"], ["string"])
            self.assertEqual(team["return_reason_required"]["string"], setting)
            config = env.ref("helpdesk_aftersales_return.helpdesk_return_reason_menu")
            self.assertEqual(config.name, menu)
            reporting = env.ref("helpdesk_aftersales_return.helpdesk_menu_reporting_returns")
            self.assertEqual(reporting.name, report)
        # The reasons a new database starts with speak both languages: the
        # customer reads them on the portal's Request a Return page.
        shipped = {
            "de_DE": [
                "Beim Transport beschädigt",
                "Falscher Artikel",
                "Defekt",
                "Nicht mehr benötigt",
            ],
            "zh_CN": ["运输途中损坏", "发错产品", "产品有缺陷", "不再需要"],
            "en_US": ["Damaged in transit", "Wrong item", "Defective", "No longer needed"],
        }
        xmlids = ["damaged", "wrong_item", "defective", "not_needed"]
        for lang, names in shipped.items():
            env = self.env(context={"lang": lang})
            reasons = [env.ref(f"helpdesk_aftersales_return.return_reason_{x}") for x in xmlids]
            self.assertEqual([reason.name for reason in reasons], names)
        # Those the manager adds are translated by the manager.
        reason = self.env["helpdesk.return.reason"].create({"name": "Arrived too late"})
        reason.with_context(lang="de_DE").name = "Zu spät angekommen"
        reason.with_context(lang="zh_CN").name = "到货太晚"
        self.assertEqual(reason.with_context(lang="de_DE").name, "Zu spät angekommen")
        self.assertEqual(reason.with_context(lang="zh_CN").name, "到货太晚")
        self.assertEqual(reason.with_context(lang="en_US").name, "Arrived too late")

    def test_reason_error_translated(self):
        order = self._two_chairs_delivered()
        self.aftersales_ticket.sale_order_id = order
        wizard = self.open_ticket_wizard(self.aftersales_ticket, "action_return").save()
        self.aftersales_team.return_reason_required = True
        for lang, text in (
            ("de_DE", "verlangt einen Retourengrund"),
            ("zh_CN", "要求填写退货原因"),
        ):
            with self.assertRaisesRegex(UserError, text):
                wizard.with_context(lang=lang).action_create_returns()

    def test_portal_reservation_translated(self):
        """Request a Return: the Already Requested column, the refusal of a
        request beyond what pending requests leave, and the ticket's Still
        Requested column."""
        with Form(self.aftersales_team) as team:
            team.receives_portal_returns = True
        order = self._two_chairs_delivered()
        asked = {str(order.order_line.id): "2"}
        order._aftersales_create_portal_return(order._aftersales_prepare_portal_return(asked, {}))
        view = self.env.ref("helpdesk_aftersales_return.portal_order_return_request")
        Line = self.env["helpdesk.return.request.line"]
        for lang, column, text, tab_column in (
            (
                "de_DE",
                "Bereits angefordert",
                "Ihre offenen Retourenanfragen umfassen bereits",
                "Noch angefordert",
            ),
            ("zh_CN", "已申请", "您待处理的退货申请中已申请", "仍在申请"),
        ):
            self.assertIn(column, view.with_context(lang=lang).arch)
            strings = Line.with_context(lang=lang).fields_get(["pending_quantity"], ["string"])
            self.assertEqual(strings["pending_quantity"]["string"], tab_column)
            with self.assertRaisesRegex(UserError, text):
                order.with_context(lang=lang)._aftersales_prepare_portal_return(asked, {})
