from . import test_helpdesk_stock_return
from . import test_translations
