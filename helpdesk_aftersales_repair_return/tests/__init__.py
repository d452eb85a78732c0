from . import test_repair_return
