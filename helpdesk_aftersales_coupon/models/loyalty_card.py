from odoo import models


class LoyaltyCard(models.Model):
    _name = "loyalty.card"
    _inherit = ["loyalty.card", "helpdesk.aftersales.document.mixin"]

    def _aftersales_portal_share_link(self):
        """The link that applies the coupon to the customer's cart, as the
        ticket's Share dialog gives it: False without eCommerce
        (``helpdesk_aftersales_coupon_website`` computes it)."""
        self.ensure_one()
        return self.env["helpdesk.coupon.share"].new({"coupon_id": self.id}).share_link
