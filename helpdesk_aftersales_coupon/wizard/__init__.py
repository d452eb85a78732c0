from . import helpdesk_coupon_share
from . import helpdesk_sale_coupon_generate
