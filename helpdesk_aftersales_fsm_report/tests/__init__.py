from . import test_boundaries, test_translations, test_worksheet
