from urllib.parse import urlsplit

import odoo.http
from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales_coupon.tests.test_coupon import CouponCase


class ShareLinkCase(CouponCase):
    def _share(self):
        action = self._dialog().save().action_get_share_link()
        self.assertEqual(action["res_model"], "helpdesk.coupon.share")
        return self.env[action["res_model"]].browse(action["res_id"])


@tagged("post_install", "-at_install")
class TestCouponShareLink(ShareLinkCase):
    def test_share_link_applies_the_code_in_the_shop(self):
        share = self._share()
        coupon = self.ticket.coupon_ids
        self.assertEqual(len(coupon), 1, "the link shares the coupon it generated")
        self.assertEqual(share.code, coupon.code)
        self.assertTrue(
            share.share_link.endswith(f"/coupon/{coupon.code}?r=%2Fshop"), share.share_link
        )
        self.assertTrue(share.share_link.startswith(self.env["website"].get_base_url()))

    def test_share_link_opens_the_program_website(self):
        shop = self.env["website"].create(
            {"name": "Outlet", "domain": "https://outlet.example.com"}
        )
        self.program.website_id = shop
        share = self._share()
        self.assertEqual(
            share.share_link,
            f"https://outlet.example.com/coupon/{self.ticket.coupon_ids.code}?r=%2Fshop",
        )


@tagged("post_install", "-at_install")
class TestCouponShareLinkRoute(ShareLinkCase, HttpCase):
    def test_share_link_route_keeps_the_code_for_the_cart(self):
        share = self._share()
        link = urlsplit(share.share_link)
        self.authenticate(None, None)  # a visitor of the shop
        response = self.url_open(f"{link.path}?{link.query}", allow_redirects=False)
        session = odoo.http.root.session_store.get(self.session.sid)
        self.assertEqual(session.get("pending_coupon_code"), self.ticket.coupon_ids.code)
        # eCommerce's route keeps the code and applies it to the cart as soon
        # as the customer adds something to it.
        self.assertIn(response.status_code, (302, 303))
        location = urlsplit(response.headers["Location"])
        self.assertEqual(location.path, "/shop")
        self.assertIn("coupon_error_type=warning", location.query)
