from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    coupon_ids = fields.One2many("loyalty.card", "helpdesk_ticket_id", string="Coupon Codes")
    coupon_count = fields.Integer(compute="_compute_coupon_count")

    @api.depends("coupon_ids")
    @api.depends_context("uid")
    def _compute_coupon_count(self):
        self._aftersales_set_count("coupon_count", "loyalty.card")

    def action_generate_coupon(self):
        # Coupons are a Sales matter: who cannot read them gets told so rather
        # than a dialog they could not confirm.
        return self._aftersales_open_dialog(
            "helpdesk.sale.coupon.generate",
            self.env._("Generate a Coupon"),
            needs=("loyalty.card", "read"),
            refusal=self.env._(
                "Generating a coupon needs Sales rights on discount and loyalty "
                "programs: ask your administrator."
            ),
        )

    def action_view_coupons(self):
        self.ensure_one()
        return self._aftersales_action_view(
            "helpdesk_aftersales_coupon.loyalty_card_action", self.coupon_ids
        )
