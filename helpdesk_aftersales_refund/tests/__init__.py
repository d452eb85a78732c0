from . import test_refund
