from . import test_refund_lot
