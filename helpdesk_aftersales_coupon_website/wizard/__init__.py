from . import helpdesk_coupon_share
