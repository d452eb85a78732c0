from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_access import AftersalesAccessCase
from odoo.addons.helpdesk_aftersales_platform.platform import (
    MANAGER_GROUP,
    MENU_CONFIG,
    MENU_ROOT,
    TEAM_MODEL,
)

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestReturnReasons(AftersalesAccessCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        # Return for Exchange ships at once (When Received: test_replacement).
        cls.aftersales_team.replacement_policy = "at_once"
        cls.helpdesk_agent.groups_id |= cls.env.ref("stock.group_stock_user") | cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock_location = warehouse.lot_stock_id
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "is_storable": True}
        )
        cls.speaker = cls.env["product.product"].create(
            {"name": "Speaker", "type": "consu", "is_storable": True, "tracking": "serial"}
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.chair, cls.stock_location, 100)
        cls.serials = cls.env["stock.lot"].create(
            [{"name": f"SN-{i}", "product_id": cls.speaker.id} for i in (1, 2)]
        )
        for serial in cls.serials:
            Quant._update_available_quantity(cls.speaker, cls.stock_location, 1, lot_id=serial)
        # Configured as a helpdesk manager does: Helpdesk > Configuration >
        # Return Reasons (an editable list).
        Reason = cls.env["helpdesk.return.reason"]
        cls.damaged = Reason.create({"name": "Damaged in transit"})
        cls.wrong_item = Reason.create({"name": "Wrong item"})
        cls.ticket = cls.aftersales_ticket
        cls.Picking = cls.env["stock.picking"]

    def _open(self, order):
        self.ticket.sale_order_id = order
        return self.open_ticket_wizard(self.ticket, "action_return", user=self.helpdesk_agent)

    def _returned_moves(self):
        return self.ticket.picking_ids.filtered(
            lambda p: p.picking_type_code == "incoming"
        ).move_ids

    def _report(self):
        """What Helpdesk > Reporting > Returns shows: returned quantities
        grouped by reason."""
        action = self.env.ref("helpdesk_aftersales_return.stock_move_action_helpdesk_returns")
        domain = safe_eval(action.domain)
        groups = self.env["stock.move"]._read_group(
            domain, ["helpdesk_return_reason_id"], ["quantity:sum"]
        )
        return {reason.name or False: quantity for reason, quantity in groups}

    # ------------------------------------------------------------------
    # the reason goes from the dialog to the return's move and the report
    # ------------------------------------------------------------------

    def test_reason_kept_on_the_return_move_and_reported(self):
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.chair: 5})
        form = self._open(order)
        with form.line_ids.edit(0) as line:
            line.quantity = 2
            line.return_reason_id = self.damaged
        form.save().action_create_returns()
        move = self._returned_moves()
        self.assertEqual(move.helpdesk_return_reason_id, self.damaged)
        self.assertEqual(move.helpdesk_team_id, self.aftersales_team)
        self.assertEqual(self._report(), {}, "counted once received")
        move.picking_id.move_ids.picked = True
        move.picking_id.button_validate()
        self.assertEqual(self._report(), {"Damaged in transit": 2})

        # a second return, without reason (not required by default)
        form = self._open(order)
        with form.line_ids.edit(0) as line:
            line.quantity = 1
        form.save().action_create_returns()
        second = self._returned_moves() - move
        self.assertFalse(second.helpdesk_return_reason_id)
        second.picking_id.move_ids.picked = True
        second.picking_id.button_validate()
        self.assertEqual(self._report(), {"Damaged in transit": 2, False: 1})

    def test_reason_in_the_chatter_and_on_the_receipt(self):
        """The agent finds the reason chosen in the dialog in the ticket's
        chatter message and on the receipt's products."""
        self.damaged.name = "Damaged <100%"
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.chair: 2})
        form = self._open(order)
        with form.line_ids.edit(0) as line:
            line.return_reason_id = self.damaged
        form.save().action_create_returns()
        receipt = self._returned_moves().picking_id
        body = self.ticket.message_ids[0].body
        self.assertIn(receipt.name, body)
        self.assertIn("Return Reason: Damaged &lt;100% (Office Chair)", body)
        receipt_form = Form(receipt)
        with receipt_form.move_ids_without_package.edit(0) as move:
            self.assertEqual(move.helpdesk_return_reason_id, self.damaged)

    def test_reason_on_exchange_only_on_the_return(self):
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.chair: 2})
        form = self._open(order)
        with form.line_ids.edit(0) as line:
            line.return_reason_id = self.wrong_item
        form.save().action_create_exchanges()
        returned = self._returned_moves()
        replacement = self.ticket.picking_ids.move_ids - returned
        self.assertEqual(returned.helpdesk_return_reason_id, self.wrong_item)
        self.assertTrue(replacement)
        self.assertFalse(replacement.helpdesk_return_reason_id)

    def test_report_groups_by_product_team_and_month(self):
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.chair: 3})
        form = self._open(order)
        with form.line_ids.edit(0) as line:
            line.return_reason_id = self.wrong_item
        form.save().action_create_returns()
        returned = self._returned_moves().picking_id
        returned.move_ids.picked = True
        returned.button_validate()
        action = self.env.ref("helpdesk_aftersales_return.stock_move_action_helpdesk_returns")
        groups = self.env["stock.move"]._read_group(
            safe_eval(action.domain),
            ["helpdesk_return_reason_id", "product_id", "helpdesk_team_id", "date:month"],
            ["quantity:sum"],
        )
        self.assertEqual(len(groups), 1)
        reason, product, team, _month, quantity = groups[0]
        self.assertEqual(
            (reason, product, team, quantity),
            (self.wrong_item, self.chair, self.aftersales_team, 3),
        )
        # the menu and its pivot and graph views
        menu = self.env.ref("helpdesk_aftersales_return.helpdesk_menu_reporting_returns")
        self.assertEqual(menu.action, action)
        # in the helpdesk's app
        self.assertIn(str(self.env.ref(MENU_ROOT).id), menu.parent_path.split("/"))
        modes = [view.view_mode for view in action.view_ids]
        self.assertEqual(modes, ["graph", "pivot", "list"])
        pivot = self.env["stock.move"].get_views([(action.view_ids[1].view_id.id, "pivot")])[
            "views"
        ]["pivot"]["arch"]
        self.assertIn('name="helpdesk_return_reason_id"', pivot)

    # ------------------------------------------------------------------
    # team setting: Return Reason Required
    # ------------------------------------------------------------------

    def test_team_setting_shown_under_returns(self):
        with Form(self.aftersales_team) as team:
            team.return_reason_required = True
        self.assertTrue(self.aftersales_team.return_reason_required)
        arch = self.env[TEAM_MODEL].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="return_reason_required"', arch)

    def test_required_reason_refused_when_missing(self):
        self.aftersales_team.return_reason_required = True
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.chair: 2})
        form = self._open(order)
        # the dialog asks for it ...
        with self.assertRaisesRegex(AssertionError, "return_reason_id"):
            form.save()
        with form.line_ids.edit(0) as line:
            line.return_reason_id = self.damaged
        wizard = form.save()
        # ... and the confirm refuses a line without (a forged call)
        wizard.line_ids.return_reason_id = False
        count = self.Picking.search_count([])
        for action in (wizard.action_create_returns, wizard.action_create_exchanges):
            with self.assertRaisesRegex(UserError, "requires a return reason"):
                action()
        self.assertEqual(self.Picking.search_count([]), count, "nothing created")
        self.assertFalse(self.ticket.picking_ids)
        wizard.line_ids.return_reason_id = self.damaged
        wizard.action_create_returns()
        self.assertEqual(self._returned_moves().helpdesk_return_reason_id, self.damaged)

    def test_two_serials_of_one_move_need_one_reason(self):
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.speaker: 2})
        wizard = self._open(order).save()
        self.assertEqual(len(wizard.line_ids), 2, "one line per serial number")
        wizard.line_ids[0].return_reason_id = self.damaged
        wizard.line_ids[1].return_reason_id = self.wrong_item
        with self.assertRaisesRegex(UserError, "different return reasons"):
            wizard.action_create_returns()
        self.assertFalse(self.ticket.picking_ids)
        wizard.line_ids.return_reason_id = self.damaged
        wizard.action_create_returns()
        self.assertEqual(self._returned_moves().helpdesk_return_reason_id, self.damaged)
        self.assertEqual(self._returned_moves().move_line_ids.lot_id, self.serials)

    # ------------------------------------------------------------------
    # companies and access
    # ------------------------------------------------------------------

    def test_reason_of_another_company(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        self.helpdesk_agent.company_ids |= company_b
        reason_b = self.env["helpdesk.return.reason"].create(
            {"name": "B only", "company_id": company_b.id}
        )
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.chair: 1})
        wizard = self._open(order).save()
        # not offered, though the agent works in both companies and reads it:
        # the line's domain keeps the ticket's company or shared reasons
        line = wizard.line_ids.with_context(allowed_company_ids=[self.env.company.id, company_b.id])
        reason_b.with_user(self.helpdesk_agent).with_context(
            allowed_company_ids=[company_b.id]
        ).check_access("read")
        offered = self._aftersales_offered(line, "return_reason_id")
        self.assertIn(self.damaged, offered)
        self.assertNotIn(reason_b, offered)
        # forged: the ORM refuses the write, nothing changes
        with self.assertRaises(UserError):
            wizard.line_ids.return_reason_id = reason_b
        # a reason moved to another company after it was chosen
        wizard.line_ids.return_reason_id = self.damaged
        self.damaged.company_id = company_b
        self.env.invalidate_all()
        with self.assertRaisesRegex(UserError, "belongs to another company"):
            wizard.action_create_returns()
        self.assertFalse(self.ticket.picking_ids, "nothing created")

    def test_access_and_company_rule(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        reason_b = self.env["helpdesk.return.reason"].create(
            {"name": "B only", "company_id": company_b.id}
        )
        Reason = self.env["helpdesk.return.reason"]
        # agents read the reasons of their companies, and may not manage them
        agent_reasons = Reason.with_user(self.helpdesk_agent).search([])
        self.assertIn(self.damaged, agent_reasons)
        self.assertNotIn(reason_b, agent_reasons, "the reason of a company the agent is not in")
        with self.assertRaises(AccessError):
            Reason.with_user(self.helpdesk_agent).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.damaged.with_user(self.helpdesk_agent).name = "Renamed"
        # helpdesk managers and inventory administrators manage them
        for groups in (MANAGER_GROUP, "stock.group_stock_manager"):
            user = new_test_user(self.env, login=groups, groups=groups)
            with Form(Reason.with_user(user)) as reason:
                reason.name = f"By {groups}"
            created = Reason.search([("name", "=", f"By {groups}")])
            self.assertEqual(created.company_id, self.env["res.company"], "shared by default")
            created.with_user(user).action_archive()
            self.assertFalse(created.active)
        # the menu under Configuration is for helpdesk managers
        menu = self.env.ref("helpdesk_aftersales_return.helpdesk_return_reason_menu")
        # (in the suite's folder of the helpdesk's Configuration menu)
        self.assertEqual(menu.parent_id.parent_id, self.env.ref(MENU_CONFIG))
        self.assertEqual(
            menu.action, self.env.ref("helpdesk_aftersales_return.helpdesk_return_reason_action")
        )
