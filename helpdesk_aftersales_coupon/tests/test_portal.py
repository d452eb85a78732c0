from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase

from .test_coupon import CouponCase


class CouponPortalCase(AftersalesPortalCase, CouponCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales_portal()

    def _generate(self, **values):
        # As the agent does: Generate Coupon on the ticket, program, Valid Until.
        self._dialog(**values).save().action_generate()
        return self.ticket.coupon_ids


@tagged("post_install", "-at_install")
class TestCouponPortal(CouponPortalCase):
    def test_coupon_code_and_expiry_shown_to_its_customer_only(self):
        expiry = fields.Date.today() + timedelta(days=30)
        coupon = self._generate(expiration_date=expiry)
        page = self.assertOnlyCustomerSees(self.ticket, 'id="aftersales_coupons"', coupon.code)
        lang = self.env["res.lang"]._lang_get(self.portal_user.lang)
        self.assertPageShows(page, expiry.strftime(lang.date_format))

    def test_coupon_without_expiry(self):
        coupon = self._generate()
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertPageShows(page, coupon.code, "No expiry")

    def test_coupon_of_another_customer_on_the_ticket_is_not_shown(self):
        # Linked to the ticket by mistake but made out to customer B: A's
        # page does not show it, nor B's (it is not B's ticket).
        coupon = self._generate()
        coupon.partner_id = self.other_customer
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertPageHides(page, coupon.code, 'id="ticket_aftersales"')

    def test_block_in_german_and_chinese(self):
        self._generate()
        self._setup_portal_languages(core=["loyalty"])
        self.assertPortalPageTranslated(
            f"/my/ticket/{self.ticket.id}", "portal_customer_a", region="ticket_aftersales"
        )
