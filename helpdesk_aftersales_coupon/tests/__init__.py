from . import test_access, test_coupon, test_performance, test_rpc, test_tour, test_portal
