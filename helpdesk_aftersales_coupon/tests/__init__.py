from . import test_access, test_coupon, test_performance, test_portal, test_rpc, test_tour
