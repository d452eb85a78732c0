from . import test_repair_refund
