from . import test_refund, test_translations
