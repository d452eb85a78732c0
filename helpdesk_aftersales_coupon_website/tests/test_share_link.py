from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_coupon.tests.test_coupon import CouponCase


@tagged("post_install", "-at_install")
class TestCouponShareLink(CouponCase):
    def test_share_link_applies_the_code_in_the_shop(self):
        action = self._dialog().save().action_get_share_link()
        share = self.env[action["res_model"]].browse(action["res_id"])
        coupon = self.ticket.coupon_ids
        self.assertTrue(
            share.share_link.endswith(f"/coupon/{coupon.code}?r=%2Fshop"), share.share_link
        )
        self.assertTrue(
            share.share_link.startswith(self.env["website"].search([], limit=1).get_base_url())
        )
