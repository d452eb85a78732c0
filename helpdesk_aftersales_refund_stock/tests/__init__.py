from . import test_boundaries, test_refund_lot
