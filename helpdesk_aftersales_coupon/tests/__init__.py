from . import test_access, test_coupon
from . import test_rpc
from . import test_performance
from . import test_tour
