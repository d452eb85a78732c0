from odoo import api, fields, models


class HelpdeskCouponShare(models.TransientModel):
    """Share Coupon dialog: the link applies the coupon to the customer's cart.
    The link needs eCommerce: ``helpdesk_aftersales_coupon_website`` (installed
    with it) computes it; without eCommerce the dialog says what to install."""

    _name = "helpdesk.coupon.share"
    _inherit = ["helpdesk.aftersales.company.mixin"]
    _description = "Share a coupon generated from a helpdesk ticket"
    _aftersales_company_field = "coupon_id"

    coupon_id = fields.Many2one("loyalty.card", string="Coupon", required=True, readonly=True)
    # A coupon code is money: read with the user's rights (a related field is
    # read as superuser by default). The record rule keeps the dialog to the
    # coupons generated from tickets of the user's companies.
    code = fields.Char(related="coupon_id.code", string="Coupon Code", compute_sudo=False)
    share_link = fields.Char(compute="_compute_share_link")

    @api.depends("coupon_id")
    def _compute_share_link(self):
        self.share_link = False
