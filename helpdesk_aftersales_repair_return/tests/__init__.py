from . import test_boundaries, test_repair_return
