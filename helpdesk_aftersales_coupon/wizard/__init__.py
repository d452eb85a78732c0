from . import helpdesk_coupon_share, helpdesk_sale_coupon_generate
