from odoo import api, models


class HelpdeskCouponShare(models.TransientModel):
    _inherit = "helpdesk.coupon.share"

    def _aftersales_share_website(self):
        """The shop where the link opens: the program's website, else the
        website of the ticket's company, else the only website (as eCommerce's
        own share dialog does)."""
        self.ensure_one()
        coupon = self.coupon_id
        company = coupon.company_id or coupon.helpdesk_ticket_id.company_id
        return (
            coupon.program_id.website_id
            or company.website_id
            or self.env["coupon.share"]
            .with_context(default_program_id=coupon.program_id.id)
            ._get_default_website_id()
        )

    @api.depends("coupon_id")
    def _compute_share_link(self):
        # eCommerce's own share dialog builds the /coupon/<code> link that
        # applies the code to the cart: reuse it rather than rebuild the URL.
        for share in self:
            coupon = share.coupon_id
            share.share_link = (
                self.env["coupon.share"]
                .new(
                    {
                        "program_id": coupon.program_id.id,
                        "coupon_id": coupon.id,
                        "website_id": share._aftersales_share_website().id,
                    }
                )
                .share_link
                if coupon
                else False
            )
