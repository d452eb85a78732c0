from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_coupon.tests.test_portal import CouponPortalCase


@tagged("post_install", "-at_install")
class TestCouponPortalShareLink(CouponPortalCase):
    def test_ticket_page_gives_the_share_link(self):
        coupon = self._generate()
        share_link = f"/coupon/{coupon.code}?r=%2Fshop"
        page = self.assertOnlyCustomerSees(self.ticket, share_link)
        self.assertPageShows(page, "Use it in the shop")
