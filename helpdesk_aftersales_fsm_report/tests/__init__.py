from . import test_worksheet
