from . import test_boundaries, test_loop, test_repair_return
