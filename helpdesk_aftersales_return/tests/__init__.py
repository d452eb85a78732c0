from . import test_helpdesk_stock_return, test_translations
from . import test_performance
from . import test_access
from . import test_rpc
from . import test_tour
