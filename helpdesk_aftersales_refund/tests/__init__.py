from . import test_refund
from . import test_translations
