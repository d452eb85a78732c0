from odoo import api, models


class HelpdeskCouponShare(models.TransientModel):
    _inherit = "helpdesk.coupon.share"

    @api.depends("coupon_id")
    def _compute_share_link(self):
        # eCommerce's own share wizard builds the /coupon/<code> link that
        # applies the code to the cart: reuse it rather than rebuild the URL.
        for share in self:
            coupon = share.coupon_id
            share.share_link = (
                self.env["coupon.share"]
                .with_context(default_program_id=coupon.program_id.id)
                .new({"program_id": coupon.program_id.id, "coupon_id": coupon.id})
                .share_link
            )
