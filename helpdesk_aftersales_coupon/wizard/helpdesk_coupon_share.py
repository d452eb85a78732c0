from odoo import api, fields, models


class HelpdeskCouponShare(models.TransientModel):
    """Share Coupon dialog: the link applies the coupon to the customer's cart.
    The link needs eCommerce: ``helpdesk_aftersales_coupon_website`` (installed
    with it) computes it; without eCommerce the dialog says what to install."""

    _name = "helpdesk.coupon.share"
    _description = "Share a coupon generated from a helpdesk ticket"

    coupon_id = fields.Many2one("loyalty.card", string="Coupon", required=True, readonly=True)
    code = fields.Char(related="coupon_id.code", string="Coupon Code")
    share_link = fields.Char(compute="_compute_share_link")

    @api.depends("coupon_id")
    def _compute_share_link(self):
        self.share_link = False
